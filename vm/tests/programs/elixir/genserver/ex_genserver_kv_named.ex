defmodule ExGenserverKvNamed do
  defmodule Store do
    use GenServer

    def start_link(name), do: GenServer.start_link(__MODULE__, name, name: name)
    def put(s, k, v), do: GenServer.call(s, {:put, k, v})
    def get(s, k), do: GenServer.call(s, {:get, k})
    def delete(s, k), do: GenServer.cast(s, {:delete, k})
    def keys(s), do: GenServer.call(s, :keys)

    @impl true
    def init(name), do: {:ok, %{name: name, data: %{}}}

    @impl true
    def handle_call({:put, k, v}, _from, st) do
      old = Map.get(st.data, k)
      {:reply, old, %{st | data: Map.put(st.data, k, v)}}
    end

    def handle_call({:get, k}, _from, st), do: {:reply, Map.fetch(st.data, k), st}
    def handle_call(:keys, _from, st), do: {:reply, st.data |> Map.keys() |> Enum.sort(), st}
    def handle_call(:name, _from, st), do: {:reply, st.name, st, :hibernate}

    def handle_call({:forward, other, k}, _from, st) do
      {:reply, GenServer.call(other, {:get, k}), st}
    end

    def handle_call(:self_call, _from, st) do
      r =
        try do
          GenServer.call(self(), :name)
        catch
          :exit, {reason, _} -> {:caught, reason}
        end

      {:reply, r, st}
    end

    @impl true
    def handle_cast({:delete, k}, st), do: {:noreply, %{st | data: Map.delete(st.data, k)}}
  end

  def start do
    {:ok, a} = Store.start_link(:ex_gs_kv_a)
    {:ok, b} = Store.start_link(:ex_gs_kv_b)
    IO.inspect(a != b, label: "distinct servers")
    IO.inspect(Process.whereis(:ex_gs_kv_a) == a, label: "registered a")
    IO.inspect(GenServer.whereis(:ex_gs_kv_b) == b, label: "GenServer.whereis b")
    IO.inspect(GenServer.whereis(a) == a, label: "whereis pid")
    IO.inspect(GenServer.whereis(:ex_gs_kv_missing), label: "whereis missing")

    IO.inspect(Store.put(:ex_gs_kv_a, :x, 1), label: "put new")
    IO.inspect(Store.put(:ex_gs_kv_a, :x, 2), label: "put overwrite")
    IO.inspect(Store.put(:ex_gs_kv_a, "str", [1, 2]), label: "put string key")
    IO.inspect(Store.put(:ex_gs_kv_a, {1, 2}, %{n: 1}), label: "put tuple key")
    IO.inspect(Store.get(:ex_gs_kv_a, :x), label: "get x")
    IO.inspect(Store.get(:ex_gs_kv_a, :missing), label: "get missing")
    IO.inspect(Store.keys(:ex_gs_kv_a), label: "keys")
    Store.delete(:ex_gs_kv_a, :x)
    IO.inspect(Store.keys(:ex_gs_kv_a), label: "keys after delete")

    # names are independent stores
    Store.put(:ex_gs_kv_b, :x, :from_b)
    IO.inspect(Store.get(:ex_gs_kv_b, :x), label: "b x")
    IO.inspect(Store.get(:ex_gs_kv_a, :x), label: "a x")

    # {name, node} addressing
    IO.inspect(GenServer.call({:ex_gs_kv_b, node()}, {:get, :x}), label: "name node call")

    # server calling another server
    IO.inspect(GenServer.call(:ex_gs_kv_a, {:forward, :ex_gs_kv_b, :x}), label: "forwarded")

    # hibernate reply
    IO.inspect(GenServer.call(:ex_gs_kv_a, :name), label: "hibernate reply")
    IO.inspect(GenServer.call(:ex_gs_kv_a, :name), label: "after hibernate")

    # calling self from within a server
    IO.inspect(GenServer.call(:ex_gs_kv_a, :self_call), label: "self call")

    # many keys
    for i <- 1..30, do: Store.put(:ex_gs_kv_b, i, i * i)
    ks = Store.keys(:ex_gs_kv_b)
    IO.inspect(length(ks), label: "b key count")

    vals = for i <- 1..30, do: elem(Store.get(:ex_gs_kv_b, i), 1)
    IO.inspect(Enum.sum(vals), label: "sum of squares")

    # abcast / multi_call to named servers on this node
    IO.inspect(GenServer.abcast(:ex_gs_kv_a, {:delete, "str"}), label: "abcast")
    IO.inspect(Store.keys(:ex_gs_kv_a), label: "keys after abcast")
    {replies, bad} = GenServer.multi_call(:ex_gs_kv_a, {:get, {1, 2}})
    IO.inspect({Enum.map(replies, &elem(&1, 1)), bad}, label: "multi_call")

    # stop by name, re-register the name
    :ok = GenServer.stop(:ex_gs_kv_a)
    IO.inspect(Process.whereis(:ex_gs_kv_a), label: "after stop")
    {:ok, a2} = Store.start_link(:ex_gs_kv_a)
    IO.inspect(a2 != a, label: "restarted new pid")
    IO.inspect(Store.keys(:ex_gs_kv_a), label: "fresh keys")
    GenServer.stop(a2)
    GenServer.stop(b)
    IO.puts("done")
  end
end
