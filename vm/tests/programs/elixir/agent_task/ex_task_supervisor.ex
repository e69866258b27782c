defmodule ExTaskSupervisor do
  def start do
    {:ok, ts} = Task.Supervisor.start_link(name: :ex_tsup)
    IO.inspect(Process.whereis(:ex_tsup) == ts, label: "registered")

    # async / await under the supervisor
    t = Task.Supervisor.async(:ex_tsup, fn -> :supervised end)
    IO.inspect(Task.await(t), label: "async")

    # async_nolink: a crash does not take down the caller
    t2 = Task.Supervisor.async_nolink(:ex_tsup, fn -> raise "nolink boom" end)

    r =
      case Task.yield(t2, 1000) do
        {:exit, {%RuntimeError{message: m}, _}} -> {:exit, m}
        other -> other
      end

    IO.inspect(r, label: "async_nolink crash")
    IO.inspect(Process.info(self(), :trap_exit), label: "not trapping")

    t3 = Task.Supervisor.async_nolink(:ex_tsup, fn -> exit(:nolink_exit) end)
    IO.inspect(Task.yield(t3, 1000), label: "async_nolink exit")

    # start_child: fire-and-forget
    me = self()
    {:ok, c} = Task.Supervisor.start_child(:ex_tsup, fn -> receive do :go -> send(me, :child_done) end end)
    IO.inspect(Task.Supervisor.children(:ex_tsup) == [c], label: "children list")
    ref = Process.monitor(c)
    send(c, :go)

    receive do
      :child_done -> IO.puts("child done")
    end

    receive do
      {:DOWN, ^ref, :process, ^c, reason} -> IO.inspect(reason, label: "child down")
    end

    IO.inspect(Task.Supervisor.children(:ex_tsup), label: "children after")

    # terminate_child
    {:ok, c2} = Task.Supervisor.start_child(:ex_tsup, fn -> Process.sleep(:infinity) end)
    IO.inspect(Task.Supervisor.terminate_child(:ex_tsup, c2), label: "terminate_child")
    IO.inspect(Task.Supervisor.terminate_child(:ex_tsup, c2), label: "terminate_child again")
    IO.inspect(Process.alive?(c2), label: "c2 alive")

    # async_stream under the supervisor
    r3 = Task.Supervisor.async_stream(:ex_tsup, 1..5, &(&1 * 11)) |> Enum.map(&elem(&1, 1))
    IO.inspect(r3, label: "supervised async_stream")

    r4 =
      Task.Supervisor.async_stream_nolink(:ex_tsup, [1, 0, 5], fn x -> div(10, x) end)
      |> Enum.map(fn
        {:ok, v} -> {:ok, v}
        {:exit, {reason, _}} -> {:exit, reason}
      end)

    IO.inspect(r4, label: "async_stream_nolink")

    # restart: :transient child crashing is restarted
    {:ok, agent} = Agent.start_link(fn -> 0 end)

    {:ok, _} =
      Task.Supervisor.start_child(
        :ex_tsup,
        fn ->
          n = Agent.get_and_update(agent, &{&1, &1 + 1})
          send(me, {:attempt, n})
          if n < 2, do: exit(:retry)
        end,
        restart: :transient
      )

    attempts =
      for _ <- 1..3 do
        receive do
          {:attempt, n} -> n
        after
          1000 -> :missing
        end
      end

    IO.inspect(attempts, label: "transient attempts")

    # many tasks, awaited in order
    tasks = for i <- 1..8, do: Task.Supervisor.async(:ex_tsup, fn -> i * i end)
    IO.inspect(Task.await_many(tasks), label: "await_many")

    # supervisor shutdown kills running children
    {:ok, c3} = Task.Supervisor.start_child(:ex_tsup, fn -> Process.sleep(:infinity) end)
    ref3 = Process.monitor(c3)
    Supervisor.stop(ts)

    receive do
      {:DOWN, ^ref3, :process, ^c3, reason} -> IO.inspect(reason, label: "child at supervisor stop")
    end

    IO.puts("done")
  end
end
