defmodule ExAppLifecycle do
  defmodule App do
    use Application

    @impl true
    def start(type, args) do
      send(:ex_app_lc_main, {:app_start, type, args})
      children = [{Agent, fn -> Application.get_env(:ex_app_lc, :initial, 0) end}]
      Supervisor.start_link(children, strategy: :one_for_one, name: :ex_app_lc_sup)
    end

    @impl true
    def prep_stop(state) do
      send(:ex_app_lc_main, :app_prep_stop)
      state
    end

    @impl true
    def stop(state) do
      send(:ex_app_lc_main, {:app_stop, state})
      :ok
    end
  end

  @app :ex_app_lc

  def start do
    Process.register(self(), :ex_app_lc_main)

    spec =
      {:application, @app,
       [
         description: ~c"demo application",
         vsn: ~c"1.2.3",
         modules: [App],
         registered: [:ex_app_lc_sup],
         applications: [:kernel, :stdlib, :elixir],
         mod: {App, [:arg1]},
         env: [initial: 41, other: :x]
       ]}

    IO.inspect(Application.spec(@app), label: "spec before load")
    IO.inspect(:application.load(spec), label: "load")
    IO.inspect(:application.load(spec), label: "load again")
    IO.inspect(Application.spec(@app, :vsn), label: "vsn")
    IO.inspect(Application.spec(@app, :description), label: "description")
    IO.inspect(Application.spec(@app, :mod), label: "mod")
    IO.inspect(Application.get_env(@app, :initial), label: "env from spec")
    IO.inspect(Application.get_all_env(@app) |> Enum.sort(), label: "all env")
    IO.inspect(Enum.any?(Application.loaded_applications(), &(elem(&1, 0) == @app)), label: "loaded")
    IO.inspect(Enum.any?(Application.started_applications(), &(elem(&1, 0) == @app)), label: "started before start")

    IO.inspect(Application.start(@app), label: "start")

    receive do
      {:app_start, type, args} -> IO.inspect({type, args}, label: "start callback")
    end

    IO.inspect(Enum.any?(Application.started_applications(), &(elem(&1, 0) == @app)), label: "started")
    IO.inspect(Application.start(@app), label: "start again")
    IO.inspect(Application.ensure_started(@app), label: "ensure_started")

    sup = Process.whereis(:ex_app_lc_sup)
    IO.inspect(is_pid(sup), label: "app supervisor running")
    [{Agent, agent, :worker, _}] = Supervisor.which_children(sup)
    IO.inspect(Agent.get(agent, & &1), label: "agent initial from env")
    IO.inspect(Application.get_application(App), label: "get_application")

    IO.inspect(Application.stop(@app), label: "stop")

    receive do
      :app_prep_stop -> IO.puts("prep_stop called")
    end

    receive do
      {:app_stop, st} -> IO.inspect(st, label: "stop callback state")
    end

    IO.inspect(Process.whereis(:ex_app_lc_sup), label: "supervisor after stop")
    IO.inspect(Application.stop(@app), label: "stop again")
    IO.inspect(Enum.any?(Application.started_applications(), &(elem(&1, 0) == @app)), label: "started after stop")
    IO.inspect(Application.get_env(@app, :initial), label: "env survives stop")

    IO.inspect(Application.unload(@app), label: "unload")
    IO.inspect(Application.spec(@app), label: "spec after unload")
    IO.inspect(Application.get_env(@app, :initial), label: "env after unload")

    # a non-existent application
    case Application.start(:ex_app_lc_does_not_exist) do
      {:error, {reason, _}} -> IO.inspect(reason, label: "start missing app")
      other -> IO.inspect(other, label: "start missing other")
    end

    case Application.ensure_all_started(:ex_app_lc_does_not_exist) do
      {:error, {app, {reason, _}}} -> IO.inspect({app, reason}, label: "ensure_all_started missing")
      other -> IO.inspect(other, label: "ensure_all_started other")
    end

    IO.puts("done")
  end
end
