-module(exceptions_badkey).
-export([start/0, id/1]).

%% {badkey, Key} from := updates, maps:get/2, maps:update/3.
id(X) -> X.

start() ->
    M = ?MODULE:id(#{a => 1, b => 2}),
    erlang:display(try M#{c := 3} catch C1:R1 -> {C1, R1} end),
    erlang:display(try M#{a := 10, z := 26} catch C2:R2 -> {C2, R2} end),
    erlang:display(try maps:get(missing, M) catch C3:R3 -> {C3, R3} end),
    erlang:display(try maps:update({tuple, key}, v, M) catch C4:R4 -> {C4, R4} end),
    erlang:display(try maps:get(1.0, ?MODULE:id(#{1 => int})) catch C5:R5 -> {C5, R5} end),
    Big = ?MODULE:id(maps:from_list([{I, I} || I <- lists:seq(1, 50)])),
    erlang:display(try Big#{51 := x} catch C6:R6 -> {C6, R6} end),
    erlang:display(try maps:get(0, Big) catch C7:R7 -> {C7, R7} end),
    erlang:display(maps:get(missing, M, default)),
    ok.
