-module(maps_pattern_match).
-export([start/0, id/1]).

%% Matching maps in function heads, case and =, with bound variable keys; a map
%% pattern matches any map that has at least those keys.
id(X) -> X.

area(#{shape := circle, r := R}) -> {circle, 3 * R * R};
area(#{shape := rect, w := W, h := H}) -> {rect, W * H};
area(#{shape := S}) -> {unknown_shape, S};
area(#{}) -> no_shape;
area(_) -> not_a_map.

lookup(Key, Map) ->
    case Map of
        #{Key := V} -> {found, V};
        _ -> not_found
    end.

start() ->
    erlang:display([area(?MODULE:id(X)) || X <- [#{shape => circle, r => 2},
                                               #{shape => rect, w => 3, h => 4, color => red},
                                               #{shape => rect, w => 3},
                                               #{}, [shape]]]),
    erlang:display([lookup(K, ?MODULE:id(#{a => 1, {b} => 2})) || K <- [a, {b}, c]]),
    #{a := A, b := #{c := C}} = ?MODULE:id(#{a => 1, b => #{c => 3, d => 4}, e => 5}),
    erlang:display({A, C}),
    erlang:display(case ?MODULE:id(#{}) of #{} -> empty_pattern_matches end),
    erlang:display(case ?MODULE:id(#{k => v}) of #{k := v, z := _} -> both; #{k := v} -> only_k end),
    ok.
