defmodule ExEtsOwnerPterm do
  def start do
    me = self()

    # a table owned by another process dies with it
    {owner, ref} =
      spawn_monitor(fn ->
        t = :ets.new(:ex_eop_owned, [:public])
        n = :ets.new(:ex_eop_named, [:named_table, :public])
        :ets.insert(t, {:x, 1})
        :ets.insert(n, {:y, 2})
        send(me, {:tables, t})

        receive do
          :die -> :ok
        end
      end)

    t =
      receive do
        {:tables, t} -> t
      end

    IO.inspect(:ets.lookup(t, :x), label: "lookup from other process")
    IO.inspect(:ets.lookup(:ex_eop_named, :y), label: "named lookup from other process")
    IO.inspect(:ets.info(t, :owner) == owner, label: "owner")
    :ets.insert(t, {:z, 3})
    IO.inspect(:ets.info(t, :size), label: "public insert from non-owner")
    send(owner, :die)

    receive do
      {:DOWN, ^ref, :process, ^owner, reason} -> IO.inspect(reason, label: "owner down")
    end

    IO.inspect(:ets.info(t), label: "info after owner death")
    IO.inspect(:ets.whereis(:ex_eop_named), label: "named after owner death")

    r =
      try do
        :ets.lookup(t, :x)
      rescue
        ArgumentError -> :badarg
      end

    IO.inspect(r, label: "lookup after owner death")

    # protected table: others can read, not write
    prot = :ets.new(:ex_eop_prot, [:protected])
    :ets.insert(prot, {:a, 1})

    spawn(fn ->
      read = :ets.lookup(prot, :a)

      write =
        try do
          :ets.insert(prot, {:b, 2})
        rescue
          ArgumentError -> :badarg
        end

      send(me, {:prot, read, write})
    end)

    receive do
      {:prot, read, write} -> IO.inspect({read, write}, label: "protected read/write from other")
    end

    # private table: others cannot even read
    priv = :ets.new(:ex_eop_priv, [:private])
    :ets.insert(priv, {:a, 1})

    spawn(fn ->
      read =
        try do
          :ets.lookup(priv, :a)
        rescue
          ArgumentError -> :badarg
        end

      send(me, {:priv, read})
    end)

    receive do
      {:priv, read} -> IO.inspect(read, label: "private read from other")
    end

    IO.inspect(:ets.lookup(priv, :a), label: "private read by owner")

    # give_away transfers ownership and sends ETS-TRANSFER
    heir_proc =
      spawn(fn ->
        receive do
          {:"ETS-TRANSFER", tab, from, data} ->
            send(me, {:transferred, :ets.info(tab, :owner) == self(), from == me, data})

            receive do
              :stop -> :ok
            end
        end
      end)

    g = :ets.new(:ex_eop_give, [:public])
    :ets.insert(g, {:gift, 1})
    IO.inspect(:ets.give_away(g, heir_proc, :present), label: "give_away")

    receive do
      {:transferred, own, from_me, data} -> IO.inspect({own, from_me, data}, label: "transfer msg")
    end

    gref = Process.monitor(heir_proc)
    send(heir_proc, :stop)

    receive do
      {:DOWN, ^gref, _, _, _} -> :ok
    end

    IO.inspect(:ets.info(g), label: "given table after new owner death")

    # heir option: table passes to the heir when the owner dies
    {o2, r2} =
      spawn_monitor(fn ->
        h = :ets.new(:ex_eop_heir, [:public, {:heir, me, :heir_data}])
        :ets.insert(h, {:kept, true})
        send(me, {:heir_tab, h})

        receive do
          :die -> :ok
        end
      end)

    h =
      receive do
        {:heir_tab, h} -> h
      end

    send(o2, :die)

    receive do
      {:DOWN, ^r2, :process, ^o2, _} -> :ok
    end

    receive do
      {:"ETS-TRANSFER", ^h, from, data} -> IO.inspect({from == o2, data}, label: "heir transfer")
    end

    IO.inspect(:ets.info(h, :owner) == me, label: "heir is owner")
    IO.inspect(:ets.lookup(h, :kept), label: "heir data intact")

    # persistent_term
    IO.inspect(:persistent_term.get({__MODULE__, :missing}, :dflt), label: "pt default")
    IO.inspect(:persistent_term.put({__MODULE__, :cfg}, %{a: 1, list: [1, 2]}), label: "pt put")
    IO.inspect(:persistent_term.get({__MODULE__, :cfg}), label: "pt get")

    spawn(fn -> send(me, {:pt_seen, :persistent_term.get({__MODULE__, :cfg})}) end)

    receive do
      {:pt_seen, v} -> IO.inspect(v, label: "pt from other process")
    end

    :persistent_term.put({__MODULE__, :cfg}, :replaced)
    IO.inspect(:persistent_term.get({__MODULE__, :cfg}), label: "pt replaced")

    r3 =
      try do
        :persistent_term.get({__MODULE__, :missing})
      rescue
        ArgumentError -> :badarg
      end

    IO.inspect(r3, label: "pt get missing")
    IO.inspect(:persistent_term.erase({__MODULE__, :cfg}), label: "pt erase")
    IO.inspect(:persistent_term.erase({__MODULE__, :cfg}), label: "pt erase again")
    IO.inspect(:persistent_term.get({__MODULE__, :cfg}, :gone), label: "pt after erase")
    :persistent_term.put(:ex_eop_atom_key, "bin")
    mine = for {k, v} <- :persistent_term.get(), k == :ex_eop_atom_key, do: v
    IO.inspect(mine, label: "pt listed")
    :persistent_term.erase(:ex_eop_atom_key)
    IO.puts("done")
  end
end
