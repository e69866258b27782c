-module(maps_merge).
-export([start/0]).

%% maps:merge/2 (right wins), merge_with/3, intersect/2, intersect_with/3,
%% update_with/3,4.
start() ->
    A = #{a => 1, b => 2, c => 3},
    B = #{b => 20, c => 30, d => 40},
    erlang:display(maps:merge(A, B)),
    erlang:display(maps:merge(B, A)),
    erlang:display(maps:merge(A, #{})),
    erlang:display(maps:merge_with(fun(_K, V1, V2) -> V1 + V2 end, A, B)),
    erlang:display(maps:intersect(A, B)),
    erlang:display(maps:intersect_with(fun(K, V1, V2) -> {K, V1, V2} end, A, B)),
    erlang:display(maps:update_with(a, fun(V) -> V + 100 end, A)),
    erlang:display(maps:update_with(z, fun(V) -> V + 100 end, 0, A)),
    erlang:display(try maps:update_with(z, fun(V) -> V end, A) catch C:R -> {C, R} end),
    Big1 = maps:from_list([{I, left} || I <- lists:seq(1, 40)]),
    Big2 = maps:from_list([{I, right} || I <- lists:seq(30, 70)]),
    Merged = maps:merge(Big1, Big2),
    erlang:display(map_size(Merged)),
    erlang:display([maps:get(I, Merged) || I <- [1, 29, 30, 40, 41, 70]]),
    ok.
