-module(maps_equality).
-export([start/0, id/1]).

%% Map equality and matching: insertion order does not matter, exact vs ==
%% comparison of values, maps as keys of maps and as set members.
id(X) -> X.

start() ->
    A = ?MODULE:id(#{a => 1, b => 2}),
    B = ?MODULE:id(maps:put(a, 1, #{b => 2})),
    erlang:display(A =:= B),
    erlang:display(A == B#{b := 2.0}),
    erlang:display(A =:= B#{b := 2.0}),
    Outer = #{A => first, #{} => empty_key},
    erlang:display(Outer),
    erlang:display(maps:get(B, Outer)),
    erlang:display(lists:usort([A, B, #{b => 2, a => 1}, #{}])),
    Big1 = maps:from_list([{I, I} || I <- lists:seq(1, 50)]),
    Big2 = maps:from_list([{I, I} || I <- lists:seq(50, 1, -1)]),
    erlang:display(Big1 =:= Big2),
    erlang:display(Big1 =:= Big2#{50 := 50.0}),
    erlang:display(Big1 == Big2#{50 := 50.0}),
    ok.
