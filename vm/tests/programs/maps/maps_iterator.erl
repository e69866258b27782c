-module(maps_iterator).
-export([start/0]).

%% maps:iterator/1 and maps:next/1 on small maps (key order), and counting with
%% an iterator over a large map (order-independent result).
walk(I) ->
    case maps:next(I) of
        none -> [];
        {K, V, Next} -> [{K, V} | walk(Next)]
    end.

count(I, N) ->
    case maps:next(I) of
        none -> N;
        {_, V, Next} -> count(Next, N + V)
    end.

start() ->
    M = #{c => 3, a => 1, b => 2},
    erlang:display(walk(maps:iterator(M))),
    erlang:display(walk(maps:iterator(#{}))),
    Big = maps:from_list([{I, I} || I <- lists:seq(1, 1000)]),
    erlang:display(count(maps:iterator(Big), 0)),
    erlang:display(length(walk(maps:iterator(Big)))),
    erlang:display(lists:sort(walk(maps:iterator(maps:from_list([{I, -I} || I <- lists:seq(1, 40)]))))),
    ok.
