-module(bench_ring).
-export([start/0]).

%% Prints the result, then {time_us, T} measured inside the runtime (no start-up).
start() ->
    T0 = erlang:monotonic_time(microsecond),
    R = run(),
    T1 = erlang:monotonic_time(microsecond),
    erlang:display(R),
    erlang:display({time_us, T1 - T0}).

%% 1,000 processes in a ring; a token goes around 1,000 times (1,000,000 messages).
run() ->
    Self = self(),
    First = lists:foldl(fun(_, Next) -> spawn(fun() -> relay(Next) end) end, Self, lists:seq(1, 1000)),
    lap(First, 1000),
    done.
lap(_, 0) -> ok;
lap(First, K) -> First ! token, receive token -> lap(First, K - 1) end.
relay(Next) -> receive token -> Next ! token, relay(Next) end.
