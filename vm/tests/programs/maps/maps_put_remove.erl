-module(maps_put_remove).
-export([start/0, id/1]).

%% maps:put/3, remove/2, take/2, without/2, with/2, update/3.
id(X) -> X.

start() ->
    M = ?MODULE:id(#{a => 1, b => 2, c => 3}),
    erlang:display(maps:put(d, 4, M)),
    erlang:display(maps:put(a, 0, M)),
    erlang:display(maps:remove(b, M)),
    erlang:display(maps:remove(zz, M)),
    erlang:display(maps:take(c, M)),
    erlang:display(maps:take(zz, M)),
    erlang:display(maps:without([a, c, zz], M)),
    erlang:display(maps:with([a, c, zz], M)),
    erlang:display(maps:update(b, 20, M)),
    erlang:display(try maps:update(zz, 1, M) catch C:R -> {C, R} end),
    Empty = lists:foldl(fun maps:remove/2, M, [a, b, c]),
    erlang:display(Empty),
    erlang:display(map_size(Empty)),
    ok.
