defmodule ExProcFlagsTimers do
  def start do
    parent = self()

    # Process.alive?
    p = spawn(fn -> receive do :go -> :ok end end)
    IO.inspect(Process.alive?(p), label: "alive before")
    ref = Process.monitor(p)
    send(p, :go)

    receive do
      {:DOWN, ^ref, _, _, _} -> :ok
    end

    IO.inspect(Process.alive?(p), label: "alive after")
    IO.inspect(Process.alive?(self()), label: "self alive")

    # Process.flag returns the old value
    IO.inspect(Process.flag(:trap_exit, true), label: "trap_exit old")
    IO.inspect(Process.flag(:trap_exit, true), label: "trap_exit old 2")
    IO.inspect(Process.flag(:trap_exit, false), label: "trap_exit old 3")
    {:trap_exit, te} = Process.info(self(), :trap_exit)
    IO.inspect(te, label: "info trap_exit")
    IO.inspect(Process.flag(:priority, :high), label: "priority old")
    {:priority, pr} = Process.info(self(), :priority)
    IO.inspect(pr, label: "priority now")
    Process.flag(:priority, :normal)

    # message_queue_len
    send(self(), :m1)
    send(self(), :m2)
    send(self(), :m3)
    {:message_queue_len, n} = Process.info(self(), :message_queue_len)
    IO.inspect(n, label: "queue len")
    {:messages, msgs} = Process.info(self(), :messages)
    IO.inspect(msgs, label: "messages")

    for _ <- 1..3 do
      receive do
        _ -> :ok
      end
    end

    {:message_queue_len, n2} = Process.info(self(), :message_queue_len)
    IO.inspect(n2, label: "queue len after")

    # Process.info on a dead process
    IO.inspect(Process.info(p), label: "info dead")
    IO.inspect(Process.info(p, :status), label: "info dead status")

    # send_after delivers
    t1 = Process.send_after(self(), :tick, 10)
    IO.inspect(is_reference(t1), label: "send_after ref")

    receive do
      :tick -> IO.puts("tick received")
    end

    IO.inspect(Process.cancel_timer(t1), label: "cancel fired timer")

    # cancel before firing
    t2 = Process.send_after(self(), :never, 5000)
    left = Process.read_timer(t2)
    IO.inspect(is_integer(left) and left > 0 and left <= 5000, label: "read_timer positive")
    c = Process.cancel_timer(t2)
    IO.inspect(is_integer(c), label: "cancelled (integer left)")
    IO.inspect(Process.read_timer(t2), label: "read_timer after cancel")

    r =
      receive do
        :never -> :got
      after
        20 -> :not_delivered
      end

    IO.inspect(r, label: "cancelled timer msg")

    # timer ordering
    Process.send_after(self(), :third, 30)
    Process.send_after(self(), :first, 1)
    Process.send_after(self(), :second, 15)

    order =
      for _ <- 1..3 do
        receive do
          m when m in [:first, :second, :third] -> m
        end
      end

    IO.inspect(order, label: "timer order")

    # send_after to another process
    q =
      spawn(fn ->
        receive do
          :wake -> send(parent, :q_woke)
        end
      end)

    Process.send_after(q, :wake, 5)

    receive do
      :q_woke -> IO.puts("q woke")
    end

    # :erlang.start_timer sends {:timeout, ref, msg}
    t3 = :erlang.start_timer(5, self(), :payload)

    receive do
      {:timeout, ^t3, msg} -> IO.inspect(msg, label: "start_timer")
    end

    # cancel_timer with async: false, info: false
    t4 = Process.send_after(self(), :x, 1000)
    IO.inspect(Process.cancel_timer(t4, info: false), label: "cancel info false")

    # sleep works
    IO.inspect(Process.sleep(1), label: "sleep")

    # hibernate-free: process status
    s = spawn(fn -> receive do :go -> :ok end end)
    Process.sleep(5)
    IO.inspect(Process.info(s, :status), label: "status waiting")
    send(s, :go)

    # Process.exit(self(), :normal) terminates the caller (unlike other :normal signals)
    {e, eref} =
      spawn_monitor(fn ->
        Process.exit(self(), :normal)
        send(parent, :survived)
      end)

    receive do
      {:DOWN, ^eref, :process, ^e, reason} -> IO.inspect(reason, label: "exit self normal")
    end

    survived =
      receive do
        :survived -> true
      after
        0 -> false
      end

    IO.inspect(survived, label: "survived")
    IO.puts("done")
  end
end
