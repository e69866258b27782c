-module(io_format_strings).
-export([start/0]).

%% When ~p prints a list as a string (printable latin1 characters) and when as a
%% list of integers; ~w always prints integers; binaries with ~p and ~w.
start() ->
    Lists = ["plain", "with\nnewline", "tab\there", "quote\"s", "back\\slash", [7], [27, $[],
             [0], [$a, 0], [128], [160], [255], [256], "", [$a | "b"], "é", [127], [8], [$\v],
             [$\f], [$\r], [$\e]],
    [io:format("~p ~w~n", [L, L]) || L <- Lists],
    Bins = [<<"text">>, <<"new\nline">>, <<1, 2, 3>>, <<"a", 0>>, <<"é"/utf8>>, <<>>, <<1:3>>,
            <<"abc", 1:1>>, <<255>>],
    [io:format("~p ~w~n", [B, B]) || B <- Bins],
    io:format("~p~n", [[["nested", "strings"], "in", [["lists"]]]]),
    io:format("~p~n", [{"tuple", 'of', "strings"}]),
    io:format("~s~n", [["iolist ", <<"with ">>, $c, $h, "ars"]]),
    ok.
