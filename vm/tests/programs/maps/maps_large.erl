-module(maps_large).
-export([start/0]).

%% Maps with more than 32 keys (a different internal representation): build,
%% update, remove back below 32 keys, and inspect through sorted lists only.
start() ->
    M = lists:foldl(fun(I, Acc) -> Acc#{I => I * 2} end, #{}, lists:seq(1, 100)),
    erlang:display(map_size(M)),
    erlang:display(lists:sum(maps:values(M))),
    erlang:display(lists:sort(maps:keys(M)) =:= lists:seq(1, 100)),
    erlang:display([maps:get(K, M) || K <- [1, 32, 33, 64, 100]]),
    M2 = M#{50 := fifty, 101 => new},
    erlang:display({maps:get(50, M2), maps:get(101, M2), map_size(M2)}),
    Small = maps:without(lists:seq(1, 70), M),
    erlang:display(map_size(Small)),
    erlang:display(Small),
    Atoms = maps:from_list([{list_to_atom("k" ++ integer_to_list(I)), I} || I <- lists:seq(1, 40)]),
    erlang:display(lists:sort(maps:to_list(Atoms))),
    erlang:display(maps:fold(fun(_, V, A) -> A + V end, 0, Atoms)),
    Mixed = maps:from_list([{I, x} || I <- lists:seq(1, 20)] ++ [{{t, I}, y} || I <- lists:seq(1, 20)]),
    erlang:display(lists:sort(maps:keys(Mixed))),
    erlang:display(maps:is_key({t, 7}, Mixed)),
    Filtered = maps:filter(fun(K, _) -> is_integer(K) andalso K rem 5 =:= 0 end, M),
    erlang:display(Filtered),
    erlang:display(M =:= maps:from_list(lists:reverse(maps:to_list(M)))),
    ok.
