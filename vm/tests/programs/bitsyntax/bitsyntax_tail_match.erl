-module(bitsyntax_tail_match).
-export([start/0]).

%% Walking binaries with tail matching: counting, splitting, summing, searching.
count_byte(<<>>, _, N) -> N;
count_byte(<<B, Rest/binary>>, B, N) -> count_byte(Rest, B, N + 1);
count_byte(<<_, Rest/binary>>, B, N) -> count_byte(Rest, B, N).

sum16(<<>>) -> 0;
sum16(<<X:16, Rest/binary>>) -> X + sum16(Rest).

split_on(Bin, Sep) -> split_on(Bin, Sep, <<>>, []).
split_on(<<>>, _, Cur, Acc) -> lists:reverse([Cur | Acc]);
split_on(<<Sep, Rest/binary>>, Sep, Cur, Acc) -> split_on(Rest, Sep, <<>>, [Cur | Acc]);
split_on(<<C, Rest/binary>>, Sep, Cur, Acc) -> split_on(Rest, Sep, <<Cur/binary, C>>, Acc).

find(<<Needle:3/binary, _/binary>>, Needle, Pos) -> Pos;
find(<<_, Rest/binary>>, Needle, Pos) -> find(Rest, Needle, Pos + 1);
find(<<>>, _, _) -> not_found.

bits(<<>>) -> [];
bits(<<B:1, Rest/bits>>) -> [B | bits(Rest)].

start() ->
    Text = <<"the cat sat on the mat">>,
    erlang:display(count_byte(Text, $t, 0)),
    erlang:display(sum16(<<1:16, 2:16, 65535:16>>)),
    erlang:display(split_on(Text, $\s)),
    erlang:display(find(Text, <<"sat">>, 0)),
    erlang:display(find(Text, <<"dog">>, 0)),
    erlang:display(bits(<<16#A5, 1:2>>)),
    Big = binary:copy(<<"abcdefghij">>, 10000),
    erlang:display(count_byte(Big, $e, 0)),
    ok.
