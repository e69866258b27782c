-module(bitsyntax_bit_ops).
-export([start/0]).

%% Bit-level algorithms with 1-bit fields: popcount, bit reversal, parity, and
%% interleaving two bytes.
popcount(<<>>) -> 0;
popcount(<<B:1, R/bits>>) -> B + popcount(R).

reverse_bits(Bin) -> << <<B:1>> || B <- lists:reverse([X || <<X:1>> <= Bin]) >>.

interleave(<<>>, <<>>) -> <<>>;
interleave(<<A:1, RA/bits>>, <<B:1, RB/bits>>) -> <<A:1, B:1, (interleave(RA, RB))/bits>>.

start() ->
    erlang:display([popcount(<<X>>) || X <- [0, 1, 3, 7, 128, 255, 170]]),
    erlang:display(popcount(<<16#FFFFFFFFFFFFFFFF:64, 1:1>>)),
    erlang:display(reverse_bits(<<1>>)),
    erlang:display(reverse_bits(<<16#0F, 16#01>>)),
    erlang:display(reverse_bits(<<5:3>>)),
    erlang:display(interleave(<<16#FF>>, <<16#00>>)),
    erlang:display(interleave(<<2#1010:4>>, <<2#0110:4>>)),
    erlang:display([popcount(<<X:16>>) rem 2 || X <- [1, 3, 16#8001, 16#7FFF]]),
    ok.
