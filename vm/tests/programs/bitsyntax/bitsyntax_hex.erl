-module(bitsyntax_hex).
-export([start/0]).

%% Hex encoding and decoding with 4-bit fields.
hex(Bin) -> << <<(digit(N))>> || <<N:4>> <= Bin >>.

digit(N) when N < 10 -> $0 + N;
digit(N) -> $a + N - 10.

unhex(Hex) -> << <<(val(H)):4, (val(L)):4>> || <<H, L>> <= Hex >>.

val(C) when C >= $0, C =< $9 -> C - $0;
val(C) when C >= $a, C =< $f -> C - $a + 10;
val(C) when C >= $A, C =< $F -> C - $A + 10.

start() ->
    erlang:display(hex(<<"Hello">>)),
    erlang:display(hex(<<0, 1, 15, 16, 255>>)),
    erlang:display(hex(<<>>)),
    erlang:display(unhex(<<"48656c6c6f">>)),
    erlang:display(unhex(<<"DEADbeef">>)),
    All = list_to_binary(lists:seq(0, 255)),
    erlang:display(unhex(hex(All)) =:= All),
    erlang:display(binary_part(hex(All), 500, 12)),
    erlang:display(binary:encode_hex(<<"Hello">>)),
    ok.
