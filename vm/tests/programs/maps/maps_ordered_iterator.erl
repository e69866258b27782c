-module(maps_ordered_iterator).
%% min_otp: 26
-export([start/0]).

%% OTP 26's ordered map iterators: maps:iterator/2 (ordered, reversed, a fun),
%% maps:next/1 on them, and the functions that take an iterator in place of a map.
walk(I) ->
    case maps:next(I) of
        none -> [];
        {K, V, Next} -> [{K, V} | walk(Next)]
    end.

start() ->
    M = #{c => 3, a => 1, b => 2, 1 => one, 1.0 => float, "s" => str},
    erlang:display(walk(maps:iterator(M, ordered))),
    erlang:display(walk(maps:iterator(M, reversed))),
    ByValue = fun(A, B) -> maps:get(A, M) =< maps:get(B, M) end,
    erlang:display(walk(maps:iterator(M, ByValue))),
    erlang:display(maps:to_list(maps:iterator(M, ordered))),
    erlang:display(maps:keys(maps:from_list(maps:to_list(maps:iterator(M, reversed)))) =:= maps:keys(M)),
    erlang:display(maps:fold(fun(K, V, Acc) -> [{K, V} | Acc] end, [], maps:iterator(M, ordered))),
    erlang:display(maps:map(fun(_, V) -> {V} end, maps:iterator(#{b => 2, a => 1}, ordered))),
    erlang:display(maps:filter(fun(K, _) -> is_atom(K) end, maps:iterator(M, reversed))),
    maps:foreach(fun(K, V) -> erlang:display({each, K, V}) end, maps:iterator(M, ordered)),
    {K1, V1, I1} = maps:next(maps:iterator(M, ordered)),
    erlang:display({K1, V1, walk(I1)}),
    erlang:display(walk(maps:iterator(#{}, ordered))),
    erlang:display(try maps:iterator(M, sideways) catch error:R -> R end),
    erlang:display(try maps:next([bad | M]) catch error:R2 -> R2 end),
    ok.
