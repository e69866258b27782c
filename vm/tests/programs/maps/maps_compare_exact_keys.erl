-module(maps_compare_exact_keys).
-export([start/0]).

%% Term order of maps: size, then keys, then values in key order; keys compare
%% exactly all the way down (an integer key is below the equal float, also inside a
%% key that is itself a map), while values compare as numbers do under ==.
start() ->
    A = id(24),
    B = id(24.0),
    Pairs = [{#{a => A}, #{a => B}}, {#{A => a}, #{B => a}},
             {#{#{x => y, A => a} => a}, #{#{x => y, B => a} => a}},
             {#{#{x => y, a => A} => a}, #{#{x => y, a => B} => a}},
             {#{a => #{x => y, A => a}}, #{a => #{x => y, B => a}}},
             {#{a => A, b => A}, #{a => B, b => B}},
             {#{a => [A]}, #{a => [B]}}, {#{[A] => 1}, #{[B] => 1}},
             {#{{A} => 1}, #{{B} => 1}}, {#{a => 1}, #{a => 1, b => 2}},
             {#{1 => a, 2.0 => b}, #{1.0 => a, 2 => b}}],
    [erlang:display({X < Y, X > Y, X == Y, X =:= Y, lists:sort([Y, X]) =:= [X, Y]})
     || {X, Y} <- Pairs],
    erlang:display(lists:sort([#{B => 1}, #{A => 1}, #{a => 1}, #{1 => 1, 2 => 2}, #{}])),
    ok.

id(X) -> X.
