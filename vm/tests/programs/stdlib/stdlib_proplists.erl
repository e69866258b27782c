-module(stdlib_proplists).
-export([start/0]).

%% proplists: get_value, get_bool, lookup, delete, append_values, expand,
%% compact/unfold, substitute_aliases, get_keys, to_map/from_map.
start() ->
    P = [{name, "srv"}, verbose, {port, 80}, {port, 8080}, {debug, false}, {tags, [a]}, {tags, [b]}],
    erlang:display(proplists:get_value(port, P)),
    erlang:display(proplists:get_value(missing, P)),
    erlang:display(proplists:get_value(missing, P, default)),
    erlang:display(proplists:get_value(verbose, P)),
    erlang:display(proplists:get_bool(verbose, P)),
    erlang:display(proplists:get_bool(debug, P)),
    erlang:display(proplists:get_all_values(port, P)),
    erlang:display(proplists:append_values(tags, P)),
    erlang:display(proplists:lookup(name, P)),
    erlang:display(proplists:lookup(nope, P)),
    erlang:display(proplists:lookup_all(port, P)),
    erlang:display(proplists:is_defined(debug, P)),
    erlang:display(proplists:delete(port, P)),
    erlang:display(lists:sort(proplists:get_keys(P))),
    erlang:display(proplists:compact([{a, true}, b, {c, 1}])),
    erlang:display(proplists:unfold([a, {b, 1}])),
    erlang:display(proplists:substitute_aliases([{v, verbose}], [v, {v, 2}, x])),
    erlang:display(proplists:expand([{all, [a, b]}], [all, c])),
    erlang:display(proplists:to_map([{a, 1}, b, {a, 2}])),
    erlang:display(lists:sort(proplists:from_map(#{x => 1, y => 2}))),
    erlang:display(proplists:split([{a, 1}, {b, 2}, c, {a, 3}], [a, c])),
    ok.
