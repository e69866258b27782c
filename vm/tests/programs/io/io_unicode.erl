-module(io_unicode).
-export([start/0]).

%% Unicode output. Under `erl -noshell` stdout starts with latin1 encoding: ~ts
%% prints code points above 255 as \x{...}; after io:setopts([{encoding, unicode}])
%% they are written as UTF-8.
start() ->
    S = [$h, 16#E9, $l, $l, $o, $\s, 16#3BB, 16#4E16, 16#1F600],
    io:format("~p~n", [io:getopts()]),
    io:format("~w~n", [S]),
    io:format("~ts~n", [S]),
    io:format("~tp~n", [S]),
    io:format("~p~n", [S]),
    io:format("~s~n", [[$c, $a, $f, 16#E9]]),
    ok = io:setopts([{encoding, unicode}]),
    io:format("~ts~n", [S]),
    io:format("~tp~n", [S]),
    io:format("~ts~n", [unicode:characters_to_binary(S)]),
    io:format("~tp~n", [unicode:characters_to_binary(S)]),
    io:format("~p~n", [unicode:characters_to_binary(S)]),
    io:format("~tp~n", ['atom_é']),
    io:format("~ts|~-6ts|~6ts|~n", ["λ", "λμ", "νξ"]),
    io:format("~tc~n", [16#263A]),
    ok = io:setopts([{encoding, latin1}]),
    ok.
