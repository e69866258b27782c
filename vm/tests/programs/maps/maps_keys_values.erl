-module(maps_keys_values).
-export([start/0, id/1]).

%% maps:keys/values/to_list of small maps (these come out in key order for maps of
%% up to 32 keys) and of mixed key types.
id(X) -> X.

start() ->
    M = ?MODULE:id(#{zebra => 1, apple => 2, mango => 3, 10 => ten, 2 => two, "str" => s}),
    erlang:display(maps:keys(M)),
    erlang:display(maps:values(M)),
    erlang:display(maps:to_list(M)),
    erlang:display(maps:keys(#{})),
    erlang:display(maps:to_list(maps:from_list([{I, I} || I <- lists:seq(32, 1, -1)]))),
    erlang:display(lists:sum(maps:values(maps:from_list([{I, I} || I <- lists:seq(1, 100)])))),
    ok.
