defmodule ExSupRestartTypes do
  defmodule Worker do
    use GenServer, restart: :transient

    def start_link({name, main}), do: GenServer.start_link(__MODULE__, {name, main}, name: name)

    @impl true
    def init({name, main}) do
      send(main, {:started, name})
      {:ok, name}
    end

    @impl true
    def handle_cast({:stop, reason}, name), do: {:stop, reason, name}
  end

  @perm :ex_srt_perm
  @temp :ex_srt_temp
  @tran :ex_srt_tran

  def start do
    main = self()

    children = [
      Supervisor.child_spec({Worker, {@perm, main}}, id: :perm, restart: :permanent),
      Supervisor.child_spec({Worker, {@temp, main}}, id: :temp, restart: :temporary),
      # restart comes from `use GenServer, restart: :transient`
      Supervisor.child_spec({Worker, {@tran, main}}, id: :tran)
    ]

    IO.inspect(Enum.map(children, &{&1.id, Map.get(&1, :restart)}), label: "specs")
    IO.inspect(Worker.child_spec({:x, main}) |> Map.take([:id, :restart, :type]), label: "use GenServer child_spec")

    {:ok, sup} = Supervisor.start_link(children, strategy: :one_for_one, max_restarts: 20)
    IO.inspect(collect(sup, 3), label: "started")

    # permanent: restarted after normal exit and after crash
    stop_and_wait(@perm, :normal)
    IO.inspect(started?(sup), label: "permanent after :normal")
    stop_and_wait(@perm, :boom)
    IO.inspect(started?(sup), label: "permanent after :boom")

    # transient: restarted only on abnormal exit
    stop_and_wait(@tran, :boom)
    IO.inspect(started?(sup), label: "transient after :boom")
    stop_and_wait(@tran, :shutdown)
    IO.inspect(started?(sup), label: "transient after :shutdown")
    show(sup, "children after transient shutdown")

    # transient child not running: restart_child works
    IO.inspect(Supervisor.restart_child(sup, :tran) |> elem(0), label: "restart_child tran")
    IO.inspect(started?(sup), label: "tran started again")
    stop_and_wait(@tran, {:shutdown, :custom})
    IO.inspect(started?(sup), label: "transient after {:shutdown, _}")
    stop_and_wait(@tran, :normal) |> then(fn _ -> :ok end)
    IO.inspect(started?(sup), label: "transient after :normal (not running)")

    # temporary: never restarted, and removed from the children list
    stop_and_wait(@temp, :boom)
    IO.inspect(started?(sup), label: "temporary after :boom")
    show(sup, "children after temporary crash")
    IO.inspect(Supervisor.restart_child(sup, :temp), label: "restart_child temp")
    IO.inspect(Supervisor.count_children(sup), label: "count")

    # start_child with a temporary spec, then normal exit
    {:ok, _} = Supervisor.start_child(sup, Supervisor.child_spec({Worker, {:ex_srt_t2, main}}, id: :t2, restart: :temporary))
    IO.inspect(started?(sup), label: "start_child temporary")
    stop_and_wait(:ex_srt_t2, :normal)
    show(sup, "children after t2 normal")

    Supervisor.stop(sup)
    IO.puts("done")
  end

  # stops a worker that may or may not be running; waits for it to go down
  defp stop_and_wait(name, reason) do
    case Process.whereis(name) do
      nil ->
        :not_running

      pid ->
        ref = Process.monitor(pid)
        GenServer.cast(pid, {:stop, reason})

        receive do
          {:DOWN, ^ref, :process, ^pid, _} -> :ok
        end
    end
  end

  # Whether a worker (re)started. A call to the supervisor returns only after it has
  # handled the exit before it (and a restart, whose init sends :started), so no
  # waiting on the clock is needed.
  defp started?(sup) do
    _ = Supervisor.count_children(sup)

    receive do
      {:started, name} -> {:restarted, name}
    after
      0 -> :not_restarted
    end
  end

  defp show(sup, label) do
    kids = Supervisor.which_children(sup)
    IO.inspect(Enum.map(kids, fn {id, p, _, _} -> {id, is_pid(p)} end), label: label)
  end

  defp collect(sup, n), do: for(_ <- 1..n, do: started?(sup))
end
