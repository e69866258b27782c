-module(display_maps).
-export([start/0, id/1]).

%% Small maps (display prints keys in term order) and large maps (> 32 keys: printed
%% only through sorted lists, since the internal layout is hash-ordered).
id(X) -> X.

start() ->
    erlang:display(#{}),
    erlang:display(#{a => 1}),
    erlang:display(#{b => 2, a => 1, c => 3}),
    erlang:display(#{1 => one, a => atom, "s" => string, {t} => tuple, 2.0 => float, [] => nil}),
    M = ?MODULE:id(#{x => 1, y => 2}),
    erlang:display(M#{z => 3}),
    erlang:display(M#{x := 10}),
    erlang:display(maps:get(y, M)),
    erlang:display(map_size(M)),
    erlang:display(is_map_key(x, M)),
    erlang:display(#{inner => #{deep => [1, 2]}, list => [#{}]}),
    Big = maps:from_list([{I, I * I} || I <- lists:seq(1, 40)]),
    erlang:display(map_size(Big)),
    erlang:display(maps:get(33, Big)),
    erlang:display(lists:sort(maps:to_list(Big))),
    erlang:display(lists:sort(maps:keys(Big))),
    Big2 = Big#{41 => x, 1 := changed},
    erlang:display(map_size(Big2)),
    erlang:display(maps:get(1, Big2)),
    erlang:display(Big2 =:= Big),
    erlang:display(maps:remove(41, Big2#{1 := 1}) =:= Big),
    Small = maps:from_list([{K, K} || K <- lists:seq(1, 32)]),
    erlang:display(Small),
    ok.
