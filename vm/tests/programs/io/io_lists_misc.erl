-module(io_lists_misc).
-export([start/0]).

%% Other lists functions: zip/unzip/zip3/zipwith, seq, nth, nthtail, sublist,
%% flatten, duplicate, last, split, append, concat, delete, subtract, keyreplace,
%% keydelete, keystore, keytake, max/min, sum, enumerate, uniq, droplast, prefix.
start() ->
    io:format("~p~n", [lists:zip([1, 2, 3], [a, b, c])]),
    io:format("~p~n", [lists:unzip([{1, a}, {2, b}])]),
    io:format("~p~n", [lists:zip3([1, 2], [a, b], ["x", "y"])]),
    io:format("~p~n", [lists:zipwith(fun(X, Y) -> X * Y end, [1, 2, 3], [4, 5, 6])]),
    io:format("~p~n", [{lists:seq(1, 5), lists:seq(5, 1, -1), lists:seq(0, 20, 5), lists:seq(1, 0)}]),
    io:format("~p~n", [{lists:nth(2, [a, b, c]), lists:nthtail(2, [a, b, c, d])}]),
    io:format("~p~n", [{lists:sublist([1, 2, 3, 4, 5], 3), lists:sublist([1, 2, 3, 4, 5], 2, 2)}]),
    io:format("~p~n", [lists:flatten([1, [2, [3, [4]], []], 5])]),
    io:format("~p~n", [lists:flatten([[a], [b]], [c])]),
    io:format("~p~n", [lists:duplicate(4, xo)]),
    io:format("~p~n", [{lists:last([1, 2, 3]), lists:droplast([1, 2, 3])}]),
    io:format("~p~n", [lists:split(2, [a, b, c, d])]),
    io:format("~p~n", [{lists:append([[1], [2, 3], []]), lists:append("ab", "cd")}]),
    io:format("~p~n", [lists:concat([abc, "def", 42, 1.5])]),
    io:format("~p~n", [{lists:delete(b, [a, b, c, b]), lists:subtract([1, 2, 3, 2], [2])}]),
    KL = [{a, 1}, {b, 2}, {c, 3}],
    io:format("~p~n", [lists:keyreplace(b, 1, KL, {b, 20})]),
    io:format("~p~n", [lists:keydelete(a, 1, KL)]),
    io:format("~p~n", [lists:keystore(d, 1, KL, {d, 4})]),
    io:format("~p~n", [lists:keytake(c, 1, KL)]),
    io:format("~p~n", [{lists:max([3, 7, 2]), lists:min([3, 7, 2]), lists:sum([1.5, 2, 3])}]),
    io:format("~p~n", [lists:enumerate([a, b, c])]),
    io:format("~p~n", [lists:uniq([3, 1, 3, 2, 1])]),
    io:format("~p~n", [{lists:prefix("ab", "abc"), lists:suffix("bc", "abc")}]),
    io:format("~p~n", [lists:reverse(lists:seq(1, 10))]),
    io:format("~p~n", [lists:usort(lists:append(lists:duplicate(3, [c, a, b])))]),
    ok.
