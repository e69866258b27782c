-module(maps_update).
-export([start/0, id/1]).

%% Map update syntax: => inserts or replaces, := only replaces (badkey otherwise).
id(X) -> X.

start() ->
    M = ?MODULE:id(#{a => 1, b => 2}),
    erlang:display(M#{c => 3}),
    erlang:display(M#{a => 100}),
    erlang:display(M#{a := 100}),
    erlang:display(M#{a := 10, b => 20, c => 30}),
    erlang:display(try M#{c := 3} catch C:R -> {C, R} end),
    erlang:display(M),
    M2 = lists:foldl(fun(I, Acc) -> Acc#{I => I * I} end, M, lists:seq(1, 5)),
    erlang:display(M2),
    M3 = lists:foldl(fun(I, Acc) -> Acc#{I := -I} end, M2, [1, 3, 5]),
    erlang:display(M3),
    K = ?MODULE:id(b),
    erlang:display(M#{K := changed}),
    erlang:display((?MODULE:id(#{}))#{1 => one, 1.0 => float_one}),
    ok.
