defmodule ExAgentBasics do
  defmodule Counter do
    use Agent

    def start_link(init), do: Agent.start_link(fn -> init end, name: __MODULE__)
    def value, do: Agent.get(__MODULE__, & &1)
    def inc, do: Agent.update(__MODULE__, &(&1 + 1))
  end

  def start do
    {:ok, a} = Agent.start_link(fn -> %{} end)
    IO.inspect(is_pid(a), label: "agent pid")
    IO.inspect(Agent.get(a, & &1), label: "initial")
    IO.inspect(Agent.update(a, &Map.put(&1, :x, 1)), label: "update")
    IO.inspect(Agent.get(a, &Map.get(&1, :x)), label: "get x")
    IO.inspect(Agent.get_and_update(a, fn m -> {Map.get(m, :x), Map.update!(m, :x, &(&1 * 10))} end), label: "get_and_update")
    IO.inspect(Agent.get(a, & &1), label: "after get_and_update")
    IO.inspect(Agent.cast(a, &Map.put(&1, :y, 2)), label: "cast")
    IO.inspect(Agent.get(a, &Enum.sort(Map.keys(&1))), label: "keys after cast")

    # MFA forms
    {:ok, l} = Agent.start_link(List, :duplicate, [0, 3])
    IO.inspect(Agent.get(l, Enum, :sum, []), label: "mfa get")
    Agent.update(l, List, :insert_at, [0, 9])
    IO.inspect(Agent.get(l, & &1), label: "mfa update")
    IO.inspect(Agent.get_and_update(l, Enum, :split, [2]), label: "mfa get_and_update")
    Agent.cast(l, Enum, :reverse, [])
    IO.inspect(Agent.get(l, & &1), label: "mfa cast")

    # named agent via use Agent
    {:ok, _} = Counter.start_link(5)
    for _ <- 1..7, do: Counter.inc()
    IO.inspect(Counter.value(), label: "named counter")
    IO.inspect(Counter.child_spec(0), label: "child_spec")

    # ordering: casts from one process are applied in order
    {:ok, q} = Agent.start_link(fn -> [] end)
    for i <- 1..10, do: Agent.cast(q, &[i | &1])
    IO.inspect(Agent.get(q, &Enum.reverse/1), label: "cast order")

    # concurrent updates from many processes
    me = self()

    for i <- 1..20 do
      spawn(fn ->
        Agent.update(q, &[i | &1])
        send(me, :updated)
      end)
    end

    for _ <- 1..20, do: receive(do: (:updated -> :ok))
    IO.inspect(Agent.get(q, &length/1), label: "after concurrent updates")
    IO.inspect(Agent.get(q, &Enum.sum/1), label: "sum")

    # get timeout
    {:ok, slow} = Agent.start_link(fn -> 0 end)
    Agent.cast(slow, fn s -> Process.sleep(100); s end)

    r =
      try do
        Agent.get(slow, & &1, 10)
      catch
        :exit, {reason, {GenServer, :call, _}} -> {:exit, reason}
      end

    IO.inspect(r, label: "get timeout")

    # stop
    IO.inspect(Agent.stop(a), label: "stop")
    IO.inspect(Process.alive?(a), label: "alive after stop")

    r2 =
      try do
        Agent.get(a, & &1)
      catch
        :exit, {reason, _} -> reason
      end

    IO.inspect(r2, label: "get after stop")

    # start_link whose init fun raises
    Process.flag(:trap_exit, true)

    case Agent.start_link(fn -> raise "agent init failed" end) do
      {:error, {%RuntimeError{message: m}, _}} -> IO.inspect(m, label: "init raised")
      other -> IO.inspect(other, label: "init other")
    end

    receive do
      {:EXIT, _, {%RuntimeError{}, _}} -> IO.puts("got EXIT for failed agent")
    after
      500 -> IO.puts("no EXIT")
    end

    # update fun raising crashes the agent
    {:ok, c} = Agent.start(fn -> 1 end)
    ref = Process.monitor(c)

    r3 =
      try do
        Agent.update(c, fn _ -> raise ArgumentError, "bad update" end)
      catch
        :exit, {{%ArgumentError{message: m}, _}, _} -> {:crashed, m}
      end

    IO.inspect(r3, label: "update raise")

    receive do
      {:DOWN, ^ref, :process, ^c, {%ArgumentError{}, _}} -> IO.puts("agent down with ArgumentError")
    end

    IO.inspect(Agent.stop(l, :shutdown), label: "stop with reason")

    receive do
      {:EXIT, ^l, reason} -> IO.inspect(reason, label: "l EXIT")
    end

    IO.puts("done")
  end
end
