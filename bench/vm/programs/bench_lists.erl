-module(bench_lists).
-export([start/0]).
%% Sort and map lists of 1M pseudo-random integers.
start() ->
    L = lists:map(fun(I) -> (I * 7919) rem 1000003 end, lists:seq(1, 1000000)),
    S = lists:sort(L),
    M = lists:map(fun(X) -> X * 2 + 1 end, S),
    erlang:display({length(M), lists:sum(M), hd(S), lists:last(S)}).
