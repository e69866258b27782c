-module(io_lists_sort).
-export([start/0]).

%% lists:sort/1,2, usort/1,2, keysort/2, ukeysort/2, merge, reverse sorting,
%% stability of sort/2 and keysort.
start() ->
    L = [5, 3, 9, 1, 5, 7, 2, 8, 3],
    io:format("~w~n", [lists:sort(L)]),
    io:format("~w~n", [lists:usort(L)]),
    io:format("~w~n", [lists:sort(fun(A, B) -> A > B end, L)]),
    io:format("~w~n", [lists:usort(fun(A, B) -> A >= B end, L)]),
    People = [{"bob", 25}, {"alice", 30}, {"carol", 25}, {"dave", 20}, {"eve", 30}],
    io:format("~p~n", [lists:keysort(2, People)]),
    io:format("~p~n", [lists:keysort(1, People)]),
    io:format("~p~n", [lists:ukeysort(2, People)]),
    io:format("~p~n", [lists:sort(fun({_, A}, {_, B}) -> A =< B end, People)]),
    io:format("~p~n", [lists:reverse(lists:sort(["pear", "Apple", "apple", "Banana"]))]),
    io:format("~w~n", [lists:merge([[1, 4], [2, 5], [3, 6]])]),
    io:format("~w~n", [lists:umerge([1, 2, 3], [2, 3, 4])]),
    io:format("~w~n", [lists:sort([{2, b}, {1, a}, {2, a}, {1, b}])]),
    io:format("~w~n", [lists:sort([3.0, 1, 2.5, -1, 0])]),
    ok.
