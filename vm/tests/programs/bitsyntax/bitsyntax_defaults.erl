-module(bitsyntax_defaults).
-export([start/0, id/1]).

%% Default sizes and types: integer 8 bits, float 64 bits, binary = the rest,
%% string literals as bytes, unsigned big-endian by default.
id(X) -> X.

start() ->
    erlang:display(<<(?MODULE:id(65))>>),
    erlang:display(<<(?MODULE:id(256))>>),
    erlang:display(<<(?MODULE:id(-1))>>),
    erlang:display(<<(?MODULE:id(2.5))/float>>),
    erlang:display(<<"abc">>),
    erlang:display(<<"a", "b", $c, "">>),
    erlang:display(<<(?MODULE:id(1)), (?MODULE:id(2)):16, (?MODULE:id(3)):8/integer>>),
    <<A, B/binary>> = ?MODULE:id(<<200, 1, 2>>),
    erlang:display({A, B}),
    <<C/integer, D/float>> = ?MODULE:id(<<1, 0:64>>),
    erlang:display({C, D}),
    <<"ab", E/binary>> = ?MODULE:id(<<"abcd">>),
    erlang:display(E),
    <<F:16>> = ?MODULE:id(<<1, 1>>),
    erlang:display(F),
    ok.
