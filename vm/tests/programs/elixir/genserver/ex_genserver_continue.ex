defmodule ExGenserverContinue do
  defmodule Server do
    use GenServer

    @impl true
    def init({:continue, report}) do
      send(report, {:step, :init})
      {:ok, %{report: report, log: [:init]}, {:continue, :load}}
    end

    def init(:ignore), do: :ignore
    def init({:stop, reason}), do: {:stop, reason}
    def init(:raise), do: raise(ArgumentError, "init raised")
    def init(:exit), do: exit(:init_exit)
    def init(:bad_return), do: :what

    @impl true
    def handle_continue(:load, st) do
      send(st.report, {:step, :load})
      {:noreply, %{st | log: [:load | st.log]}, {:continue, :warm}}
    end

    def handle_continue(:warm, st) do
      send(st.report, {:step, :warm})
      {:noreply, %{st | log: [:warm | st.log]}}
    end

    def handle_continue({:after_call, x}, st) do
      {:noreply, %{st | log: [{:after_call, x} | st.log]}}
    end

    def handle_continue(:stop_now, st), do: {:stop, :continue_stop, st}

    @impl true
    def handle_call(:log, _from, st), do: {:reply, Enum.reverse(st.log), st}

    def handle_call({:then_continue, x}, _from, st) do
      {:reply, :replied_first, %{st | log: [{:call, x} | st.log]}, {:continue, {:after_call, x}}}
    end

    def handle_call(:stop_via_continue, _from, st), do: {:reply, :ok, st, {:continue, :stop_now}}

    @impl true
    def handle_cast({:cast_continue, x}, st) do
      {:noreply, %{st | log: [{:cast, x} | st.log]}, {:continue, {:after_call, {:c, x}}}}
    end

    @impl true
    def handle_info({:info_continue, x}, st) do
      {:noreply, %{st | log: [{:info, x} | st.log]}, {:continue, {:after_call, {:i, x}}}}
    end
  end

  def start do
    Process.flag(:trap_exit, true)
    me = self()

    {:ok, s} = GenServer.start_link(Server, {:continue, me})

    steps =
      for _ <- 1..3 do
        receive do
          {:step, x} -> x
        end
      end

    IO.inspect(steps, label: "steps")
    IO.inspect(GenServer.call(s, :log), label: "log after init")

    # continue runs before the next message
    IO.inspect(GenServer.call(s, {:then_continue, 1}), label: "call reply")
    IO.inspect(GenServer.call(s, :log) |> Enum.drop(3), label: "log after call")
    GenServer.cast(s, {:cast_continue, 2})
    send(s, {:info_continue, 3})
    IO.inspect(GenServer.call(s, :log) |> Enum.drop(5), label: "log after cast and info")

    # stop in continue
    IO.inspect(GenServer.call(s, :stop_via_continue), label: "stop via continue reply")

    receive do
      {:EXIT, ^s, reason} -> IO.inspect(reason, label: "continue stop exit")
    end

    # init returning :ignore (process exits :normal)
    IO.inspect(GenServer.start_link(Server, :ignore), label: "ignore")
    next_exit("ignore EXIT")

    # init returning {:stop, reason}
    IO.inspect(GenServer.start_link(Server, {:stop, :nope}), label: "init stop")
    next_exit("init stop EXIT")

    # init raising
    case GenServer.start_link(Server, :raise) do
      {:error, {%ArgumentError{message: m}, _}} -> IO.inspect(m, label: "init raise")
      other -> IO.inspect(other, label: "init raise other")
    end

    next_exit("init raise EXIT")

    # init exiting
    IO.inspect(GenServer.start_link(Server, :exit), label: "init exit")
    next_exit("init exit EXIT")

    # init with a bad return value
    case GenServer.start_link(Server, :bad_return) do
      {:error, {:bad_return_value, v}} -> IO.inspect(v, label: "bad return")
      other -> IO.inspect(other, label: "bad return other")
    end

    next_exit("bad return EXIT")

    # start (no link) with :ignore and stop
    IO.inspect(GenServer.start(Server, :ignore), label: "start ignore")
    IO.inspect(GenServer.start(Server, {:stop, :unlinked}), label: "start stop")

    # named server, ignore leaves no registration
    IO.inspect(GenServer.start(Server, :ignore, name: :ex_gs_cont_ign), label: "named ignore")
    IO.inspect(Process.whereis(:ex_gs_cont_ign), label: "whereis ignored")

    leftover =
      receive do
        m -> m
      after
        20 -> :none
      end

    IO.inspect(leftover, label: "leftover (unlinked starts send no EXIT)")
    IO.puts("done")
  end

  defp next_exit(label) do
    receive do
      {:EXIT, _, {%ArgumentError{message: m}, _stack}} -> IO.inspect({:argument_error, m}, label: label)
      {:EXIT, _, reason} -> IO.inspect(reason, label: label)
    after
      500 -> IO.puts(label <> ": none")
    end
  end
end
