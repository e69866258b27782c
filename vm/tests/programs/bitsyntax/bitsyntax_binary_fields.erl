-module(bitsyntax_binary_fields).
-export([start/0, id/1]).

%% binary, bytes, bits and bitstring segment types in construction and matching.
id(X) -> X.

start() ->
    A = ?MODULE:id(<<"abc">>),
    B = ?MODULE:id(<<1:3>>),
    erlang:display(<<A/binary, A/binary>>),
    erlang:display(<<A/bytes, "-", A:2/binary>>),
    erlang:display(<<A/binary, B/bits>>),
    erlang:display(<<B/bitstring, A/binary>>),
    erlang:display(<<B/bits, B/bits, B/bits>>),
    <<First:1/binary, Rest/binary>> = A,
    erlang:display({First, Rest}),
    <<Two:2/bytes, _/bytes>> = A,
    erlang:display(Two),
    <<Bits:5/bits, More/bits>> = A,
    erlang:display({Bits, More}),
    <<_:1, Odd/bitstring>> = A,
    erlang:display({Odd, bit_size(Odd)}),
    erlang:display(try <<(?MODULE:id(<<1:3>>))/binary>> catch C:R -> {C, R} end),
    erlang:display(<<(?MODULE:id(<<"xyz">>)):1/binary-unit:16>>),
    ok.
