-module(bitsyntax_base64).
-export([start/0]).

%% A hand-written base64 encoder/decoder using 6-bit fields, checked against the
%% base64 module.
enc(<<>>) -> <<>>;
enc(<<A:6, B:6, C:6, D:6, Rest/binary>>) -> <<(c(A)), (c(B)), (c(C)), (c(D)), (enc(Rest))/binary>>;
enc(<<A:6, B:6, C:4>>) -> <<(c(A)), (c(B)), (c(C bsl 2)), $=>>;
enc(<<A:6, B:2>>) -> <<(c(A)), (c(B bsl 4)), $=, $=>>.

c(N) when N < 26 -> $A + N;
c(N) when N < 52 -> $a + N - 26;
c(N) when N < 62 -> $0 + N - 52;
c(62) -> $+;
c(63) -> $/.

v(C) when C >= $A, C =< $Z -> C - $A;
v(C) when C >= $a, C =< $z -> C - $a + 26;
v(C) when C >= $0, C =< $9 -> C - $0 + 52;
v($+) -> 62;
v($/) -> 63.

dec(<<>>) -> <<>>;
dec(<<A, B, $=, $=>>) -> <<(v(A)):6, (v(B) bsr 4):2>>;
dec(<<A, B, C, $=>>) -> <<(v(A)):6, (v(B)):6, (v(C) bsr 2):4>>;
dec(<<A, B, C, D, Rest/binary>>) -> <<(v(A)):6, (v(B)):6, (v(C)):6, (v(D)):6, (dec(Rest))/binary>>.

start() ->
    Inputs = [<<>>, <<"f">>, <<"fo">>, <<"foo">>, <<"foob">>, <<"fooba">>, <<"foobar">>,
              <<0, 255, 128, 1>>, list_to_binary(lists:seq(0, 255))],
    lists:foreach(
      fun(In) ->
              E = enc(In),
              erlang:display({byte_size(In), E =:= base64:encode(In), dec(E) =:= In})
      end, Inputs),
    erlang:display(enc(<<"Hello, World!">>)),
    erlang:display(dec(<<"SGVsbG8sIFdvcmxkIQ==">>)),
    ok.
