-module(bitsyntax_guard_sizes).
-export([start/0, id/1]).

%% Guards on binaries: byte_size, bit_size, is_binary vs is_bitstring, binary_part
%% in guards.
id(X) -> X.

g(B) when is_binary(B), byte_size(B) =:= 0 -> empty;
g(B) when is_binary(B), byte_size(B) < 4 -> short;
g(B) when is_binary(B), binary_part(B, 0, 2) =:= <<"ab">> -> ab_prefix;
g(B) when is_binary(B) -> {long, byte_size(B)};
g(B) when is_bitstring(B), bit_size(B) rem 8 =:= 4 -> nibble_aligned;
g(B) when is_bitstring(B) -> {bits, bit_size(B)};
g(_) -> not_binary.

start() ->
    erlang:display([g(?MODULE:id(X)) || X <- [<<>>, <<"abc">>, <<"abcdef">>, <<"xyzwv">>,
                                            <<1:4>>, <<1:12>>, <<1:3>>, "list", 42]]),
    ok.
