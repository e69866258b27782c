-module(exceptions_exit_values).
-export([start/0, id/1]).

%% exit/1 reasons of different shapes, exit(normal) caught in the same process,
%% and the difference between `catch` and try for exits.
id(X) -> X.

start() ->
    lists:foreach(
      fun(Reason) ->
              erlang:display(try exit(?MODULE:id(Reason)) catch exit:R -> {exit, R} end),
              erlang:display(catch exit(?MODULE:id(Reason)))
      end,
      [normal, kill, shutdown, {shutdown, why}, 42, "string", [], {nested, {deep, [1]}}]),
    ok.
