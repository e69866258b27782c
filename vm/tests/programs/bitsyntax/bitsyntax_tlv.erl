-module(bitsyntax_tlv).
-export([start/0]).

%% A type-length-value encoder/decoder for nested terms (ints, binaries, lists).
encode(N) when is_integer(N), N >= 0 ->
    Bytes = binary:encode_unsigned(N),
    <<1, (byte_size(Bytes)):16, Bytes/binary>>;
encode(N) when is_integer(N) ->
    Bytes = binary:encode_unsigned(-N),
    <<2, (byte_size(Bytes)):16, Bytes/binary>>;
encode(B) when is_binary(B) -> <<3, (byte_size(B)):16, B/binary>>;
encode(L) when is_list(L) ->
    Body = << <<(encode(X))/binary>> || X <- L >>,
    <<4, (byte_size(Body)):16, Body/binary>>.

decode(<<1, Len:16, V:Len/binary, Rest/binary>>) -> {binary:decode_unsigned(V), Rest};
decode(<<2, Len:16, V:Len/binary, Rest/binary>>) -> {-binary:decode_unsigned(V), Rest};
decode(<<3, Len:16, V:Len/binary, Rest/binary>>) -> {V, Rest};
decode(<<4, Len:16, Body:Len/binary, Rest/binary>>) -> {decode_list(Body), Rest}.

decode_list(<<>>) -> [];
decode_list(Bin) -> {X, Rest} = decode(Bin), [X | decode_list(Rest)].

start() ->
    Terms = [0, 255, 256, -1, 1 bsl 80, <<"bin">>, [], [1, [2, [3, <<"deep">>]], -4]],
    lists:foreach(
      fun(T) ->
              E = encode(T),
              {D, <<>>} = decode(E),
              erlang:display({T, E, D =:= T})
      end, Terms),
    ok.
