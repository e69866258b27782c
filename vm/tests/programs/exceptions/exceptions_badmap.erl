-module(exceptions_badmap).
-export([start/0, id/1]).

%% {badmap, Term} when map operations get a non-map.
id(X) -> X.

start() ->
    NotMap = ?MODULE:id([a, list]),
    erlang:display(try NotMap#{a => 1} catch C1:R1 -> {C1, R1} end),
    erlang:display(try NotMap#{a := 1} catch C2:R2 -> {C2, R2} end),
    erlang:display(try maps:get(a, ?MODULE:id(atom)) catch C3:R3 -> {C3, R3} end),
    erlang:display(try maps:put(a, 1, ?MODULE:id({t})) catch C4:R4 -> {C4, R4} end),
    erlang:display(try maps:keys(?MODULE:id(<<"b">>)) catch C5:R5 -> {C5, R5} end),
    erlang:display(try map_size(?MODULE:id(7)) catch C6:R6 -> {C6, R6} end),
    erlang:display(try maps:merge(?MODULE:id(#{}), ?MODULE:id(x)) catch C7:R7 -> {C7, R7} end),
    erlang:display(try maps:to_list(?MODULE:id(1.5)) catch C8:R8 -> {C8, R8} end),
    ok.
