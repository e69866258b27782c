defmodule ExSupDynamic do
  defmodule Worker do
    use GenServer

    def start_link(arg), do: GenServer.start_link(__MODULE__, arg)

    @impl true
    def init({:fail, reason}), do: {:stop, reason}
    def init(:ignore), do: :ignore
    def init(v), do: {:ok, v}

    @impl true
    def handle_call(:get, _from, v), do: {:reply, v, v}
    def handle_call(:crash, _from, v), do: {:stop, :crash, :crashing, v}
  end

  defmodule Dyn do
    use DynamicSupervisor

    def start_link(opts), do: DynamicSupervisor.start_link(__MODULE__, opts, name: :ex_sdyn_mod)

    @impl true
    def init(opts), do: DynamicSupervisor.init(strategy: :one_for_one, max_children: Keyword.get(opts, :max, :infinity))
  end

  def start do
    {:ok, sup} = DynamicSupervisor.start_link(strategy: :one_for_one, name: :ex_sdyn)
    IO.inspect(Process.whereis(:ex_sdyn) == sup, label: "registered")
    IO.inspect(DynamicSupervisor.count_children(sup), label: "empty count")
    IO.inspect(DynamicSupervisor.which_children(sup), label: "empty children")

    pids =
      for v <- [:a, :b, :c] do
        {:ok, p} = DynamicSupervisor.start_child(sup, {Worker, v})
        p
      end

    IO.inspect(Enum.map(pids, &GenServer.call(&1, :get)), label: "values")
    IO.inspect(DynamicSupervisor.count_children(sup), label: "count 3")

    kids = DynamicSupervisor.which_children(sup)
    IO.inspect(Enum.map(kids, fn {id, p, t, m} -> {id, is_pid(p), t, m} end), label: "which_children")
    IO.inspect(MapSet.new(for {_, p, _, _} <- kids, do: p) == MapSet.new(pids), label: "pids match")

    # terminate_child by pid
    [pa, pb, pc] = pids
    IO.inspect(DynamicSupervisor.terminate_child(sup, pb), label: "terminate b")
    IO.inspect(Process.alive?(pb), label: "b alive")
    IO.inspect(DynamicSupervisor.terminate_child(sup, pb), label: "terminate b again")
    IO.inspect(DynamicSupervisor.count_children(sup).active, label: "active after terminate")

    # crash: permanent children are restarted with a new pid
    ref = Process.monitor(pa)

    r =
      try do
        GenServer.call(pa, :crash)
      catch
        :exit, _ -> :exit
      end

    IO.inspect(r, label: "crash reply")

    receive do
      {:DOWN, ^ref, :process, ^pa, reason} -> IO.inspect(reason, label: "a down")
    end

    new_pids = wait_count(sup, 2, 200)
    IO.inspect(length(new_pids), label: "children after crash")
    IO.inspect(pa in new_pids, label: "old a still listed")
    IO.inspect(pc in new_pids, label: "c still listed")
    IO.inspect(Enum.map(new_pids, &GenServer.call(&1, :get)) |> Enum.sort(), label: "values after restart")

    # temporary children are not restarted
    {:ok, t} = DynamicSupervisor.start_child(sup, Supervisor.child_spec({Worker, :temp}, restart: :temporary))
    tref = Process.monitor(t)

    try do
      GenServer.call(t, :crash)
    catch
      :exit, _ -> :ok
    end

    receive do
      {:DOWN, ^tref, :process, ^t, _} -> :ok
    end

    IO.inspect(length(wait_count(sup, 2, 200)), label: "after temp crash")

    # start_child errors and ignore
    IO.inspect(DynamicSupervisor.start_child(sup, {Worker, {:fail, :nope}}), label: "start fail")
    IO.inspect(DynamicSupervisor.start_child(sup, {Worker, :ignore}), label: "start ignore")

    # module-based with max_children
    {:ok, dm} = Dyn.start_link(max: 2)
    {:ok, _} = DynamicSupervisor.start_child(:ex_sdyn_mod, {Worker, 1})
    {:ok, _} = DynamicSupervisor.start_child(:ex_sdyn_mod, {Worker, 2})
    IO.inspect(DynamicSupervisor.start_child(:ex_sdyn_mod, {Worker, 3}), label: "max_children")
    IO.inspect(DynamicSupervisor.count_children(dm), label: "module count")

    # stopping the supervisor stops all children
    all = for {_, p, _, _} <- DynamicSupervisor.which_children(dm), do: Process.monitor(p)
    IO.inspect(DynamicSupervisor.stop(dm), label: "stop module sup")

    reasons =
      for r <- all do
        receive do
          {:DOWN, ^r, _, _, reason} -> reason
        end
      end

    IO.inspect(reasons, label: "children reasons")
    DynamicSupervisor.stop(sup)
    IO.inspect(Process.whereis(:ex_sdyn), label: "unregistered")
    IO.puts("done")
  end

  defp wait_count(sup, _n, 0), do: pids_of(sup)

  defp wait_count(sup, n, left) do
    pids = pids_of(sup)

    if length(pids) == n and Enum.all?(pids, &is_pid/1) do
      pids
    else
      Process.sleep(5)
      wait_count(sup, n, left - 1)
    end
  end

  defp pids_of(sup), do: for({_, p, _, _} <- DynamicSupervisor.which_children(sup), do: p)
end
