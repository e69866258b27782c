-module(bench_maps).
-export([start/0]).
%% Insert 20,000 keys into a map one at a time, then look each up 20 times.
start() ->
    Keys = lists:seq(1, 20000),
    M = lists:foldl(fun(K, Acc) -> Acc#{K => K * 2} end, #{}, Keys),
    Sum = lists:foldl(fun(_, S) -> lists:foldl(fun(K, S2) -> S2 + maps:get(K, M) end, S, Keys) end, 0, lists:seq(1, 20)),
    erlang:display({map_size(M), Sum}).
