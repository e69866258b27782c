-module(io_long_output).
-export([start/0]).

%% A lot of output: 2000 formatted lines and one long ~w line; all of it must be
%% flushed before the program exits.
start() ->
    lists:foreach(fun(I) -> io:format("~5B ~8.16.0B ~p~n", [I, I * I, {I rem 7, I rem 11}]) end,
                  lists:seq(1, 2000)),
    io:format("~w~n", [lists:seq(1, 3000)]),
    io:put_chars([integer_to_list(I rem 10) || I <- lists:seq(1, 10000)]),
    io:nl(),
    io:format("done~n"),
    ok.
