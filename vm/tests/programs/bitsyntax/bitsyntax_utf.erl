-module(bitsyntax_utf).
-export([start/0, id/1]).

%% utf8, utf16 and utf32 segments: construction and matching, big and little endian.
id(X) -> X.

decode8(<<>>) -> [];
decode8(<<C/utf8, Rest/binary>>) -> [C | decode8(Rest)].

decode16(<<>>) -> [];
decode16(<<C/utf16, Rest/binary>>) -> [C | decode16(Rest)].

start() ->
    Chars = ?MODULE:id([$a, 16#7F, 16#80, 16#E9, 16#7FF, 16#800, 16#20AC, 16#FFFF, 16#10000, 16#1F600, 16#10FFFF]),
    lists:foreach(
      fun(C) ->
              erlang:display({C, <<C/utf8>>, <<C/utf16>>, <<C/utf16-little>>, <<C/utf32>>, <<C/utf32-little>>})
      end, Chars),
    U8 = << <<C/utf8>> || C <- Chars >>,
    erlang:display(byte_size(U8)),
    erlang:display(decode8(U8) =:= Chars),
    U16 = << <<C/utf16>> || C <- Chars >>,
    erlang:display(byte_size(U16)),
    erlang:display(decode16(U16) =:= Chars),
    <<A/utf32-little, B/utf32>> = ?MODULE:id(<<16#AC, 16#20, 0, 0, 0, 1, 16#F6, 0>>),
    erlang:display({A, B}),
    erlang:display(<<"héllo"/utf8>>),
    erlang:display(<<"hé"/utf16>>),
    erlang:display(<<"hé"/utf32-little>>),
    erlang:display(case ?MODULE:id(<<16#C0, 16#80>>) of <<X/utf8>> -> {ok, X}; _ -> invalid end),
    erlang:display(case ?MODULE:id(<<16#ED, 16#A0, 16#80>>) of <<Y/utf8>> -> {ok, Y}; _ -> invalid end),
    ok.
