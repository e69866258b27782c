defmodule ExSupRestForOne do
  defmodule Worker do
    use GenServer

    def start_link({name, main}), do: GenServer.start_link(__MODULE__, {name, main}, name: name)

    @impl true
    def init({name, main}) do
      Process.flag(:trap_exit, true)
      send(main, {:started, name})
      {:ok, %{name: name, main: main}}
    end

    @impl true
    def handle_call(:ping, _from, st), do: {:reply, :pong, st}
    def handle_call(:crash, _from, st), do: {:stop, :crashed, :bye, st}

    @impl true
    def terminate(reason, st) do
      send(st.main, {:terminated, st.name, reason})
      :ok
    end
  end

  @names [:ex_sr41_a, :ex_sr41_b, :ex_sr41_c, :ex_sr41_d]

  def start do
    main = self()
    children = for n <- @names, do: Supervisor.child_spec({Worker, {n, main}}, id: n)
    {:ok, sup} = Supervisor.start_link(children, strategy: :rest_for_one, max_restarts: 10)
    IO.inspect(collect(4), label: "started")

    # crash the last one: only it restarts
    snap1 = snapshot()
    IO.inspect(GenServer.call(:ex_sr41_d, :crash), label: "crash d reply")
    IO.inspect(collect(2), label: "d events")
    IO.inspect(changed(snap1, snapshot()), label: "changed after d")

    # crash b: b, c, d restart; a untouched
    snap2 = snapshot()
    IO.inspect(GenServer.call(:ex_sr41_b, :crash), label: "crash b reply")
    IO.inspect(collect(6), label: "b events")
    IO.inspect(changed(snap2, snapshot()), label: "changed after b")

    # kill a: everything restarts
    snap3 = snapshot()
    Process.exit(Process.whereis(:ex_sr41_a), :kill)
    IO.inspect(collect(7), label: "a events")
    IO.inspect(changed(snap3, snapshot()), label: "changed after a")

    # terminate_child c (rest_for_one does not restart others on manual terminate)
    snap4 = snapshot()
    IO.inspect(Supervisor.terminate_child(sup, :ex_sr41_c), label: "terminate c")
    IO.inspect(collect(1), label: "terminate c events")
    IO.inspect(Enum.map(snapshot(), &is_pid/1), label: "alive after terminate c")
    IO.inspect(Supervisor.restart_child(sup, :ex_sr41_c) |> elem(0), label: "restart c")
    IO.inspect(collect(1), label: "restart c events")
    IO.inspect(changed(snap4, snapshot()), label: "changed after restart c")

    IO.inspect(Supervisor.count_children(sup), label: "count")
    Supervisor.stop(sup)
    IO.inspect(collect(4), label: "stop events")
    IO.puts("done")
  end

  defp snapshot, do: Enum.map(@names, &Process.whereis/1)
  defp changed(a, b), do: Enum.zip(a, b) |> Enum.map(fn {x, y} -> x != y end)

  defp collect(n) do
    for _ <- 1..n do
      receive do
        {:started, name} -> {:s, name}
        {:terminated, name, reason} -> {:t, name, reason}
      after
        2000 -> :missing
      end
    end
  end
end
