defmodule ExGenserverStopTerminate do
  defmodule Server do
    use GenServer

    @impl true
    def init({report_to, trap}) do
      Process.flag(:trap_exit, trap)
      {:ok, %{report_to: report_to, items: []}}
    end

    @impl true
    def handle_call({:push, x}, _from, st), do: {:reply, :ok, %{st | items: [x | st.items]}}
    def handle_call(:pop, _from, %{items: [h | t]} = st), do: {:reply, h, %{st | items: t}}
    def handle_call(:pop, _from, %{items: []} = st), do: {:stop, :empty_pop, :empty, st}
    def handle_call(:stop_noreply, _from, st), do: {:stop, {:shutdown, :noreply_stop}, st}
    def handle_call(:crash, _from, _st), do: raise("crash in call")
    def handle_call(:items, _from, st), do: {:reply, st.items, st}

    @impl true
    def handle_cast(:stop_cast, st), do: {:stop, :normal, st}
    def handle_cast({:stop_with, r}, st), do: {:stop, r, st}

    @impl true
    def handle_info({:EXIT, _pid, reason}, st) do
      send(st.report_to, {:server_saw_exit, reason})
      {:noreply, st}
    end

    def handle_info(:stop_info, st), do: {:stop, :info_stop, st}

    @impl true
    def terminate(reason, st) do
      send(st.report_to, {:terminate, summarize(reason), st.items})
      :ok
    end

    defp summarize({%RuntimeError{message: m}, _stack}), do: {:runtime_error, m}
    defp summarize(r), do: r
  end

  def start do
    Process.flag(:trap_exit, true)
    me = self()

    # {:stop, reason, reply, state}
    {:ok, s} = GenServer.start_link(Server, {me, false})
    :ok = GenServer.call(s, {:push, 1})
    :ok = GenServer.call(s, {:push, 2})
    IO.inspect(GenServer.call(s, :pop), label: "pop")
    IO.inspect(GenServer.call(s, :pop), label: "pop")
    IO.inspect(GenServer.call(s, :pop), label: "pop empty reply")
    report_terminate()
    report_exit(s)

    # {:stop, reason, state} in call: caller exits
    {:ok, s2} = GenServer.start_link(Server, {me, false})
    GenServer.call(s2, {:push, :a})

    r =
      try do
        GenServer.call(s2, :stop_noreply)
      catch
        :exit, {reason, {GenServer, :call, _}} -> {:caught_exit, reason}
      end

    IO.inspect(r, label: "stop without reply")
    report_terminate()
    report_exit(s2)

    # crash in handle_call
    {:ok, s3} = GenServer.start_link(Server, {me, false})

    r3 =
      try do
        GenServer.call(s3, :crash)
      catch
        :exit, {{%RuntimeError{message: m}, _}, _} -> {:caught_crash, m}
      end

    IO.inspect(r3, label: "crash in call")
    report_terminate()

    receive do
      {:EXIT, ^s3, {%RuntimeError{message: m}, _}} -> IO.inspect(m, label: "EXIT crash")
    end

    # stop from cast
    {:ok, s4} = GenServer.start_link(Server, {me, false})
    GenServer.cast(s4, :stop_cast)
    report_terminate()
    report_exit(s4)

    # stop from handle_info
    {:ok, s5} = GenServer.start_link(Server, {me, false})
    send(s5, :stop_info)
    report_terminate()
    report_exit(s5)

    # GenServer.stop with reason, terminate called
    {:ok, s6} = GenServer.start_link(Server, {me, false})
    GenServer.call(s6, {:push, :x})
    IO.inspect(GenServer.stop(s6, :shutdown), label: "GenServer.stop shutdown")
    report_terminate()
    report_exit(s6)

    {:ok, s7} = GenServer.start_link(Server, {me, false})
    IO.inspect(GenServer.stop(s7, {:shutdown, :custom}, 1000), label: "GenServer.stop custom")
    report_terminate()
    report_exit(s7)

    # GenServer.stop with abnormal reason
    {:ok, s7b} = GenServer.start_link(Server, {me, false})
    IO.inspect(GenServer.stop(s7b, :weird), label: "GenServer.stop weird")
    report_terminate()
    report_exit(s7b)

    # trapping server: parent exit signal -> terminate called
    {:ok, s8} = GenServer.start_link(Server, {me, true})
    GenServer.call(s8, {:push, :trap})
    Process.exit(s8, :shutdown)
    report_terminate()
    report_exit(s8)

    # trapping server: any exit signal from the parent stops it
    {:ok, s9} = GenServer.start_link(Server, {me, true})
    Process.exit(s9, :parent_says_bye)
    report_terminate()
    report_exit(s9)

    # trapping server: exit from a non-parent process is a message

    {:ok, s10} = GenServer.start_link(Server, {me, true})

    helper =
      spawn(fn ->
        Process.link(s10)
        exit(:helper_died)
      end)

    receive do
      {:server_saw_exit, reason} -> IO.inspect(reason, label: "server saw exit")
    end

    IO.inspect(is_pid(helper), label: "helper pid")
    IO.inspect(GenServer.call(s10, :items), label: "still alive")

    # non-trapping server killed by parent exit: terminate NOT called
    {:ok, s11} = GenServer.start_link(Server, {me, false})
    Process.exit(s11, :shutdown)
    report_exit(s11)

    called =
      receive do
        {:terminate, _, _} -> true
      after
        20 -> false
      end

    IO.inspect(called, label: "terminate without trap")

    # stop from cast with custom reason
    {:ok, s12} = GenServer.start_link(Server, {me, false})
    GenServer.cast(s12, {:stop_with, {:shutdown, 12}})
    report_terminate()
    report_exit(s12)

    # GenServer.stop on a dead process
    r13 =
      try do
        GenServer.stop(s12)
      catch
        :exit, {reason, {GenServer, :stop, [pid, r, t]}} -> {:exit, reason, pid == s12, r, t}
      end

    IO.inspect(r13, label: "stop dead")

    GenServer.stop(s10)
    report_terminate()
    report_exit(s10)
    IO.puts("done")
  end

  defp report_terminate do
    receive do
      {:terminate, reason, items} -> IO.inspect({reason, items}, label: "terminate")
    end
  end

  defp report_exit(pid) do
    receive do
      {:EXIT, ^pid, reason} -> IO.inspect(reason, label: "EXIT")
    end
  end
end
