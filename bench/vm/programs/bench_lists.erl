-module(bench_lists).
-export([start/0]).

%% Prints the result, then {time_us, T} measured inside the runtime (no start-up).
start() ->
    T0 = erlang:monotonic_time(microsecond),
    R = run(),
    T1 = erlang:monotonic_time(microsecond),
    erlang:display(R),
    erlang:display({time_us, T1 - T0}).

%% Sort and map lists of 1M pseudo-random integers.
run() ->
    L = lists:map(fun(I) -> (I * 7919) rem 1000003 end, lists:seq(1, 1000000)),
    S = lists:sort(L),
    M = lists:map(fun(X) -> X * 2 + 1 end, S),
    {length(M), lists:sum(M), hd(S), lists:last(S)}.
