-module(stdlib_gb_trees).
-export([start/0]).

%% gb_trees: insert/enter/update/delete, lookup/get, keys/values/to_list (sorted),
%% smallest/largest, iterators, take, balance, and a 10,000 element tree.
start() ->
    T0 = gb_trees:empty(),
    T1 = lists:foldl(fun({K, V}, T) -> gb_trees:insert(K, V, T) end, T0,
                     [{5, five}, {2, two}, {8, eight}, {1, one}, {9, nine}]),
    erlang:display(gb_trees:to_list(T1)),
    erlang:display(gb_trees:size(T1)),
    erlang:display(gb_trees:lookup(8, T1)),
    erlang:display(gb_trees:lookup(7, T1)),
    erlang:display(gb_trees:get(2, T1)),
    erlang:display(gb_trees:is_defined(9, T1)),
    T2 = gb_trees:enter(7, seven, gb_trees:update(5, 'FIVE', T1)),
    erlang:display(gb_trees:to_list(T2)),
    erlang:display(gb_trees:keys(T2)),
    erlang:display(gb_trees:values(T2)),
    erlang:display({gb_trees:smallest(T2), gb_trees:largest(T2)}),
    erlang:display(gb_trees:to_list(gb_trees:delete(1, T2))),
    erlang:display(gb_trees:to_list(gb_trees:delete_any(100, T2)) =:= gb_trees:to_list(T2)),
    {K, V, T3} = gb_trees:take_largest(T2),
    erlang:display({K, V, gb_trees:size(T3)}),
    erlang:display(gb_trees:to_list(gb_trees:map(fun(Key, _) -> Key * 10 end, T1))),
    It = gb_trees:iterator_from(5, T2),
    {K1, _, It2} = gb_trees:next(It),
    {K2, _, _} = gb_trees:next(It2),
    erlang:display({K1, K2}),
    try gb_trees:insert(5, dup, T1) of _ -> erlang:display(no_error)
    catch C:R -> erlang:display({C, R}) end,
    Big = lists:foldl(fun(I, T) -> gb_trees:insert((I * 7919) rem 10007, I, T) end,
                      gb_trees:empty(), lists:seq(1, 10000)),
    erlang:display(gb_trees:size(Big)),
    erlang:display({gb_trees:smallest(Big), gb_trees:largest(Big)}),
    erlang:display(lists:sublist(gb_trees:keys(Big), 5)),
    erlang:display(gb_trees:size(gb_trees:balance(Big))),
    ok.
