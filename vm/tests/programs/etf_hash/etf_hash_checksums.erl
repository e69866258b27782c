-module(etf_hash_checksums).
-export([start/0, id/1]).

%% erlang:md5/1, md5_init/update/final, crc32/1,2, crc32_combine/3, adler32/1,2,
%% adler32_combine/3 over binaries and iolists.
id(X) -> X.

catching(F) ->
    try F() catch C:R -> {C, R} end.

start() ->
    Inputs = [<<>>, <<"a">>, <<"abc">>, <<"message digest">>,
              <<"The quick brown fox jumps over the lazy dog">>,
              list_to_binary(lists:seq(0, 255)),
              list_to_binary(lists:duplicate(55, $x)), list_to_binary(lists:duplicate(56, $x)),
              list_to_binary(lists:duplicate(64, $x)), list_to_binary(lists:duplicate(119, $y)),
              list_to_binary(lists:duplicate(20000, 255)),
              ["iolist ", [<<"of">>, $\s], "parts" | <<"!">>], [], [[], <<>>], "chars"],
    lists:foreach(
      fun(I0) ->
              I = ?MODULE:id(I0),
              erlang:display({erlang:md5(I), erlang:crc32(I), erlang:adler32(I),
                              erlang:crc32(16#12345678, I), erlang:adler32(16#FFFFFFFF, I),
                              erlang:adler32(16#0001FFF0, I)})
      end,
      Inputs),
    C0 = erlang:md5_init(),
    %% The context is opaque (its size differs between releases).
    erlang:display(is_binary(C0)),
    C1 = erlang:md5_update(C0, <<"The quick brown fox ">>),
    C2 = erlang:md5_update(C1, "jumps over the lazy dog"),
    erlang:display(erlang:md5_final(C2) =:= erlang:md5(<<"The quick brown fox jumps over the lazy dog">>)),
    Big = list_to_binary(lists:seq(0, 199)),
    C3 = lists:foldl(fun(B, C) -> erlang:md5_update(C, [B]) end, erlang:md5_init(),
                     binary_to_list(Big)),
    erlang:display({erlang:md5_final(C3), erlang:md5_final(C3) =:= erlang:md5(Big)}),
    A = <<"hello ">>,
    B = <<"world">>,
    CA = erlang:crc32(A),
    CB = erlang:crc32(B),
    erlang:display({erlang:crc32(<<"hello world">>), erlang:crc32(CA, B),
                    erlang:crc32_combine(CA, CB, byte_size(B)),
                    erlang:crc32_combine(CA, erlang:crc32(Big), byte_size(Big))}),
    AA = erlang:adler32(A),
    AB = erlang:adler32(B),
    erlang:display({erlang:adler32(<<"hello world">>), erlang:adler32(AA, B),
                    erlang:adler32_combine(AA, AB, byte_size(B)),
                    erlang:adler32_combine(AA, erlang:adler32(Big), byte_size(Big)),
                    erlang:adler32_combine(AA, AB, 100000)}),
    Bad = [fun() -> erlang:md5(a) end, fun() -> erlang:md5([256]) end,
           fun() -> erlang:md5(?MODULE:id(<<1:3>>)) end, fun() -> erlang:md5(?MODULE:id(7)) end,
           fun() -> erlang:md5_update(<<1, 2, 3>>, <<>>) end,
           fun() -> erlang:md5_final(bad) end,
           fun() -> erlang:crc32(-1, <<>>) end, fun() -> erlang:crc32(1 bsl 32, <<>>) end,
           fun() -> erlang:crc32([a]) end, fun() -> erlang:adler32(x, <<>>) end,
           fun() -> erlang:crc32_combine(1, 2, -1) end, fun() -> erlang:adler32_combine(1, a, 3) end],
    erlang:display([catching(F) || F <- Bad]),
    ok.
