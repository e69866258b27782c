-module(bench_ring).
-export([start/0]).
%% 500 processes in a ring; a token goes around 200 times (100,000 messages).
start() ->
    Self = self(),
    First = lists:foldl(fun(_, Next) -> spawn(fun() -> relay(Next) end) end, Self, lists:seq(1, 500)),
    lap(First, 200),
    erlang:display(done).
lap(_, 0) -> ok;
lap(First, K) -> First ! token, receive token -> lap(First, K - 1) end.
relay(Next) -> receive token -> Next ! token, relay(Next) end.
