-module(bitsyntax_sub_binaries).
-export([start/0, id/1]).

%% Sub-binaries: slices kept after matching, compared, concatenated, matched again,
%% and sub-binaries that start at a non-byte offset.
id(X) -> X.

start() ->
    Orig = ?MODULE:id(<<"0123456789ABCDEF">>),
    <<_:4/binary, Mid:8/binary, _/binary>> = Orig,
    erlang:display(Mid),
    <<_:2/binary, Inner:3/binary, _/binary>> = Mid,
    erlang:display(Inner),
    erlang:display(Inner =:= <<"678">>),
    erlang:display(<<Inner/binary, Mid/binary>>),
    erlang:display(binary_part(Mid, {1, 3})),
    erlang:display(byte_size(Mid)),
    <<_:3, Shifted:16/bits, _/bits>> = Orig,
    erlang:display(Shifted),
    <<P:8, Q:8>> = Shifted,
    erlang:display({P, Q}),
    Parts = [binary_part(Orig, I, 4) || I <- [0, 4, 8, 12]],
    erlang:display(Parts),
    erlang:display(iolist_to_binary(lists:reverse(Parts))),
    erlang:display(binary:referenced_byte_size(Mid) >= byte_size(Mid)),
    erlang:display(lists:sort([Mid, Inner, Orig, <<>>])),
    ok.
