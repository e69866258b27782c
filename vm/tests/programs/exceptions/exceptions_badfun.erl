-module(exceptions_badfun).
-export([start/0, id/1]).

%% {badfun, Term} when calling something that is not a fun.
id(X) -> X.

start() ->
    lists:foreach(
      fun(V) ->
              F = ?MODULE:id(V),
              erlang:display(try F() catch C:R -> {C, R} end)
      end,
      [not_a_fun, 42, {lists, reverse}, [1, 2], <<"f">>, #{}]),
    G = ?MODULE:id(atom),
    erlang:display(try G(1, 2) catch C:R -> {C, R} end),
    ok.
