defmodule ExTaskAsyncAwait do
  def square(x), do: x * x

  def start do
    t = Task.async(fn -> 1 + 1 end)
    IO.inspect(is_struct(t, Task), label: "task struct")
    IO.inspect(is_pid(Map.get(t, :pid)) and is_reference(Map.get(t, :ref)), label: "task fields")
    IO.inspect(t.owner == self(), label: "owner is self")
    IO.inspect(Task.await(t), label: "await")

    # MFA form
    IO.inspect(Task.await(Task.async(__MODULE__, :square, [12])), label: "async mfa")

    # many tasks awaited in order
    tasks = for i <- 1..10, do: Task.async(fn -> i * 3 end)
    IO.inspect(Enum.map(tasks, &Task.await/1), label: "await each")

    # await_many keeps order even when tasks finish in reverse
    tasks2 = for i <- 1..5, do: Task.async(fn -> Process.sleep((6 - i) * 3); i end)
    IO.inspect(Task.await_many(tasks2), label: "await_many")
    IO.inspect(Task.await_many([]), label: "await_many empty")

    # await timeout -> exit caught
    slow = Task.async(fn -> Process.sleep(200); :late end)

    r =
      try do
        Task.await(slow, 10)
      catch
        :exit, {reason, {Task, :await, [_, timeout]}} -> {reason, timeout}
      end

    IO.inspect(r, label: "await timeout")

    # task raising: the owner is linked, so trap exits to observe it
    Process.flag(:trap_exit, true)
    bad = Task.async(fn -> raise "task failed" end)

    r2 =
      try do
        Task.await(bad)
      catch
        :exit, {{%RuntimeError{message: m}, _}, {Task, :await, _}} -> {:task_raised, m}
      end

    IO.inspect(r2, label: "await raise")

    receive do
      {:EXIT, pid, {%RuntimeError{}, _}} -> IO.inspect(pid == bad.pid, label: "EXIT from task")
    end

    # task exiting with a reason
    ex = Task.async(fn -> exit(:task_exit) end)

    r3 =
      try do
        Task.await(ex)
      catch
        :exit, {reason, {Task, :await, _}} -> {:exited, reason}
      end

    IO.inspect(r3, label: "await exit")

    receive do
      {:EXIT, _, :task_exit} -> IO.puts("EXIT task_exit")
    end

    # the reply message format: {ref, result}, then :DOWN is flushed
    t4 = Task.async(fn -> :raw end)
    ref = t4.ref

    got =
      receive do
        {^ref, v} -> v
      end

    IO.inspect(got, label: "raw reply")
    Process.demonitor(ref, [:flush])

    # nested tasks
    outer =
      Task.async(fn ->
        inner = Task.async(fn -> :inner_value end)
        {:outer, Task.await(inner)}
      end)

    IO.inspect(Task.await(outer), label: "nested")

    # Task.start and Task.start_link (fire and forget) reporting by message
    me = self()
    {:ok, p} = Task.start(fn -> send(me, {:from_start, 1}) end)
    IO.inspect(is_pid(p), label: "Task.start pid")

    receive do
      {:from_start, v} -> IO.inspect(v, label: "Task.start message")
    end

    {:ok, p2} = Task.start_link(fn -> send(me, {:from_start_link, 2}) end)

    receive do
      {:from_start_link, v} -> IO.inspect(v, label: "Task.start_link message")
    end

    receive do
      {:EXIT, ^p2, reason} -> IO.inspect(reason, label: "start_link task EXIT")
    end

    # Task.completed
    IO.inspect(Task.await(Task.completed(:done_already)), label: "completed")

    # task results with large data
    big = Task.async(fn -> Enum.to_list(1..5000) end)
    IO.inspect(big |> Task.await() |> Enum.sum(), label: "big result sum")

    # Task.ignore is 1.13+? use Task.shutdown on a finished task to get its result
    fin = Task.async(fn -> :finished end)
    Process.sleep(20)
    IO.inspect(Task.shutdown(fin), label: "shutdown finished")
    IO.puts("done")
  end
end
