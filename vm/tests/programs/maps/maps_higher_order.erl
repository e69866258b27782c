-module(maps_higher_order).
-export([start/0]).

%% maps:fold/3, map/2, filter/2, filtermap/2, foreach/2 on small maps (integer keys:
%% their iteration order is term order on every release, unlike atom keys from OTP 26).
start() ->
    M = #{10 => 1, 20 => 2, 30 => 3, 40 => 4},
    erlang:display(maps:fold(fun(K, V, Acc) -> [{K, V} | Acc] end, [], M)),
    erlang:display(maps:fold(fun(_, V, Acc) -> V + Acc end, 0, M)),
    erlang:display(maps:map(fun(_, V) -> V * 10 end, M)),
    erlang:display(maps:map(fun(K, V) -> {K, V} end, M)),
    erlang:display(maps:filter(fun(_, V) -> V rem 2 =:= 0 end, M)),
    erlang:display(maps:filter(fun(K, _) -> K > 20 end, M)),
    erlang:display(maps:filtermap(fun(_, V) when V > 2 -> {true, -V};
                                     (_, V) -> V =:= 1 end, M)),
    maps:foreach(fun(K, V) -> erlang:display({each, K, V}) end, M),
    erlang:display(maps:fold(fun(K, V, Acc) -> Acc#{V => K} end, #{}, M)),
    ok.
