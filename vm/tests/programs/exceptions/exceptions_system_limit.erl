-module(exceptions_system_limit).
-export([start/0, id/1]).

%% system_limit and other less common reasons: too-long atoms, too-large tuples,
%% binary_to_atom of invalid UTF-8, list_to_existing_atom of unknown atoms.
id(X) -> X.

start() ->
    erlang:display(try list_to_atom(lists:duplicate(?MODULE:id(256), $a)) catch C1:R1 -> {C1, R1} end),
    erlang:display(length(atom_to_list(list_to_atom(lists:duplicate(?MODULE:id(255), $a))))),
    erlang:display(try erlang:make_tuple(?MODULE:id(1 bsl 30), x) catch C2:R2 -> {C2, R2} end),
    erlang:display(try binary_to_atom(?MODULE:id(<<255, 255>>), utf8) catch C3:R3 -> {C3, R3} end),
    erlang:display(try list_to_existing_atom(?MODULE:id("surely_not_an_existing_atom_4711")) catch C4:R4 -> {C4, R4} end),
    erlang:display(try binary_to_existing_atom(?MODULE:id(<<"also_not_existing_4712">>)) catch C5:R5 -> {C5, R5} end),
    ok.
