defmodule ExGenserverTimeouts do
  defmodule Slow do
    use GenServer

    @impl true
    def init(arg), do: {:ok, arg}

    @impl true
    def handle_call({:sleep, ms}, _from, st) do
      Process.sleep(ms)
      {:reply, {:slept, ms}, st}
    end

    def handle_call(:never, _from, st), do: {:noreply, st}
    def handle_call(:state, _from, st), do: {:reply, st, st}

    # reply with a timeout: handle_info(:timeout) fires if no message arrives
    def handle_call({:arm, ms}, _from, st), do: {:reply, :armed, Map.put(st, :armed, true), ms}

    @impl true
    def handle_info(:timeout, st), do: {:noreply, Map.update(st, :timeouts, 1, &(&1 + 1))}
    def handle_info(:poke, st), do: {:noreply, Map.update(st, :pokes, 1, &(&1 + 1))}
  end

  defmodule InitTimeout do
    use GenServer

    @impl true
    def init(report), do: {:ok, report, 10}

    @impl true
    def handle_info(:timeout, report) do
      send(report, :init_timeout_fired)
      {:noreply, report}
    end

    @impl true
    def handle_call(:ping, _from, st), do: {:reply, :pong, st}
  end

  defmodule SlowInit do
    use GenServer

    @impl true
    def init(ms) do
      Process.sleep(ms)
      {:ok, ms}
    end
  end

  def start do
    {:ok, s} = GenServer.start_link(Slow, %{})
    IO.inspect(GenServer.call(s, {:sleep, 1}), label: "fast enough")

    # call timeout caught with catch :exit
    r =
      try do
        GenServer.call(s, {:sleep, 100}, 10)
      catch
        :exit, {:timeout, {GenServer, :call, [^s, msg, t]}} -> {:timeout, msg, t}
      end

    IO.inspect(r, label: "call timeout")

    # the late reply must not pollute our mailbox (Elixir 1.14 uses alias-based calls)
    Process.sleep(120)

    stray =
      receive do
        {ref, _} when is_reference(ref) -> :stray_reply
      after
        0 -> :clean
      end

    IO.inspect(stray, label: "mailbox after timeout")

    # server still works afterwards
    IO.inspect(GenServer.call(s, :state), label: "state after timeout")

    # a call that never returns
    r2 =
      try do
        GenServer.call(s, :never, 20)
      catch
        :exit, {reason, _} -> reason
      end

    IO.inspect(r2, label: "never replies")

    # catch with plain catch
    r3 = catch_exit(fn -> GenServer.call(s, :never, 5) end)
    IO.inspect(r3, label: "catch_exit helper")

    # reply timeout -> handle_info(:timeout)
    IO.inspect(GenServer.call(s, {:arm, 10}), label: "arm")
    Process.sleep(60)
    st = GenServer.call(s, :state)
    IO.inspect({st[:armed], st[:timeouts]}, label: "timeout fired once")

    # timeout is cancelled by an incoming message
    IO.inspect(GenServer.call(s, {:arm, 50}), label: "arm again")
    send(s, :poke)
    Process.sleep(80)
    st2 = GenServer.call(s, :state)
    IO.inspect({st2[:timeouts], st2[:pokes]}, label: "timeout cancelled by message")

    # init timeout
    {:ok, it} = GenServer.start_link(InitTimeout, self())

    receive do
      :init_timeout_fired -> IO.puts("init timeout fired")
    after
      1000 -> IO.puts("init timeout missing")
    end

    IO.inspect(GenServer.call(it, :ping), label: "init timeout server alive")

    # start_link timeout option
    Process.flag(:trap_exit, true)
    r4 = GenServer.start_link(SlowInit, 200, timeout: 20)
    IO.inspect(r4, label: "start timeout")

    # a quick init with a generous timeout
    {:ok, q} = GenServer.start_link(SlowInit, 1, timeout: 1000)
    IO.inspect(:sys.get_state(q), label: "quick init state")

    # the default handle_call raises
    r7 =
      try do
        GenServer.call(q, :unhandled, 1000)
      catch
        :exit, {{%RuntimeError{}, _}, {GenServer, :call, [_, m, _]}} -> {:runtime_error, m}
      end

    IO.inspect(r7, label: "default handle_call")

    receive do
      {:EXIT, ^q, {%RuntimeError{}, _}} -> IO.puts("q exited with RuntimeError")
    end

    # call to dead process -> :noproc
    GenServer.stop(it)

    r5 =
      try do
        GenServer.call(it, :ping)
      catch
        :exit, {reason, {GenServer, :call, [_, m, t]}} -> {reason, m, t}
      end

    IO.inspect(r5, label: "call dead")

    # call to unknown name
    r6 =
      try do
        GenServer.call(:ex_gs_timeouts_nobody, :ping, 100)
      catch
        :exit, {reason, {GenServer, :call, args}} -> {reason, args}
      end

    IO.inspect(r6, label: "call unknown name")

    # :infinity timeout call works
    IO.inspect(GenServer.call(s, {:sleep, 2}, :infinity), label: "infinity")
    GenServer.stop(s)
    IO.puts("done")
  end

  defp catch_exit(f) do
    try do
      f.()
    catch
      :exit, {:timeout, _} -> :timed_out
    end
  end
end
