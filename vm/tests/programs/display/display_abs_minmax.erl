-module(display_abs_minmax).
-export([start/0, id/1]).

%% abs/1, min/2, max/2 across types (term order decides min/max of mixed types).
id(X) -> X.

start() ->
    erlang:display([abs(?MODULE:id(V)) || V <- [0, 5, -5, -576460752303423488, -(1 bsl 80), 2.5, -2.5, -0.0]]),
    Pairs = ?MODULE:id([{1, 2}, {2, 1}, {-3, 3}, {1, 1.0}, {1.0, 1}, {a, 1}, {a, b}, {"ab", "b"},
                        {{1, 2}, [1]}, {[], {}}, {<<1>>, [1]}, {1 bsl 70, 1 bsl 69}, {#{}, {}}]),
    lists:foreach(fun({A, B}) -> erlang:display({min(A, B), max(A, B)}) end, Pairs),
    erlang:display(lists:max([3, 9, -1, 4])),
    erlang:display(lists:min([3, 9, -1, 4])),
    erlang:display(lists:max([a, 1, "x", {t}])),
    ok.
