-module(exceptions_if_clause).
-export([start/0, id/1]).

%% if_clause when no if branch is true (including branches whose guards fail).
id(X) -> X.

f(X) ->
    if X > 10 -> big;
       X < 0 -> negative
    end.

g(X) ->
    if length(X) > 2 -> long;
       is_atom(X) -> atom
    end.

start() ->
    erlang:display([try f(?MODULE:id(V)) catch C:R -> {C, R} end || V <- [20, -1, 5]]),
    erlang:display([try g(?MODULE:id(V)) catch C:R -> {C, R} end || V <- [[1, 2, 3], ok, [1], 7]]),
    ok.
