-module(stdlib_unicode).
-export([start/0]).

%% unicode:characters_to_binary/1,2,3 and characters_to_list/1,2 across
%% encodings, with error and incomplete results; normalization forms.
start() ->
    S = [$a, 16#E9, 16#3BB, 16#20AC, 16#1F600],
    U8 = unicode:characters_to_binary(S),
    erlang:display(U8),
    erlang:display(unicode:characters_to_list(U8)),
    erlang:display(unicode:characters_to_binary(S, unicode, utf16)),
    erlang:display(unicode:characters_to_binary(S, unicode, {utf32, little})),
    erlang:display(unicode:characters_to_binary([$a, 233], unicode, latin1)),
    erlang:display(unicode:characters_to_binary(S, unicode, latin1)),
    erlang:display(unicode:characters_to_binary(<<"caf", 233>>, latin1, utf8)),
    erlang:display(unicode:characters_to_list(<<0, 104, 0, 105>>, utf16)),
    erlang:display(unicode:characters_to_binary(["ab", <<"cd">>, [$e, [16#FF]]])),
    erlang:display(unicode:characters_to_list(<<"ok", 255, "rest">>)),
    erlang:display(unicode:characters_to_list(<<"ok", 16#E2, 16#82>>)),
    erlang:display(unicode:characters_to_nfd_list([16#E9])),
    erlang:display(unicode:characters_to_nfc_list([$e, 16#301])),
    erlang:display(unicode:characters_to_nfkc_binary(<<"ﬁ"/utf8>>)),
    erlang:display(unicode:bom_to_encoding(<<16#EF, 16#BB, 16#BF, "x">>)),
    erlang:display(unicode:encoding_to_bom(utf16)),
    ok.
