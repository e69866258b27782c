-module(stdlib_base64).
-export([start/0]).

%% base64 encode/decode of binaries and strings, padding cases, mime_decode
%% skipping invalid characters, and a round trip over all byte values.
start() ->
    lists:foreach(fun(In) -> erlang:display({In, base64:encode(In)}) end,
                  [<<>>, <<"f">>, <<"fo">>, <<"foo">>, <<"foob">>, <<"fooba">>, <<"foobar">>,
                   <<0, 0, 0>>, <<255, 254, 253>>]),
    erlang:display(base64:encode_to_string("hello world")),
    erlang:display(base64:decode(<<"aGVsbG8gd29ybGQ=">>)),
    erlang:display(base64:decode_to_string("Zm9vYmFy")),
    erlang:display(base64:mime_decode(<<"Zm9v\r\nYmFy">>)),
    erlang:display(try base64:decode(<<"@@@@">>) catch C:R -> {C, R} end),
    All = list_to_binary(lists:seq(0, 255)),
    Enc = base64:encode(All),
    erlang:display(byte_size(Enc)),
    erlang:display(binary_part(Enc, 0, 32)),
    erlang:display(base64:decode(Enc) =:= All),
    ok.
