-module(maps_create).
-export([start/0, id/1]).

%% Creating maps: literals, maps:new, from_list (later duplicates win), literal
%% with duplicate-free run-time keys, from_keys.
id(X) -> X.

start() ->
    erlang:display(maps:new()),
    erlang:display(#{a => 1, b => 2}),
    K = ?MODULE:id(key),
    V = ?MODULE:id(value),
    erlang:display(#{K => V, other => V}),
    erlang:display(maps:from_list([{a, 1}, {b, 2}, {a, 3}])),
    erlang:display(maps:from_list([])),
    erlang:display(maps:from_keys([x, y, z], 0)),
    erlang:display(#{{1, 2} => tuple, [1] => list, <<"b">> => bin, 3 => int}),
    erlang:display(#{?MODULE:id(1) => a, ?MODULE:id(2) => b}),
    erlang:display(maps:from_list(lists:zip(lists:seq(1, 5), "abcde"))),
    ok.
