-module(bitsyntax_unit).
-export([start/0, id/1]).

%% The unit modifier: <<X:N/integer-unit:8>> (size counted in units), binary and
%% bits fields with units, float fields with unit.
id(X) -> X.

start() ->
    N = ?MODULE:id(3),
    erlang:display(<<(?MODULE:id(16#010203)):N/integer-unit:8>>),
    erlang:display(<<(?MODULE:id(5)):2/integer-unit:4>>),
    erlang:display(<<(?MODULE:id(1)):N/unit:1>>),
    <<X:N/integer-unit:8, Rest/binary>> = ?MODULE:id(<<0, 1, 0, 9>>),
    erlang:display({X, Rest}),
    <<Y:2/unit:16-little, _/binary>> = ?MODULE:id(<<1, 0, 0, 0, 7>>),
    erlang:display(Y),
    <<Chunk:2/binary-unit:16, After/binary>> = ?MODULE:id(<<"abcdefg">>),
    erlang:display({Chunk, After}),
    <<Bits:3/binary-unit:3, Tail/bits>> = ?MODULE:id(<<16#FF, 16#00>>),
    erlang:display({Bits, Tail}),
    erlang:display(<<(?MODULE:id(1.5)):4/float-unit:16>>),
    <<Whole/binary-unit:16>> = ?MODULE:id(<<"abcd">>),
    erlang:display(Whole),
    erlang:display(case ?MODULE:id(<<"abc">>) of <<_/binary-unit:16>> -> even; _ -> odd end),
    ok.
