-module(maps_get_find).
-export([start/0, id/1]).

%% maps:get/2,3, maps:find/2, maps:is_key/2, map_get/2, is_map_key/2.
id(X) -> X.

start() ->
    M = ?MODULE:id(#{name => "Ann", age => 41, tags => [x, y], 1 => int_one}),
    erlang:display(maps:get(name, M)),
    erlang:display(maps:get(missing, M, default)),
    erlang:display(maps:find(age, M)),
    erlang:display(maps:find(missing, M)),
    erlang:display(maps:find(1.0, M)),
    erlang:display(maps:find(1, M)),
    erlang:display(maps:is_key(tags, M)),
    erlang:display(maps:is_key(nope, M)),
    erlang:display(map_get(age, M)),
    erlang:display(is_map_key(name, M)),
    erlang:display(try maps:get(nope, M) catch C:R -> {C, R} end),
    erlang:display([maps:get(K, M, none) || K <- [name, age, tags, 1, 2]]),
    ok.
