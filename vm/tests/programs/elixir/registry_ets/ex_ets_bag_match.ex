defmodule ExEtsBagMatch do
  def start do
    # bag: same key, distinct objects
    b = :ets.new(:ex_ets_bag, [:bag])
    :ets.insert(b, [{:k, 1}, {:k, 2}, {:k, 1}, {:j, 3}])
    IO.inspect(Enum.sort(:ets.lookup(b, :k)), label: "bag lookup k")
    IO.inspect(:ets.info(b, :size), label: "bag size")
    :ets.delete_object(b, {:k, 1})
    IO.inspect(:ets.lookup(b, :k), label: "bag after delete_object")

    # duplicate_bag keeps duplicates
    d = :ets.new(:ex_ets_dbag, [:duplicate_bag])
    :ets.insert(d, [{:k, 1}, {:k, 2}, {:k, 1}, {:j, 3}])
    IO.inspect(Enum.sort(:ets.lookup(d, :k)), label: "dbag lookup k")
    IO.inspect(:ets.info(d, :size), label: "dbag size")
    :ets.delete_object(d, {:k, 1})
    IO.inspect(:ets.lookup(d, :k), label: "dbag after delete_object")
    IO.inspect(:ets.info(d, :type), label: "dbag type")

    # a people table for matching
    p = :ets.new(:ex_ets_people, [:set])

    :ets.insert(p, [
      {1, "ann", 31, :dev},
      {2, "bob", 25, :ops},
      {3, "cid", 42, :dev},
      {4, "dee", 19, :intern},
      {5, "eve", 37, :ops}
    ])

    # match with $ variables and _
    IO.inspect(Enum.sort(:ets.match(p, {:"$1", :_, :_, :dev})), label: "match dev ids")
    IO.inspect(Enum.sort(:ets.match(p, {:_, :"$2", :"$1", :ops})), label: "match ops age,name")
    IO.inspect(Enum.sort(:ets.match_object(p, {:_, :_, :_, :ops})), label: "match_object ops")
    IO.inspect(:ets.match(p, {:_, :_, :_, :nobody}), label: "match none")

    # select with guards written as literal match specs
    ms_age = [{{:"$1", :"$2", :"$3", :_}, [{:>, :"$3", 30}], [:"$2"]}]
    IO.inspect(Enum.sort(:ets.select(p, ms_age)), label: "select age > 30")

    ms_tuple = [{{:"$1", :"$2", :"$3", :"$4"}, [{:andalso, {:>=, :"$3", 20}, {:"=/=", :"$4", :dev}}], [{{:"$2", :"$4"}}]}]
    IO.inspect(Enum.sort(:ets.select(p, ms_tuple)), label: "select tuple result")

    ms_all = [{{:"$1", :_, :_, :_}, [], [:"$$"]}]
    IO.inspect(Enum.sort(:ets.select(p, ms_all)), label: "select $$")

    ms_obj = [{{:_, :_, :"$1", :_}, [{:<, :"$1", 26}], [:"$_"]}]
    IO.inspect(Enum.sort(:ets.select(p, ms_obj)), label: "select $_")

    # multiple clauses in one match spec
    ms_multi = [
      {{:"$1", :_, :_, :intern}, [], [{{:intern, :"$1"}}]},
      {{:"$1", :_, :_, :ops}, [], [{{:ops, :"$1"}}]}
    ]

    IO.inspect(Enum.sort(:ets.select(p, ms_multi)), label: "select multi clause")

    # arithmetic in the body
    ms_math = [{{:"$1", :_, :"$2", :_}, [{:==, {:rem, :"$1", 2}, 1}], [{:+, :"$2", 100}]}]
    IO.inspect(Enum.sort(:ets.select(p, ms_math)), label: "select math")

    # select_count and select_delete
    ms_true = [{{:_, :_, :"$1", :_}, [{:<, :"$1", 30}], [true]}]
    IO.inspect(:ets.select_count(p, ms_true), label: "select_count age < 30")
    IO.inspect(:ets.select_delete(p, ms_true), label: "select_delete age < 30")
    IO.inspect(:ets.info(p, :size), label: "size after select_delete")
    IO.inspect(Enum.sort(:ets.tab2list(p)) |> Enum.map(&elem(&1, 1)), label: "remaining names")

    # select with a limit (continuation) on an ordered_set
    o = :ets.new(:ex_ets_ord2, [:ordered_set])
    for i <- 1..10, do: :ets.insert(o, {i, i * i})
    {first, cont} = :ets.select(o, [{{:"$1", :"$2"}, [], [:"$2"]}], 4)
    IO.inspect(first, label: "select limit 4", charlists: :as_lists)
    {second, cont2} = :ets.select(cont)
    IO.inspect(second, label: "select continue", charlists: :as_lists)
    {third, cont3} = :ets.select(cont2)
    IO.inspect(third, label: "select continue 2", charlists: :as_lists)
    IO.inspect(:ets.select(cont3), label: "select end")

    # match_delete and match on a bag
    :ets.insert(b, [{:x, :a}, {:x, :b}, {:y, :a}])
    IO.inspect(Enum.sort(:ets.match(b, {:"$1", :a})), label: "bag match value a")
    :ets.match_delete(b, {:_, :a})
    IO.inspect(Enum.sort(:ets.tab2list(b)), label: "bag after match_delete")

    # fun2ms-free: select_replace on a set
    s = :ets.new(:ex_ets_repl, [:set])
    :ets.insert(s, [{:a, 1}, {:b, 2}, {:c, 3}])
    ms_repl = [{{:"$1", :"$2"}, [{:>, :"$2", 1}], [{{:"$1", {:*, :"$2", 10}}}]}]
    IO.inspect(:ets.select_replace(s, ms_repl), label: "select_replace count")
    IO.inspect(Enum.sort(:ets.tab2list(s)), label: "after select_replace")

    # match_spec_compile / run without a table
    cms = :ets.match_spec_compile([{{:"$1", :"$2"}, [{:is_atom, :"$1"}], [:"$2"]}])
    IO.inspect(:ets.match_spec_run([{:a, 1}, {"b", 2}, {:c, 3}], cms), label: "match_spec_run")
    IO.puts("done")
  end
end
