-module(bench_maps).
-export([start/0]).

%% Prints the result, then {time_us, T} measured inside the runtime (no start-up).
start() ->
    T0 = erlang:monotonic_time(microsecond),
    R = run(),
    T1 = erlang:monotonic_time(microsecond),
    erlang:display(R),
    erlang:display({time_us, T1 - T0}).

%% Insert 20,000 keys into a map one at a time, then look each up 20 times.
run() ->
    Keys = lists:seq(1, 20000),
    M = lists:foldl(fun(K, Acc) -> Acc#{K => K * 2} end, #{}, Keys),
    Sum = lists:foldl(fun(_, S) -> lists:foldl(fun(K, S2) -> S2 + maps:get(K, M) end, S, Keys) end, 0, lists:seq(1, 20)),
    {map_size(M), Sum}.
