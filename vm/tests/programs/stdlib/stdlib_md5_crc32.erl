-module(stdlib_md5_crc32).
-export([start/0]).

%% erlang:md5 (as hex), md5_init/update/final, erlang:crc32/1,2, crc32_combine,
%% adler32.
hex(Bin) -> list_to_binary([io_lib:format("~2.16.0b", [B]) || <<B>> <= Bin]).

start() ->
    Inputs = [<<>>, <<"a">>, <<"abc">>, <<"message digest">>, <<"The quick brown fox jumps over the lazy dog">>,
              list_to_binary(lists:seq(0, 255))],
    lists:foreach(fun(I) -> erlang:display({byte_size(I), hex(erlang:md5(I)), erlang:crc32(I), erlang:adler32(I)}) end,
                  Inputs),
    erlang:display(hex(erlang:md5(["iolist ", [<<"of">>, $\s], "parts"]))),
    C0 = erlang:md5_init(),
    C1 = erlang:md5_update(C0, <<"The quick brown fox ">>),
    C2 = erlang:md5_update(C1, "jumps over the lazy dog"),
    erlang:display(hex(erlang:md5_final(C2))),
    A = <<"hello ">>,
    B = <<"world">>,
    CA = erlang:crc32(A),
    CB = erlang:crc32(B),
    erlang:display({erlang:crc32(<<A/binary, B/binary>>), erlang:crc32(CA, B),
                    erlang:crc32_combine(CA, CB, byte_size(B))}),
    erlang:display(erlang:adler32(erlang:adler32(A), B)),
    erlang:display(erlang:adler32_combine(erlang:adler32(A), erlang:adler32(B), byte_size(B))),
    ok.
