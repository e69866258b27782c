defmodule ExProcMonitors do
  def start do
    # monitor a process that exits normally
    p1 = spawn(fn -> receive do :go -> :ok end end)
    r1 = Process.monitor(p1)
    IO.inspect(is_reference(r1), label: "monitor returns ref")
    send(p1, :go)

    receive do
      {:DOWN, ^r1, :process, ^p1, reason} -> IO.inspect(reason, label: "down normal")
    end

    # abnormal reasons
    for reason <- [:shutdown, {:shutdown, :x}, :oops, {:complex, [1, 2]}] do
      p = spawn(fn -> receive do :go -> exit(reason) end end)
      r = Process.monitor(p)
      send(p, :go)

      receive do
        {:DOWN, ^r, :process, ^p, got} -> IO.inspect(got, label: "down reason")
      end
    end

    # monitoring a dead process gives :noproc
    dead = spawn(fn -> :ok end)
    rd = Process.monitor(dead)

    receive do
      {:DOWN, ^rd, :process, ^dead, reason} -> IO.inspect(reason, label: "first monitor")
    end

    rd2 = Process.monitor(dead)

    receive do
      {:DOWN, ^rd2, :process, ^dead, reason} -> IO.inspect(reason, label: "monitor dead")
    end

    # demonitor before exit: no DOWN
    p2 = spawn(fn -> receive do :go -> :ok end end)
    r2 = Process.monitor(p2)
    IO.inspect(Process.demonitor(r2), label: "demonitor")
    r2b = Process.monitor(p2)
    send(p2, :go)

    receive do
      {:DOWN, ^r2b, :process, ^p2, _} -> :ok
    end

    got =
      receive do
        {:DOWN, ^r2, _, _, _} -> :got_down
      after
        10 -> :no_down
      end

    IO.inspect(got, label: "after demonitor")

    # demonitor with flush removes an already-delivered DOWN
    p3 = spawn(fn -> :ok end)
    r3 = Process.monitor(p3)
    r3b = Process.monitor(p3)

    receive do
      {:DOWN, ^r3b, :process, ^p3, _} -> :ok
    end

    IO.inspect(Process.demonitor(r3, [:flush]), label: "demonitor flush")

    got3 =
      receive do
        {:DOWN, ^r3, _, _, _} -> :still_there
      after
        0 -> :flushed
      end

    IO.inspect(got3, label: "flushed")

    # demonitor with :info
    p4 = spawn(fn -> receive do :go -> :ok end end)
    r4 = Process.monitor(p4)
    IO.inspect(Process.demonitor(r4, [:info]), label: "demonitor info active")
    IO.inspect(Process.demonitor(r4, [:info]), label: "demonitor info again")
    send(p4, :go)

    # multiple monitors on same process give separate DOWNs
    p5 = spawn(fn -> receive do :go -> exit(:multi) end end)
    refs = for _ <- 1..3, do: Process.monitor(p5)
    IO.inspect(length(Enum.uniq(refs)), label: "distinct refs")
    send(p5, :go)

    reasons =
      for r <- refs do
        receive do
          {:DOWN, ^r, :process, ^p5, reason} -> reason
        end
      end

    IO.inspect(reasons, label: "multi reasons")

    # spawn_monitor
    {p6, r6} = spawn_monitor(fn -> exit({:tuple, 6}) end)

    receive do
      {:DOWN, ^r6, :process, ^p6, reason} -> IO.inspect(reason, label: "spawn_monitor")
    end

    # monitor a registered name
    p7 = spawn(fn -> receive do :go -> exit(:named_exit) end end)
    Process.register(p7, :ex_mon_named)
    r7 = Process.monitor(:ex_mon_named)
    send(:ex_mon_named, :go)

    receive do
      {:DOWN, ^r7, :process, obj, reason} -> IO.inspect({obj, reason}, label: "named down")
    end

    # monitor an unregistered name
    r8 = Process.monitor(:ex_mon_nobody)

    receive do
      {:DOWN, ^r8, :process, obj, reason} -> IO.inspect({obj, reason}, label: "unknown name")
    end

    # monitor an exception crash
    {p9, r9} = spawn_monitor(fn -> :erlang.error(:badarith_like) end)

    receive do
      {:DOWN, ^r9, :process, ^p9, {reason, stack}} ->
        IO.inspect({reason, is_list(stack)}, label: "error down")
    end

    # killed
    {p10, r10} = spawn_monitor(fn -> Process.sleep(:infinity) end)
    Process.exit(p10, :kill)

    receive do
      {:DOWN, ^r10, :process, ^p10, reason} -> IO.inspect(reason, label: "kill down")
    end

    # the monitored process's monitored_by
    p11 = spawn(fn -> receive do :go -> :ok end end)
    r11 = Process.monitor(p11)
    {:monitored_by, by} = Process.info(p11, :monitored_by)
    IO.inspect(self() in by, label: "monitored_by has self")
    {:monitors, ms} = Process.info(self(), :monitors)
    IO.inspect({:process, p11} in ms, label: "monitors has p11")
    send(p11, :go)

    receive do
      {:DOWN, ^r11, _, _, r} -> IO.inspect(r, label: "p11")
    end

    IO.puts("done")
  end
end
