-module(display_term_order).
-export([start/0, id/1]).

%% Comparison operators and the standard term order between types:
%% number < atom < reference < fun < port < pid < tuple < map < [] < list < bitstring.
id(X) -> X.

start() ->
    Terms = ?MODULE:id([<<"b">>, [a], [], #{a => 1}, {1, 2}, {9}, zz, a, 3, 2.5, -1,
                        1 bsl 70, <<1:3>>, <<>>, "abc", [1 | 2], #{}, {}, 'A', 1.0, 1]),
    erlang:display(lists:sort(Terms)),
    erlang:display(lists:reverse(lists:sort(Terms))),
    erlang:display(1 < a),
    erlang:display(a < {}),
    erlang:display({} < #{}),
    erlang:display(#{} < []),
    erlang:display([] < [0]),
    erlang:display([0] < <<>>),
    erlang:display(fun lists:map/2 < {}),
    erlang:display(a < fun lists:map/2),
    erlang:display({1, 2} < {2, 1}),
    erlang:display({2} < {1, 1}),
    erlang:display([1, 2] < [1, 2, 0]),
    erlang:display([2] > [1, 9, 9]),
    erlang:display(#{a => 2} < #{b => 1}),
    erlang:display(#{b => 1} < #{a => 1, b => 1}),
    erlang:display(#{1 => a} < #{1.0 => a}),
    erlang:display(<<1, 2>> < <<1, 2, 3>>),
    erlang:display(<<2>> > <<1, 255>>),
    erlang:display(1 == 1.0),
    erlang:display(1 =:= 1.0),
    erlang:display(lists:sort([1.0, 1, 1.0, 1])),
    erlang:display(lists:usort([1.0, 1, 2, 2.0])),
    erlang:display(abc >= abc),
    erlang:display(abc =< abd),
    erlang:display('B' < a),
    ok.
