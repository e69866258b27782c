defmodule ExSupOneForAll do
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
    def handle_call(:ping, _from, st), do: {:reply, {:pong, st.name}, st}

    @impl true
    def terminate(reason, st) do
      send(st.main, {:terminated, st.name, reason})
      :ok
    end
  end

  def start do
    main = self()

    children =
      for n <- [:ex_s1fa_w1, :ex_s1fa_w2, :ex_s1fa_w3, :ex_s1fa_w4] do
        Supervisor.child_spec({Worker, {n, main}}, id: n)
      end

    {:ok, sup} = Supervisor.start_link(children, strategy: :one_for_all, max_restarts: 5)
    IO.inspect(collect(4), label: "start order")

    IO.inspect(GenServer.call(:ex_s1fa_w3, :ping), label: "ping w3")
    old = for n <- [:ex_s1fa_w1, :ex_s1fa_w2, :ex_s1fa_w3, :ex_s1fa_w4], do: Process.whereis(n)

    # kill w2: all others are terminated (reverse start order) and all restarted
    Process.exit(Process.whereis(:ex_s1fa_w2), :kill)
    IO.inspect(collect(3), label: "terminations")
    IO.inspect(collect(4), label: "restart order")

    new = for n <- [:ex_s1fa_w1, :ex_s1fa_w2, :ex_s1fa_w3, :ex_s1fa_w4], do: Process.whereis(n)
    IO.inspect(Enum.zip(old, new) |> Enum.map(fn {o, n} -> o != n end), label: "all new pids")
    IO.inspect(Enum.all?(new, &is_pid/1), label: "all alive")

    # a normal-reason exit of a permanent child also triggers restart of all
    GenServer.stop(:ex_s1fa_w4, :normal)
    IO.inspect(collect(4), label: "w4 stopped normal, terminations")
    IO.inspect(collect(4), label: "restart order 2")

    kids = Supervisor.which_children(sup)
    IO.inspect(Enum.map(kids, fn {id, p, t, _} -> {id, is_pid(p), t} end), label: "which_children")
    IO.inspect(Supervisor.count_children(sup), label: "count")

    # stopping the supervisor terminates children in reverse order
    ref = Process.monitor(sup)
    Supervisor.stop(sup, :normal)
    IO.inspect(collect(4), label: "shutdown order")

    receive do
      {:DOWN, ^ref, :process, ^sup, reason} -> IO.inspect(reason, label: "sup down")
    end

    IO.puts("done")
  end

  defp collect(n) do
    for _ <- 1..n do
      receive do
        {:started, name} -> {:started, name}
        {:terminated, name, reason} -> {:terminated, name, reason}
      after
        2000 -> :missing
      end
    end
  end
end
