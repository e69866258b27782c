-module(processes_ring).
-export([start/0]).

%% A ring of 100 processes passing a counter around several times; each hop adds 1.
node_loop(Next) ->
    receive
        {count, C, Owner} -> Next ! {count, C + 1, Owner}, node_loop(Next);
        stop -> Next ! stop
    end.

build(1, First) -> spawn(fun() -> node_loop(First) end);
build(N, First) ->
    Next = build(N - 1, First),
    spawn(fun() -> node_loop(Next) end).

start() ->
    Self = self(),
    Ring = build(100, Self),
    Ring ! {count, 0, Self},
    receive {count, C, Self} -> erlang:display({one_lap, C}) end,
    Laps = lists:foldl(fun(_, Acc) ->
                               Ring ! {count, Acc, Self},
                               receive {count, C2, Self} -> C2 end
                       end, 0, lists:seq(1, 50)),
    erlang:display({fifty_laps, Laps}),
    Ring ! stop,
    receive stop -> erlang:display(ring_stopped) end,
    ok.
