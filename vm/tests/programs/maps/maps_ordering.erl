-module(maps_ordering).
-export([start/0]).

%% How maps print and compare: keys in term order (integers before floats for
%% equal values), 1 and 1.0 are different keys, map comparison by size then keys.
start() ->
    erlang:display(#{3 => c, 1 => a, 2 => b}),
    erlang:display(#{b => 1, a => 2, 1 => x, {} => t, [] => n, <<>> => bin, "s" => str, 1.5 => f}),
    M = #{1 => int, 1.0 => float},
    erlang:display(M),
    erlang:display(map_size(M)),
    erlang:display(maps:get(1.0, M)),
    erlang:display(lists:sort([#{a => 1, b => 2}, #{c => 0}, #{a => 2}, #{a => 1}, #{}])),
    erlang:display(#{a => 1} < #{a => 1, b => 0}),
    erlang:display(#{a => 2} > #{b => 1}),
    erlang:display(#{1 => a} < #{1.0 => a}),
    erlang:display(#{1 => a} == #{1.0 => a}),
    erlang:display(#{a => 1} == #{a => 1.0}),
    erlang:display(#{a => 1} =:= #{a => 1.0}),
    ok.
