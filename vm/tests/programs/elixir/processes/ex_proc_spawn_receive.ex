defmodule ExProcSpawnReceive do
  def echo_loop do
    receive do
      {:echo, from, msg} ->
        send(from, {:echoed, msg})
        echo_loop()

      {:stop, from} ->
        send(from, :stopped)
    end
  end

  def start do
    parent = self()

    # simple spawn and reply
    pid = spawn(fn -> send(parent, {:hello, self()}) end)

    receive do
      {:hello, ^pid} -> IO.puts("got hello from spawned pid")
    end

    # echo server
    echo = spawn(&echo_loop/0)
    send(echo, {:echo, parent, 1})
    send(echo, {:echo, parent, :two})
    send(echo, {:echo, parent, "three"})

    for _ <- 1..3 do
      receive do
        {:echoed, m} -> IO.inspect(m, label: "echoed")
      end
    end

    send(echo, {:stop, parent})

    receive do
      :stopped -> IO.puts("echo stopped")
    end

    # receive with after 0 on an empty mailbox
    r =
      receive do
        _ -> :unexpected
      after
        0 -> :empty
      end

    IO.inspect(r, label: "after 0")

    # receive with small timeout
    r2 =
      receive do
        :never -> :got
      after
        10 -> :timeout
      end

    IO.inspect(r2, label: "after 10")

    # selective receive: messages are taken out of order
    send(self(), {:b, 2})
    send(self(), {:a, 1})
    send(self(), {:c, 3})

    a = receive do {:a, x} -> x end
    c = receive do {:c, x} -> x end
    b = receive do {:b, x} -> x end
    IO.inspect([a, b, c], label: "selective")

    # mailbox ordering preserved between two processes
    sender = spawn(fn -> for i <- 1..5, do: send(parent, {:seq, i}) end)
    ref = Process.monitor(sender)

    seq =
      for _ <- 1..5 do
        receive do
          {:seq, i} -> i
        end
      end

    IO.inspect(seq, label: "ordered")

    receive do
      {:DOWN, ^ref, :process, ^sender, reason} -> IO.inspect(reason, label: "sender down")
    end

    # guards in receive
    send(self(), {:num, 5})
    send(self(), {:num, 50})

    big =
      receive do
        {:num, n} when n > 10 -> n
      end

    small =
      receive do
        {:num, n} when n <= 10 -> n
      end

    IO.inspect({big, small}, label: "guards")

    # spawn with module/function/args
    pid2 = spawn(__MODULE__, :worker, [parent, 21])

    receive do
      {:result, ^pid2, v} -> IO.inspect(v, label: "spawn mfa result")
    end

    # self is a pid and not equal to a child pid
    IO.inspect(is_pid(self()), label: "self is pid")
    IO.inspect(self() == pid2, label: "self == child")

    # many processes, results gathered in order
    pids = for i <- 1..10, do: spawn(fn -> send(parent, {:sq, self(), i * i}) end)

    squares =
      for p <- pids do
        receive do
          {:sq, ^p, v} -> v
        end
      end

    IO.inspect(squares, label: "squares")
    IO.inspect(Enum.sum(squares), label: "sum")

    # a message to a dead process is silently dropped
    dead = spawn(fn -> :ok end)
    dref = Process.monitor(dead)

    receive do
      {:DOWN, ^dref, :process, _, _} -> :ok
    end

    IO.inspect(send(dead, :hello), label: "send to dead returns msg")

    # large message
    big_list = Enum.to_list(1..1000)
    copier = spawn(fn -> receive do {from, l} -> send(from, {:len, length(l), Enum.sum(l)}) end end)
    send(copier, {parent, big_list})

    receive do
      {:len, l, s} -> IO.inspect({l, s}, label: "big message")
    end

    # flush remaining
    send(self(), :left1)
    send(self(), :left2)
    IO.inspect(drain([]), label: "drained")
    IO.puts("done")
  end

  def worker(parent, n), do: send(parent, {:result, self(), n * 2})

  defp drain(acc) do
    receive do
      m -> drain([m | acc])
    after
      0 -> Enum.reverse(acc)
    end
  end
end
