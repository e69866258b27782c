-module(stdlib_array).
-export([start/0]).

%% array module: fixed/extensible arrays, defaults, set/get, resize, sparse
%% functions, foldl/map, to_list and to_orddict.
start() ->
    A0 = array:new(5),
    erlang:display({array:size(A0), array:get(0, A0)}),
    A1 = array:set(2, two, array:set(0, zero, A0)),
    erlang:display(array:to_list(A1)),
    erlang:display(array:sparse_to_list(A1)),
    erlang:display(array:sparse_to_orddict(A1)),
    erlang:display(try array:set(10, x, A1) catch C:R -> {C, R} end),
    E = array:new([{default, 0}]),
    E1 = array:set(100, 1, E),
    erlang:display({array:size(E1), array:get(50, E1), array:get(100, E1)}),
    F = array:from_list(lists:seq(1, 10)),
    erlang:display(array:foldl(fun(_, V, Acc) -> V + Acc end, 0, F)),
    erlang:display(array:to_list(array:map(fun(I, V) -> I * V end, F))),
    erlang:display(array:to_list(array:resize(3, F))),
    erlang:display(array:is_fix(array:fix(E1))),
    Big = lists:foldl(fun(I, Arr) -> array:set(I, I * I, Arr) end, array:new(), lists:seq(0, 9999)),
    erlang:display({array:size(Big), array:get(9999, Big), array:get(1234, Big)}),
    ok.
