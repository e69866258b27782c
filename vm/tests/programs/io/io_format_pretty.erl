-module(io_format_pretty).
-export([start/0]).

%% ~p pretty printing: long lists wrap over several lines at 80 columns, nested
%% tuples and maps indent, strings stay strings; ~w never wraps.
-record(server, {name, port, options = [], children = []}).

start() ->
    io:format("~p~n", [lists:seq(1, 60)]),
    io:format("~w~n", [lists:seq(1, 60)]),
    io:format("~p~n", [[{key, I, lists:duplicate(I, $x)} || I <- lists:seq(1, 8)]]),
    Nested = {level1, {level2, {level3, [a, b, c], #{deep => {level4, "string value here"}}}},
              [{option_one, true}, {option_two, false}, {option_three, 1234567890}]},
    io:format("~p~n", [Nested]),
    S = #server{name = "web", port = 8080,
                options = [{timeout, 5000}, {max_connections, 1024}, {keepalive, true}],
                children = [#server{name = "child" ++ integer_to_list(I), port = 9000 + I} || I <- [1, 2, 3]]},
    io:format("~p~n", [S]),
    io:format("~p~n", [#{name => "a map with a long value string that goes on and on",
                         list => lists:seq(1, 30), nested => #{a => 1, b => [x, y, z]}}]),
    io:format("~p~n", [lists:duplicate(10, "a string in a list")]),
    io:format("prefix ~p~n", [lists:seq(100, 130)]),
    ok.
