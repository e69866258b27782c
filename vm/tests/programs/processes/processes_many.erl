-module(processes_many).
-export([start/0]).

%% Spawning 10,000 processes that each report back; counting and summing replies.
start() ->
    Self = self(),
    N = 10000,
    [spawn(fun() -> Self ! {n, I} end) || I <- lists:seq(1, N)],
    Sum = collect(N, 0),
    erlang:display(Sum),
    erlang:display(Sum =:= N * (N + 1) div 2),
    ok.

collect(0, Acc) -> Acc;
collect(K, Acc) -> receive {n, I} -> collect(K - 1, Acc + I) end.
