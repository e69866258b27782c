-module(uncaught_error).
-export([start/0]).

%% Prints some lines, then start/0 ends with an uncaught error: exit status 1.
start() ->
    erlang:display(before_error),
    erlang:display(lists:seq(1, 5)),
    error({deliberate, [1, 2, 3]}).
