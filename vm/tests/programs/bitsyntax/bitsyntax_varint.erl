-module(bitsyntax_varint).
-export([start/0]).

%% LEB128 / protobuf varints: encode and decode unsigned and zigzag-signed
%% integers, including bignums.
enc(N) when N < 128 -> <<N>>;
enc(N) -> <<1:1, (N band 127):7, (enc(N bsr 7))/binary>>.

dec(Bin) -> dec(Bin, 0, 0).
dec(<<0:1, X:7, Rest/binary>>, Shift, Acc) -> {Acc bor (X bsl Shift), Rest};
dec(<<1:1, X:7, Rest/binary>>, Shift, Acc) -> dec(Rest, Shift + 7, Acc bor (X bsl Shift)).

zigzag(N) when N >= 0 -> N * 2;
zigzag(N) -> -N * 2 - 1.

unzigzag(Z) when Z rem 2 =:= 0 -> Z div 2;
unzigzag(Z) -> -(Z + 1) div 2.

decode_all(<<>>) -> [];
decode_all(Bin) -> {V, Rest} = dec(Bin), [V | decode_all(Rest)].

start() ->
    Ns = [0, 1, 127, 128, 300, 16383, 16384, 1 bsl 32, 1 bsl 63, (1 bsl 64) - 1, 1 bsl 100],
    lists:foreach(fun(N) -> E = enc(N), erlang:display({N, E}) end, Ns),
    All = << <<(enc(N))/binary>> || N <- Ns >>,
    erlang:display(byte_size(All)),
    erlang:display(decode_all(All) =:= Ns),
    Signed = [0, -1, 1, -2, 63, -64, -(1 bsl 40), 1 bsl 40],
    erlang:display([zigzag(S) || S <- Signed]),
    erlang:display([unzigzag(zigzag(S)) || S <- Signed] =:= Signed),
    ok.
