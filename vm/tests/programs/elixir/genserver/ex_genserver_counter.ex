defmodule ExGenserverCounter do
  defmodule Server do
    use GenServer

    def start_link(init, opts \\ []), do: GenServer.start_link(__MODULE__, init, opts)
    def inc(s, by \\ 1), do: GenServer.cast(s, {:inc, by})
    def get(s), do: GenServer.call(s, :get)

    @impl true
    def init(n) when is_integer(n), do: {:ok, %{count: n, infos: [], calls: 0}}

    @impl true
    def handle_call(:get, _from, st), do: {:reply, st.count, %{st | calls: st.calls + 1}}
    def handle_call(:calls, _from, st), do: {:reply, st.calls, st}
    def handle_call({:add_and_get, k}, _from, st), do: {:reply, st.count + k, %{st | count: st.count + k}}
    def handle_call(:infos, _from, st), do: {:reply, Enum.reverse(st.infos), st}

    def handle_call(:from_info, {pid, tag}, st) do
      {:reply, {is_pid(pid), pid == self()} |> then(fn t -> {t, tag != nil} end), st}
    end

    def handle_call(:deferred, from, st) do
      send(self(), {:reply_later, from})
      {:noreply, st}
    end

    @impl true
    def handle_cast({:inc, by}, st), do: {:noreply, %{st | count: st.count + by}}
    def handle_cast(:reset, st), do: {:noreply, %{st | count: 0}}

    @impl true
    def handle_info({:reply_later, from}, st) do
      GenServer.reply(from, {:late, st.count})
      {:noreply, st}
    end

    def handle_info(msg, st), do: {:noreply, %{st | infos: [msg | st.infos]}}
  end

  def start do
    {:ok, s} = Server.start_link(10)
    IO.inspect(is_pid(s), label: "started pid")
    IO.inspect(Server.get(s), label: "initial")
    Server.inc(s)
    Server.inc(s, 5)
    IO.inspect(Server.get(s), label: "after casts")
    IO.inspect(GenServer.call(s, {:add_and_get, 100}), label: "add_and_get")
    GenServer.cast(s, :reset)
    IO.inspect(Server.get(s), label: "after reset")
    IO.inspect(GenServer.call(s, :calls), label: "calls counted")

    # handle_info via plain send
    send(s, :hello)
    send(s, {:data, [1, 2]})
    IO.inspect(GenServer.call(s, :infos), label: "infos")

    # from tuple
    IO.inspect(GenServer.call(s, :from_info), label: "from")

    # deferred reply via GenServer.reply
    IO.inspect(GenServer.call(s, :deferred), label: "deferred")

    # cast returns :ok even to a dead name
    IO.inspect(GenServer.cast(:ex_gs_counter_nobody, :x), label: "cast to missing name")

    # named server
    {:ok, n} = Server.start_link(0, name: :ex_gs_counter_named)
    IO.inspect(GenServer.whereis(:ex_gs_counter_named) == n, label: "whereis named")
    for i <- 1..10, do: Server.inc(:ex_gs_counter_named, i)
    IO.inspect(Server.get(:ex_gs_counter_named), label: "named sum")

    # second start with the same name
    r = Server.start_link(0, name: :ex_gs_counter_named)

    case r do
      {:error, {:already_started, p}} -> IO.inspect(p == n, label: "already_started same pid")
      other -> IO.inspect(other, label: "unexpected")
    end

    # GenServer.start (no link)
    {:ok, u} = GenServer.start(Server, 7)
    IO.inspect(Server.get(u), label: "unlinked get")
    {:links, links} = Process.info(self(), :links)
    IO.inspect({s in links, u in links}, label: "linked?")

    # init returning bad arg -> function clause crash caught as error tuple
    Process.flag(:trap_exit, true)
    bad = GenServer.start_link(Server, :not_an_int)

    case bad do
      {:error, {:function_clause, [{m, f, args, _} | _]}} -> IO.inspect({m, f, args}, label: "bad init")
      {:error, {other, _stack}} -> IO.inspect(other, label: "bad init other")
    end

    # many concurrent callers, each gets its own reply
    me = self()

    for i <- 1..20 do
      spawn(fn -> send(me, {:caller, i, GenServer.call(s, {:add_and_get, 0})}) end)
    end

    replies =
      for i <- 1..20 do
        receive do
          {:caller, ^i, v} -> v
        end
      end

    IO.inspect(Enum.uniq(replies), label: "concurrent replies")

    # :sys.get_state
    IO.inspect(:sys.get_state(s).count, label: "sys get_state")

    # stop
    IO.inspect(GenServer.stop(s), label: "stop")
    IO.inspect(Process.alive?(s), label: "alive after stop")
    IO.inspect(GenServer.stop(u, :normal), label: "stop u")
    IO.inspect(GenServer.stop(:ex_gs_counter_named), label: "stop named")
    IO.inspect(GenServer.whereis(:ex_gs_counter_named), label: "whereis after stop")
    IO.puts("done")
  end
end
