-module(processes_fifo_order).
-export([start/0]).

%% Messages from one sender to one receiver arrive in sending order; messages from
%% two senders are each in order (checked per sender, not interleaving).
start() ->
    Self = self(),
    spawn(fun() -> [Self ! {a, I} || I <- lists:seq(1, 1000)] end),
    spawn(fun() -> [Self ! {b, I} || I <- lists:seq(1, 1000)] end),
    {As, Bs} = collect(2000, [], []),
    erlang:display({length(As), length(Bs)}),
    erlang:display(As =:= lists:seq(1, 1000)),
    erlang:display(Bs =:= lists:seq(1, 1000)),
    ok.

collect(0, As, Bs) -> {lists:reverse(As), lists:reverse(Bs)};
collect(N, As, Bs) ->
    receive
        {a, I} -> collect(N - 1, [I | As], Bs);
        {b, I} -> collect(N - 1, As, [I | Bs])
    end.
