-module(uncaught_in_fun).
-export([start/0]).

%% A badarith inside a fun called by lists:foldl escapes start/0; partial results
%% printed before the failure must appear.
start() ->
    lists:foldl(fun(X, Acc) ->
                        R = Acc + 100 div X,
                        erlang:display({X, R}),
                        R
                end, 0, [5, 4, 2, 1, 0, 7]).
