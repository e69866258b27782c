-module(exceptions_function_clause).
-export([start/0, id/1]).

%% function_clause from local functions, funs and stdlib functions.
id(X) -> X.

only_pos(N) when N > 0 -> N.

pair({A, B}) -> A + B.

start() ->
    erlang:display(try only_pos(?MODULE:id(-1)) catch C1:R1 -> {C1, R1} end),
    erlang:display(try pair(?MODULE:id({1, 2, 3})) catch C2:R2 -> {C2, R2} end),
    erlang:display(try pair(?MODULE:id({1, 2})) catch C3:R3 -> {C3, R3} end),
    F = fun(ok) -> fine end,
    erlang:display(try F(?MODULE:id(not_ok)) catch C4:R4 -> {C4, R4} end),
    erlang:display(try lists:nth(?MODULE:id(0), [a]) catch C5:R5 -> {C5, R5} end),
    erlang:display(try lists:seq(?MODULE:id(1), ?MODULE:id(a)) catch C6:R6 -> {C6, R6} end),
    erlang:display(try lists:map(?MODULE:id(notfun), [1]) catch C7:R7 -> {C7, R7} end),
    erlang:display(try lists:foldl(fun(X, A) -> X + A end, 0, ?MODULE:id(notlist)) catch C8:R8 -> {C8, R8} end),
    ok.
