-module(display_binaries).
-export([start/0, id/1]).

%% Binaries and binary BIFs as printed by erlang:display/1.
id(X) -> X.

start() ->
    lists:foreach(fun erlang:display/1,
                  [<<>>, <<0>>, <<1, 2, 3>>, <<"abc">>, <<"hello world">>, <<"a\nb">>,
                   <<"tab\t">>, <<"q\"q">>, <<255, 254>>, <<"abc", 0>>, <<32, 126>>,
                   <<1:1>>, <<5:3>>, <<"ab", 3:2>>, <<0:12>>, <<256:16>>, <<"x">>]),
    B = ?MODULE:id(<<"The quick brown fox">>),
    erlang:display(byte_size(B)),
    erlang:display(bit_size(B)),
    erlang:display(binary_part(B, 4, 5)),
    erlang:display(binary_part(B, byte_size(B), -3)),
    erlang:display(split_binary(B, 3)),
    erlang:display(binary_to_list(B, 5, 9)),
    erlang:display(list_to_binary([$a, [<<"bc">>, $d], "ef"])),
    erlang:display(iolist_to_binary([<<"x">>, [], [[$y]], <<"z">>])),
    erlang:display(iolist_size([<<"ab">>, [$c, [$d]], <<>>])),
    erlang:display(binary:first(B)),
    erlang:display(binary:last(B)),
    erlang:display(binary:at(B, 4)),
    erlang:display(binary:copy(<<"ab">>, 3)),
    erlang:display(binary:split(B, <<" ">>, [global])),
    erlang:display(binary:match(B, <<"brown">>)),
    erlang:display(binary:replace(B, <<"o">>, <<"0">>, [global])),
    erlang:display(binary:bin_to_list(<<1, 2, 3>>)),
    erlang:display(binary:encode_unsigned(65537)),
    erlang:display(binary:decode_unsigned(<<1, 0, 1>>)),
    erlang:display(<<B/binary, "!">>),
    erlang:display(integer_to_binary(12345)),
    erlang:display(binary_to_integer(<<"-987">>)),
    erlang:display(list_to_bitstring([<<1:3>>, <<7:5>>])),
    erlang:display(bitstring_to_list(<<1, 2, 3:4>>)),
    erlang:display(is_binary(<<1:4>>)),
    erlang:display(is_bitstring(<<1:4>>)),
    ok.
