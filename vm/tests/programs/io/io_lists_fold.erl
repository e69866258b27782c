-module(io_lists_fold).
-export([start/0]).

%% Higher-order list functions: foldl, foldr, map, filter, filtermap, mapfoldl,
%% flatmap, foreach, any, all, partition, takewhile, dropwhile, splitwith.
start() ->
    L = lists:seq(1, 10),
    io:format("~p~n", [lists:foldl(fun(X, Acc) -> X + Acc end, 0, L)]),
    io:format("~p~n", [lists:foldl(fun(X, Acc) -> [X | Acc] end, [], L)]),
    io:format("~p~n", [lists:foldr(fun(X, Acc) -> [X | Acc] end, [], L)]),
    io:format("~p~n", [lists:map(fun(X) -> X * X end, L)]),
    io:format("~p~n", [lists:filter(fun(X) -> X rem 3 =:= 0 end, L)]),
    io:format("~p~n", [lists:filtermap(fun(X) when X rem 2 =:= 0 -> {true, X div 2};
                                          (_) -> false end, L)]),
    io:format("~p~n", [lists:mapfoldl(fun(X, Acc) -> {X * 2, Acc + X} end, 0, L)]),
    io:format("~p~n", [lists:mapfoldr(fun(X, Acc) -> {Acc, Acc + X} end, 0, [1, 2, 3])]),
    io:format("~p~n", [lists:flatmap(fun(X) -> [X, X] end, [a, b])]),
    lists:foreach(fun(X) -> io:format("item ~p~n", [X]) end, [one, two]),
    io:format("~p~n", [{lists:any(fun(X) -> X > 9 end, L), lists:all(fun(X) -> X > 0 end, L)}]),
    io:format("~p~n", [lists:partition(fun(X) -> X < 4 end, L)]),
    io:format("~p~n", [lists:takewhile(fun(X) -> X < 4 end, L)]),
    io:format("~p~n", [lists:dropwhile(fun(X) -> X < 8 end, L)]),
    io:format("~p~n", [lists:splitwith(fun(X) -> X =/= 5 end, L)]),
    io:format("~p~n", [lists:foldl(fun(W, M) -> M#{W => maps:get(W, M, 0) + 1} end, #{},
                                   [a, b, a, c, a])]),
    ok.
