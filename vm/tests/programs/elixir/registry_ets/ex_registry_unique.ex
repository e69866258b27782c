defmodule ExRegistryUnique do
  defmodule Named do
    use GenServer

    def start_link(key), do: GenServer.start_link(__MODULE__, key, name: {:via, Registry, {ExRegistryUnique.Reg, key}})

    @impl true
    def init(key), do: {:ok, key}

    @impl true
    def handle_call(:key, _from, key), do: {:reply, key, key}

    @impl true
    def handle_cast({:echo, to}, key) do
      send(to, {:echo_from, key})
      {:noreply, key}
    end
  end

  @reg ExRegistryUnique.Reg

  def start do
    {:ok, reg} = Registry.start_link(keys: :unique, name: @reg)
    IO.inspect(is_pid(reg), label: "registry pid")
    IO.inspect(Registry.keys(@reg, self()), label: "no keys yet")

    # register self under keys with values
    IO.inspect(Registry.register(@reg, :alpha, :value_a) |> elem(0), label: "register alpha")
    IO.inspect(Registry.register(@reg, "beta", %{v: 2}) |> elem(0), label: "register beta")
    me = self()

    case Registry.register(@reg, :alpha, :again) do
      {:error, {:already_registered, pid}} -> IO.inspect(pid == me, label: "register alpha again: already_registered self")
      other -> IO.inspect(other, label: "register alpha again")
    end

    IO.inspect(Registry.lookup(@reg, :alpha) == [{me, :value_a}], label: "lookup alpha")
    IO.inspect(Registry.lookup(@reg, :missing), label: "lookup missing")
    IO.inspect(Enum.sort(Registry.keys(@reg, self())), label: "keys of self")
    IO.inspect(Registry.count(@reg), label: "count")
    IO.inspect(Registry.values(@reg, "beta", self()), label: "values")

    # update_value
    IO.inspect(Registry.update_value(@reg, :alpha, fn v -> {v, :updated} end), label: "update_value")
    IO.inspect(Registry.lookup(@reg, :alpha) |> Enum.map(&elem(&1, 1)), label: "after update")

    # another process cannot take the same key
    spawn(fn ->
      r = Registry.register(@reg, :alpha, :other)

      res =
        case r do
          {:error, {:already_registered, pid}} -> {:already_registered, pid == me}
          other -> other
        end

      send(me, {:other_register, res})
    end)

    receive do
      {:other_register, res} -> IO.inspect(res, label: "other process register")
    end

    # unregister
    IO.inspect(Registry.unregister(@reg, "beta"), label: "unregister")
    IO.inspect(Registry.lookup(@reg, "beta"), label: "lookup after unregister")

    # via tuples with a GenServer
    {:ok, s1} = Named.start_link(:svc1)
    {:ok, s2} = Named.start_link({:svc, 2})
    via = {:via, Registry, {@reg, :svc1}}
    IO.inspect(GenServer.call(via, :key), label: "call via")
    IO.inspect(GenServer.call({:via, Registry, {@reg, {:svc, 2}}}, :key), label: "call via tuple key")
    IO.inspect(GenServer.whereis(via) == s1, label: "whereis via")
    IO.inspect(Registry.whereis_name({@reg, {:svc, 2}}) == s2, label: "whereis_name")
    IO.inspect(Registry.whereis_name({@reg, :nope}), label: "whereis_name missing")
    GenServer.cast(via, {:echo, me})

    receive do
      {:echo_from, k} -> IO.inspect(k, label: "cast via")
    end

    send(via |> GenServer.whereis(), {:plain, 1})
    IO.inspect(Registry.send({@reg, :svc1}, :hello_via_send), label: "Registry.send")

    # name already taken through via
    case Named.start_link(:svc1) do
      {:error, {:already_started, pid}} -> IO.inspect(pid == s1, label: "via already_started")
      other -> IO.inspect(other, label: "via other")
    end

    # match and select
    IO.inspect(Registry.match(@reg, :alpha, :_) |> Enum.map(&elem(&1, 1)), label: "match any")
    IO.inspect(Registry.match(@reg, :alpha, :nope), label: "match no")

    sel = Registry.select(@reg, [{{:"$1", :_, :_}, [], [:"$1"]}])
    IO.inspect(Enum.sort(sel), label: "select keys")
    IO.inspect(Registry.count_match(@reg, :svc1, :_), label: "count_match")

    # key removed when process dies
    ref = Process.monitor(s1)
    GenServer.stop(s1)

    receive do
      {:DOWN, ^ref, :process, ^s1, _} -> :ok
    end

    IO.inspect(wait_gone(:svc1, 200), label: "lookup after death")
    IO.inspect(GenServer.whereis(via), label: "whereis via after death")

    r =
      try do
        GenServer.call(via, :key)
      catch
        :exit, {reason, _} -> reason
      end

    IO.inspect(r, label: "call dead via")

    # meta
    IO.inspect(Registry.put_meta(@reg, :info, {:meta, 1}), label: "put_meta")
    IO.inspect(Registry.meta(@reg, :info), label: "meta")
    IO.inspect(Registry.meta(@reg, :none), label: "meta missing")
    IO.inspect(Registry.count(@reg), label: "final count")
    GenServer.stop(s2)
    IO.puts("done")
  end

  defp wait_gone(key, 0), do: Registry.lookup(@reg, key)

  defp wait_gone(key, n) do
    case Registry.lookup(@reg, key) do
      [] ->
        []

      _ ->
        Process.sleep(5)
        wait_gone(key, n - 1)
    end
  end
end
