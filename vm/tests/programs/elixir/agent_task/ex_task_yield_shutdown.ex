defmodule ExTaskYieldShutdown do
  def start do
    me = self()

    # yield on a finished task
    t1 = Task.async(fn -> :quick end)
    IO.inspect(Task.yield(t1, 1000), label: "yield done")

    # yield on a slow task returns nil, task keeps running, later yield gets it
    t2 =
      Task.async(fn ->
        receive do
          :go -> :after_go
        end
      end)

    IO.inspect(Task.yield(t2, 10), label: "yield pending")
    send(t2.pid, :go)
    IO.inspect(Task.yield(t2, 1000), label: "yield again")

    # yield with a task that exits (trap exits to survive the link)
    Process.flag(:trap_exit, true)
    t3 = Task.async(fn -> exit(:bad_exit) end)
    IO.inspect(Task.yield(t3, 1000), label: "yield exited")

    receive do
      {:EXIT, _, :bad_exit} -> IO.puts("EXIT bad_exit")
    end

    # shutdown a running task
    t4 =
      Task.async(fn ->
        send(me, :t4_running)
        Process.sleep(:infinity)
      end)

    receive do
      :t4_running -> :ok
    end

    IO.inspect(Task.shutdown(t4), label: "shutdown running")
    IO.inspect(Process.alive?(t4.pid), label: "t4 alive")

    # shutdown with :brutal_kill
    t5 = Task.async(fn -> Process.sleep(:infinity) end)
    IO.inspect(Task.shutdown(t5, :brutal_kill), label: "shutdown brutal")

    # shutdown a task that already replied returns the reply
    t6 = Task.async(fn -> {:result, 6} end)
    ref6 = Process.monitor(t6.pid)

    receive do
      {:DOWN, ^ref6, :process, _, :normal} -> :ok
    end

    IO.inspect(Task.shutdown(t6), label: "shutdown completed")

    # shutdown a task that crashed
    t7 = Task.async(fn -> exit(:crash7) end)
    ref7 = Process.monitor(t7.pid)

    receive do
      {:DOWN, ^ref7, :process, _, _} -> :ok
    end

    IO.inspect(Task.shutdown(t7), label: "shutdown crashed")

    # a trapping task terminated by shutdown
    t8 =
      Task.async(fn ->
        Process.flag(:trap_exit, true)
        send(me, :t8_ready)

        receive do
          {:EXIT, _, reason} -> send(me, {:t8_saw, reason})
        end
      end)

    receive do
      :t8_ready -> :ok
    end

    IO.inspect(Task.shutdown(t8, 500), label: "shutdown trapping")

    receive do
      {:t8_saw, reason} -> IO.inspect(reason, label: "t8 saw")
    after
      100 -> IO.puts("t8 saw nothing")
    end

    # yield_many
    tasks = [
      Task.async(fn -> :a end),
      Task.async(fn -> receive(do: (:never -> :x)) end),
      Task.async(fn -> :c end)
    ]

    Process.sleep(20)
    results = Task.yield_many(tasks, 50)
    IO.inspect(Enum.map(results, fn {_t, r} -> r end), label: "yield_many")
    IO.inspect(Enum.map(results, fn {t, _} -> t end) == tasks, label: "yield_many order")

    [_, pending, _] = tasks
    IO.inspect(Task.shutdown(pending, :brutal_kill), label: "shutdown pending")

    # the common idiom: yield || shutdown
    t9 = Task.async(fn -> Process.sleep(:infinity) end)
    IO.inspect(Task.yield(t9, 10) || Task.shutdown(t9), label: "yield || shutdown")
    t10 = Task.async(fn -> :fast end)
    Process.sleep(10)
    IO.inspect(Task.yield(t10, 100) || Task.shutdown(t10), label: "yield || shutdown fast")

    IO.inspect(leftover_exits([]) |> Enum.uniq() |> Enum.sort(), label: "leftover EXIT reasons")
    IO.puts("done")
  end

  defp leftover_exits(acc) do
    receive do
      {:EXIT, _, reason} -> leftover_exits([reason | acc])
    after
      0 -> acc
    end
  end
end
