-module(bitsyntax_bitstrings).
-export([start/0, id/1]).

%% Bitstrings whose size is not a multiple of 8: construction, bit_size,
%% byte_size (rounded up), concatenation, comparison and conversion.
id(X) -> X.

start() ->
    B1 = ?MODULE:id(<<1:1>>),
    B7 = ?MODULE:id(<<127:7>>),
    B13 = ?MODULE:id(<<5000:13>>),
    lists:foreach(fun(B) -> erlang:display({B, bit_size(B), byte_size(B), is_binary(B)}) end,
                  [B1, B7, B13, <<B1/bits, B7/bits>>, <<B7/bits, B1/bits>>, <<B13/bits, B13/bits>>]),
    erlang:display(<<B1/bits, B1/bits, B1/bits, B1/bits, B1/bits, B1/bits, B1/bits, B1/bits>>),
    erlang:display(bitstring_to_list(<<B13/bits, 1:3>>)),
    erlang:display(list_to_bitstring([<<1:4>>, 255, [<<2:4>>]])),
    erlang:display(<<1:4>> < <<1:5>>),
    erlang:display(<<0:7>> == <<0:8>>),
    erlang:display(lists:sort([<<1:2>>, <<1:1>>, <<0:3>>, <<>>, <<128>>])),
    <<A:5, B:6, C:2>> = B13,
    erlang:display({A, B, C}),
    erlang:display(<< <<X:1>> || X <- [1, 0, 1, 1, 0] >>),
    ok.
