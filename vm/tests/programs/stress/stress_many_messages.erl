-module(stress_many_messages).
-export([start/0]).

%% 300,000 messages through a mailbox, and a process that receives them in order.
start() ->
    Self = self(),
    Pid = spawn(fun() -> Self ! {sum, count(0, 0)} end),
    [Pid ! {n, I} || I <- lists:seq(1, 300000)],
    Pid ! stop,
    receive {sum, S} -> erlang:display(S) end,
    [self() ! I || I <- lists:seq(1, 200000)],
    erlang:display(drain(0)).

count(Acc, _) ->
    receive
        {n, I} -> count(Acc + I, I);
        stop -> Acc
    end.

drain(Acc) ->
    receive I -> drain(Acc + I) after 0 -> Acc end.
