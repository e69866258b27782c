-module(exceptions_try_clause).
-export([start/0, id/1]).

%% {try_clause, Value} when no `of` clause matches; exceptions raised in `of`
%% clauses are not caught by the same try.
id(X) -> X.

t(X) ->
    try ?MODULE:id(X) of
        1 -> one;
        2 -> two
    catch
        _:_ -> caught_by_inner
    end.

of_raises(X) ->
    try ?MODULE:id(X) of
        V -> error({from_of, V})
    catch
        error:_ -> caught_by_same_try
    end.

start() ->
    erlang:display([try t(V) catch C:R -> {C, R} end || V <- [1, 2, 3, {four}]]),
    erlang:display(try of_raises(7) catch C:R -> {outer, C, R} end),
    ok.
