defmodule ExProcLinksTrap do
  def start do
    parent = self()
    IO.inspect(Process.flag(:trap_exit, true), label: "old trap_exit")

    # linked child exits normally -> {:EXIT, pid, :normal}
    p1 = spawn_link(fn -> :ok end)

    receive do
      {:EXIT, ^p1, reason} -> IO.inspect(reason, label: "normal exit")
    end

    # linked child exits with a custom reason
    p2 = spawn_link(fn -> exit(:boom) end)

    receive do
      {:EXIT, ^p2, reason} -> IO.inspect(reason, label: "custom exit")
    end

    # linked child raises
    p3 = spawn_link(fn -> raise ArgumentError, "bad" end)

    receive do
      {:EXIT, ^p3, {%ArgumentError{message: m}, _stack}} -> IO.inspect(m, label: "raise exit")
    end

    # linked child throws
    p4 = spawn_link(fn -> throw(:ball) end)

    receive do
      {:EXIT, ^p4, {{:nocatch, v}, _}} -> IO.inspect(v, label: "throw exit")
    end

    # exit/2 sent to a linked sleeping child
    p5 = spawn_link(fn -> Process.sleep(:infinity) end)
    Process.exit(p5, :stop_now)

    receive do
      {:EXIT, ^p5, reason} -> IO.inspect(reason, label: "killed by exit/2")
    end

    # kill cannot be trapped, EXIT reason is :killed
    p6 =
      spawn_link(fn ->
        Process.flag(:trap_exit, true)
        send(parent, :trapping)
        Process.sleep(:infinity)
      end)

    receive do
      :trapping -> :ok
    end

    Process.exit(p6, :kill)

    receive do
      {:EXIT, ^p6, reason} -> IO.inspect(reason, label: "kill")
    end

    # trapping child receives exit signals as messages
    p7 =
      spawn_link(fn ->
        Process.flag(:trap_exit, true)
        send(parent, :ready7)

        receive do
          {:EXIT, from, reason} -> send(parent, {:child_saw, from == parent, reason})
        end
      end)

    receive do
      :ready7 -> :ok
    end

    Process.exit(p7, :please)

    receive do
      {:child_saw, from_parent, reason} -> IO.inspect({from_parent, reason}, label: "child trapped")
    end

    receive do
      {:EXIT, ^p7, reason} -> IO.inspect(reason, label: "p7 exit")
    end

    # exit(pid, :normal) to a non-trapping process is ignored
    p8 =
      spawn_link(fn ->
        receive do
          :go -> exit(:finished)
        end
      end)

    Process.exit(p8, :normal)
    Process.sleep(5)
    IO.inspect(Process.alive?(p8), label: "alive after exit normal")
    send(p8, :go)

    receive do
      {:EXIT, ^p8, reason} -> IO.inspect(reason, label: "p8 exit")
    end

    # link propagation: A linked to B, B dies, A (not trapping) dies too
    {a, aref} =
      spawn_monitor(fn ->
        _b = spawn_link(fn -> exit(:chain) end)
        Process.sleep(:infinity)
      end)

    receive do
      {:DOWN, ^aref, :process, ^a, reason} -> IO.inspect(reason, label: "propagated")
    end

    # normal exit does not propagate to a non-trapping linked process
    {c, cref} =
      spawn_monitor(fn ->
        me = self()
        d = spawn_link(fn -> send(me, :d_done) end)
        receive do
          :d_done -> :ok
        end
        Process.sleep(10)
        send(parent, {:c_alive, Process.alive?(d)})
        exit(:c_done)
      end)

    receive do
      {:c_alive, v} -> IO.inspect(v, label: "d alive after normal exit")
    end

    receive do
      {:DOWN, ^cref, :process, ^c, reason} -> IO.inspect(reason, label: "c reason")
    end

    # Process.link / unlink
    p9 = spawn(fn -> receive do :die -> exit(:linked_later) end end)
    IO.inspect(Process.link(p9), label: "link")
    {:links, links} = Process.info(self(), :links)
    IO.inspect(p9 in links, label: "p9 in links")
    IO.inspect(Process.unlink(p9), label: "unlink")
    {:links, links2} = Process.info(self(), :links)
    IO.inspect(p9 in links2, label: "p9 in links after unlink")
    ref9 = Process.monitor(p9)
    send(p9, :die)

    receive do
      {:DOWN, ^ref9, :process, ^p9, r} -> IO.inspect(r, label: "p9 down")
    end

    got_exit =
      receive do
        {:EXIT, ^p9, _} -> true
      after
        20 -> false
      end

    IO.inspect(got_exit, label: "EXIT after unlink")

    # linking to a dead process while trapping gives {:EXIT, pid, :noproc}
    dead = spawn(fn -> :ok end)
    dref = Process.monitor(dead)

    receive do
      {:DOWN, ^dref, _, _, _} -> :ok
    end

    Process.link(dead)

    receive do
      {:EXIT, ^dead, reason} -> IO.inspect(reason, label: "link to dead")
    end

    # turning trap_exit off
    IO.inspect(Process.flag(:trap_exit, false), label: "old trap_exit 2")

    # catch exit inside a process
    r = catch_exit(fn -> exit(:inner) end)
    IO.inspect(r, label: "caught exit")
    IO.puts("done")
  end

  defp catch_exit(f) do
    try do
      f.()
    catch
      :exit, reason -> {:caught, reason}
    end
  end
end
