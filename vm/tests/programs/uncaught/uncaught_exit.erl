-module(uncaught_exit).
-export([start/0, id/1]).

%% exit/1 escaping start/0.
id(X) -> X.

start() ->
    erlang:display({sum, lists:sum(lists:seq(1, 100))}),
    exit(?MODULE:id({shutdown, deliberate})).
