-module(maps_iterator).
-export([start/0]).

%% maps:iterator/1 and maps:next/1 on small maps (key order: integer keys, whose
%% order is term order on every release), and counting with an iterator over a large
%% map (order-independent result).
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
    M = #{3 => c, 1 => a, 2 => b},
    erlang:display(walk(maps:iterator(M))),
    erlang:display(walk(maps:iterator(#{}))),
    Big = maps:from_list([{I, I} || I <- lists:seq(1, 1000)]),
    erlang:display(count(maps:iterator(Big), 0)),
    erlang:display(length(walk(maps:iterator(Big)))),
    erlang:display(lists:sort(walk(maps:iterator(maps:from_list([{I, -I} || I <- lists:seq(1, 40)]))))),
    ok.
