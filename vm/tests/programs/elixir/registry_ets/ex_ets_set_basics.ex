defmodule ExEtsSetBasics do
  def start do
    t = :ets.new(:ex_ets_set, [:set, :public])
    IO.inspect(is_reference(t), label: "unnamed table is ref")
    IO.inspect(:ets.insert(t, {:a, 1}), label: "insert")
    :ets.insert(t, [{:b, 2}, {:c, 3}, {"str", [1, 2]}, {{:t, 1}, :tuple_key}])
    IO.inspect(:ets.lookup(t, :a), label: "lookup a")
    IO.inspect(:ets.lookup(t, :missing), label: "lookup missing")
    IO.inspect(:ets.lookup(t, "str"), label: "lookup string key")
    IO.inspect(:ets.lookup(t, {:t, 1}), label: "lookup tuple key")
    IO.inspect(:ets.member(t, :b), label: "member b")
    IO.inspect(:ets.member(t, :z), label: "member z")

    # overwrite in a set
    :ets.insert(t, {:a, 100})
    IO.inspect(:ets.lookup(t, :a), label: "overwritten")
    IO.inspect(:ets.insert_new(t, {:a, 5}), label: "insert_new existing")
    IO.inspect(:ets.insert_new(t, {:d, 4}), label: "insert_new fresh")
    IO.inspect(:ets.info(t, :size), label: "size")
    IO.inspect(:ets.info(t, :type), label: "type")
    IO.inspect(:ets.info(t, :protection), label: "protection")
    IO.inspect(:ets.info(t, :keypos), label: "keypos")
    IO.inspect(:ets.info(t, :named_table), label: "named_table")
    IO.inspect(:ets.info(t, :owner) == self(), label: "owner is self")

    IO.inspect(Enum.sort(:ets.tab2list(t)), label: "tab2list sorted")
    IO.inspect(:ets.lookup_element(t, :b, 2), label: "lookup_element")

    # delete / delete_object
    IO.inspect(:ets.delete(t, :b), label: "delete b")
    IO.inspect(:ets.delete(t, :b), label: "delete b again")
    IO.inspect(:ets.delete_object(t, {:c, 999}), label: "delete_object wrong value")
    IO.inspect(:ets.member(t, :c), label: "c still there")
    :ets.delete_object(t, {:c, 3})
    IO.inspect(:ets.member(t, :c), label: "c after delete_object")

    # update_counter / update_element
    :ets.insert(t, {:cnt, 0, 10})
    IO.inspect(:ets.update_counter(t, :cnt, 1), label: "counter +1")
    IO.inspect(:ets.update_counter(t, :cnt, 5), label: "counter +5")
    IO.inspect(:ets.update_counter(t, :cnt, {3, -4}), label: "counter pos 3 -4")
    IO.inspect(:ets.update_counter(t, :cnt, [{2, 1}, {3, 1}]), label: "counter multi", charlists: :as_lists)
    IO.inspect(:ets.update_counter(t, :cnt, {2, 100, 50, 0}), label: "counter threshold")
    IO.inspect(:ets.update_counter(t, :newc, 7, {:newc, 0}), label: "counter default")
    IO.inspect(:ets.update_element(t, :cnt, {3, :replaced}), label: "update_element")
    IO.inspect(:ets.lookup(t, :cnt), label: "cnt row")

    r =
      try do
        :ets.update_counter(t, :nope, 1)
      rescue
        ArgumentError -> :badarg
      end

    IO.inspect(r, label: "counter on missing key")

    # ordered_set keeps keys in term order
    o = :ets.new(:ex_ets_ordered, [:ordered_set])
    for k <- [5, 3, 9, 1, 7, :atom, "bin", {1}], do: :ets.insert(o, {k, k})
    IO.inspect(:ets.tab2list(o) |> Enum.map(&elem(&1, 0)), label: "ordered keys")
    IO.inspect(:ets.first(o), label: "first")
    IO.inspect(:ets.last(o), label: "last")
    IO.inspect(:ets.next(o, 5), label: "next 5")
    IO.inspect(:ets.prev(o, 5), label: "prev 5")
    IO.inspect(:ets.next(o, "bin"), label: "next of last")
    IO.inspect(:ets.info(o, :type), label: "ordered type")

    # ordered_set: 1 and 1.0 are the same key
    :ets.insert(o, {1.0, :float_one})
    IO.inspect(:ets.lookup(o, 1), label: "ordered 1 vs 1.0")

    # set: 1 and 1.0 are different keys
    :ets.insert(t, {1, :int})
    :ets.insert(t, {1.0, :float})
    IO.inspect({:ets.lookup(t, 1), :ets.lookup(t, 1.0)}, label: "set 1 vs 1.0")

    # named table
    n = :ets.new(:ex_ets_named_tbl, [:named_table, :protected, {:read_concurrency, true}])
    IO.inspect(n, label: "named returns name")
    :ets.insert(:ex_ets_named_tbl, {:k, :v})
    IO.inspect(:ets.lookup(:ex_ets_named_tbl, :k), label: "named lookup")
    IO.inspect(:ets.whereis(:ex_ets_named_tbl) |> is_reference(), label: "whereis named")
    IO.inspect(:ets.whereis(:ex_ets_no_such_tbl), label: "whereis missing")

    r2 =
      try do
        :ets.new(:ex_ets_named_tbl, [:named_table])
      rescue
        ArgumentError -> :already_exists
      end

    IO.inspect(r2, label: "duplicate name")

    # keypos
    k = :ets.new(:ex_ets_keypos, [{:keypos, 2}])
    :ets.insert(k, {:rec, :key1, "data"})
    IO.inspect(:ets.lookup(k, :key1), label: "keypos 2 lookup")

    # delete_all_objects and delete table
    IO.inspect(:ets.delete_all_objects(t), label: "delete_all_objects")
    IO.inspect(:ets.info(t, :size), label: "size after clear")
    IO.inspect(:ets.delete(t), label: "delete table")
    IO.inspect(:ets.info(t), label: "info deleted")

    r3 =
      try do
        :ets.lookup(t, :a)
      rescue
        ArgumentError -> :badarg
      end

    IO.inspect(r3, label: "lookup deleted table")
    :ets.delete(:ex_ets_named_tbl)
    IO.inspect(:ets.whereis(:ex_ets_named_tbl), label: "named after delete")

    # foldl
    IO.inspect(:ets.foldl(fn {key, _}, acc when is_integer(key) -> acc + key; _, acc -> acc end, 0, o), label: "foldl")
    IO.puts("done")
  end
end
