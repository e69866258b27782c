-module(exceptions_case_clause).
-export([start/0, id/1]).

%% {case_clause, Value} for case expressions with no matching clause.
id(X) -> X.

k(X) ->
    case X of
        a -> 1;
        b -> 2;
        {c, N} when N > 0 -> N
    end.

start() ->
    erlang:display([try k(?MODULE:id(V)) catch C:R -> {C, R} end
                    || V <- [a, b, {c, 5}, {c, -5}, z, [1, 2], <<"bin">>, 3.5, #{m => 1}]]),
    erlang:display(try case ?MODULE:id({x, y}) of {y, _} -> no end catch C1:R1 -> {C1, R1} end),
    ok.
