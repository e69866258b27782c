-module(uncaught_undef).
-export([start/0, id/1]).

%% Calling a function of a module that does not exist, not caught.
id(X) -> X.

start() ->
    erlang:display(calling_missing_module),
    M = ?MODULE:id(uncaught_undef_no_such_module),
    M:run(1, 2),
    erlang:display(not_reached).
