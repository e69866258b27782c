-module(io_format_basic).
-export([start/0]).

%% io:format basics: ~p ~w ~s ~c ~n ~~, format strings without arguments,
%% io:format/1 and io:fwrite/2.
start() ->
    io:format("hello, world~n"),
    io:format("~p~n", [hello]),
    io:format("~w ~w ~w~n", [1, 2.5, "str"]),
    io:format("~p ~p ~p~n", [1, 2.5, "str"]),
    io:format("~s and ~s~n", ["chars", <<"binary">>]),
    io:format("~s~n", [[$i, "o", [$l, <<"ist">>]]]),
    io:format("~s~n", [an_atom]),
    io:format("~c~c~c~n", [$a, $b, $c]),
    io:format("tilde: ~~ percent: %~n"),
    io:fwrite("fwrite ~p~n", [{tuple, [list], <<"bin">>}]),
    io:format("~p ~w~n", [[], {}]),
    io:format("no newline at end"),
    io:format("~n"),
    io:format("~i~p~n", [ignored, shown]),
    io:format("multiple~nlines~nin one call~n"),
    io:format(<<"binary format string ~p~n">>, [42]),
    io:format('atom format string ~p~n', [43]),
    ok.
