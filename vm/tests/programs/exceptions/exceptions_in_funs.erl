-module(exceptions_in_funs).
-export([start/0, id/1]).

%% Exceptions raised inside funs passed to lists:map/foldl and caught outside;
%% exceptions inside list comprehensions; a fun that catches and converts.
id(X) -> X.

safe(F) -> fun(X) -> try {ok, F(X)} catch C:R -> {C, R} end end.

start() ->
    Inv = fun(X) -> 1 / X end,
    erlang:display(try lists:map(Inv, ?MODULE:id([1, 2, 0, 4])) catch C1:R1 -> {C1, R1} end),
    erlang:display(lists:map(safe(Inv), ?MODULE:id([1, 2, 0, a]))),
    erlang:display(try [10 div X || X <- ?MODULE:id([5, 2, 0])] catch C2:R2 -> {C2, R2} end),
    erlang:display(try lists:foldl(fun(X, Acc) when X < 3 -> Acc + X;
                                      (X, _) -> throw({stop_at, X})
                                   end, 0, ?MODULE:id([1, 2, 3, 4]))
                   catch C3:R3 -> {C3, R3} end),
    erlang:display(lists:map(safe(fun erlang:list_to_atom/1), ?MODULE:id(["ok", 5]))),
    ok.
