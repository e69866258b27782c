-module(exceptions_badmatch).
-export([start/0, id/1]).

%% {badmatch, Value} from = matches of every shape of term.
id(X) -> X.

start() ->
    erlang:display(try 1 = ?MODULE:id(2) catch C1:R1 -> {C1, R1} end),
    erlang:display(try {a, _} = ?MODULE:id({b, 1}) catch C2:R2 -> {C2, R2} end),
    erlang:display(try [_, _] = ?MODULE:id([1, 2, 3]) catch C3:R3 -> {C3, R3} end),
    erlang:display(try <<_:8>> = ?MODULE:id(<<1, 2>>) catch C4:R4 -> {C4, R4} end),
    erlang:display(try #{k := _} = ?MODULE:id(#{j => 1}) catch C5:R5 -> {C5, R5} end),
    erlang:display(try "abc" = ?MODULE:id("abd") catch C6:R6 -> {C6, R6} end),
    erlang:display(try {ok, V} = ?MODULE:id({error, enoent}), V catch C7:R7 -> {C7, R7} end),
    X = ?MODULE:id(5),
    erlang:display(try X = ?MODULE:id(6) catch C8:R8 -> {C8, R8} end),
    erlang:display(try [H | _] = ?MODULE:id([]), H catch C9:R9 -> {C9, R9} end),
    erlang:display(try 1.0 = ?MODULE:id(1) catch C10:R10 -> {C10, R10} end),
    erlang:display(try {Y, Y} = ?MODULE:id({1, 2}) catch C11:R11 -> {C11, R11} end),
    erlang:display(try ok = ?MODULE:id(1 bsl 80) catch C12:R12 -> {C12, R12} end),
    ok.
