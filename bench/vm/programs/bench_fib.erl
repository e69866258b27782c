-module(bench_fib).
-export([start/0]).

%% Prints the result, then {time_us, T} measured inside the runtime (no start-up).
start() ->
    T0 = erlang:monotonic_time(microsecond),
    R = run(),
    T1 = erlang:monotonic_time(microsecond),
    erlang:display(R),
    erlang:display({time_us, T1 - T0}).

run() -> fib(30).
fib(N) when N < 2 -> N;
fib(N) -> fib(N - 1) + fib(N - 2).
