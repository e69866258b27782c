-module(bitsyntax_utf_strings).
-export([start/0]).

%% Converting between code-point lists and UTF-8/16 binaries by hand, counting code
%% points, and comparing with unicode:characters_to_binary/list.
to_utf8(Cps) -> << <<C/utf8>> || C <- Cps >>.

from_utf8(Bin) -> [C || <<C/utf8>> <= Bin].

count(<<>>, N) -> N;
count(<<_/utf8, R/binary>>, N) -> count(R, N + 1).

start() ->
    Cps = [$H, $i, 32, 16#E9, 16#3BB, 16#4E16, 16#1F600],
    U = to_utf8(Cps),
    erlang:display(U),
    erlang:display(byte_size(U)),
    erlang:display(count(U, 0)),
    erlang:display(from_utf8(U) =:= Cps),
    erlang:display(U =:= unicode:characters_to_binary(Cps)),
    erlang:display(unicode:characters_to_list(U) =:= Cps),
    U16 = unicode:characters_to_binary(Cps, unicode, utf16),
    erlang:display(U16),
    erlang:display([C || <<C/utf16>> <= U16] =:= Cps),
    erlang:display(unicode:characters_to_binary(Cps, unicode, {utf16, little})),
    ok.
