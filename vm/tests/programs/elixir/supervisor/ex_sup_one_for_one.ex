defmodule ExSupOneForOne do
  defmodule Worker do
    use GenServer

    def start_link(name), do: GenServer.start_link(__MODULE__, name, name: name)

    @impl true
    def init(name), do: {:ok, %{name: name, n: 0}}

    @impl true
    def handle_call(:bump, _from, st), do: {:reply, st.n + 1, %{st | n: st.n + 1}}
    def handle_call(:crash, _from, _st), do: exit(:requested_crash)

    @impl true
    def handle_cast(:crash, _st), do: exit(:cast_crash)
  end

  def start do
    children = [
      Supervisor.child_spec({Worker, :ex_s141_a}, id: :a),
      Supervisor.child_spec({Worker, :ex_s141_b}, id: :b),
      Supervisor.child_spec({Worker, :ex_s141_c}, id: :c)
    ]

    {:ok, sup} = Supervisor.start_link(children, strategy: :one_for_one, name: :ex_s141_sup)
    IO.inspect(Process.whereis(:ex_s141_sup) == sup, label: "sup registered")
    print_children(sup, "initial")
    IO.inspect(Supervisor.count_children(sup), label: "count")

    # bump counters
    for _ <- 1..3, do: GenServer.call(:ex_s141_a, :bump)
    for _ <- 1..2, do: GenServer.call(:ex_s141_b, :bump)
    IO.inspect(GenServer.call(:ex_s141_a, :bump), label: "a counter")

    old_a = Process.whereis(:ex_s141_a)
    old_b = Process.whereis(:ex_s141_b)
    old_c = Process.whereis(:ex_s141_c)

    # kill a: only a restarts, with fresh state
    ref = Process.monitor(old_a)
    Process.exit(old_a, :kill)

    receive do
      {:DOWN, ^ref, :process, _, reason} -> IO.inspect(reason, label: "a down")
    end

    new_a = wait_new(:ex_s141_a, old_a)
    IO.inspect(new_a != old_a, label: "a restarted")
    IO.inspect(Process.whereis(:ex_s141_b) == old_b, label: "b untouched")
    IO.inspect(Process.whereis(:ex_s141_c) == old_c, label: "c untouched")
    IO.inspect(GenServer.call(:ex_s141_a, :bump), label: "a counter reset")
    IO.inspect(GenServer.call(:ex_s141_b, :bump), label: "b counter kept")

    # crash b via call
    refb = Process.monitor(old_b)

    r =
      try do
        GenServer.call(:ex_s141_b, :crash)
      catch
        :exit, {reason, _} -> reason
      end

    IO.inspect(r, label: "call crash")

    receive do
      {:DOWN, ^refb, :process, _, reason} -> IO.inspect(reason, label: "b down")
    end

    new_b = wait_new(:ex_s141_b, old_b)
    IO.inspect(new_b != old_b, label: "b restarted")

    # crash c via cast
    refc = Process.monitor(old_c)
    GenServer.cast(:ex_s141_c, :crash)

    receive do
      {:DOWN, ^refc, :process, _, reason} -> IO.inspect(reason, label: "c down")
    end

    new_c = wait_new(:ex_s141_c, old_c)
    IO.inspect(new_c != old_c, label: "c restarted")
    print_children(sup, "after restarts")

    # which_children pids match registered names
    pids = for {_, p, _, _} <- Supervisor.which_children(sup), into: MapSet.new(), do: p
    IO.inspect(MapSet.equal?(pids, MapSet.new([new_a, new_b, new_c])), label: "pids match names")
    IO.inspect(Supervisor.count_children(sup), label: "count after")

    # stop supervisor: children stop too
    refs = for p <- [new_a, new_b, new_c], do: Process.monitor(p)
    IO.inspect(Supervisor.stop(sup), label: "sup stop")

    reasons =
      for r <- refs do
        receive do
          {:DOWN, ^r, :process, _, reason} -> reason
        end
      end

    IO.inspect(reasons, label: "children stopped")
    IO.inspect(Process.whereis(:ex_s141_sup), label: "sup unregistered")
    IO.puts("done")
  end

  defp print_children(sup, label) do
    kids = Supervisor.which_children(sup)
    IO.inspect(Enum.map(kids, fn {id, pid, type, mods} -> {id, is_pid(pid), type, mods} end), label: label)
  end

  defp wait_new(name, old, n \\ 200)
  defp wait_new(_name, _old, 0), do: nil

  defp wait_new(name, old, n) do
    case Process.whereis(name) do
      pid when is_pid(pid) and pid != old ->
        pid

      _ ->
        Process.sleep(5)
        wait_new(name, old, n - 1)
    end
  end
end
