-module(io_char_lists).
-export([start/0]).

%% io_lib helpers and character handling: char_list, deep_char_list,
%% printable_latin1_list, printable_unicode_list, write_char, write_string,
%% indentation, and ~c with widths.
start() ->
    io:format("~p~n", [io_lib:char_list("abc")]),
    io:format("~p~n", [io_lib:deep_char_list(["a", ["b"]])]),
    io:format("~p~n", [io_lib:printable_latin1_list([$a, 233])]),
    io:format("~p~n", [io_lib:printable_unicode_list([$a, 955])]),
    io:format("~p~n", [io_lib:printable_latin1_list([$a, 955])]),
    io:format("~p~n", [lists:flatten(io_lib:write_char($a))]),
    io:format("~p~n", [lists:flatten(io_lib:write_char($\n))]),
    io:format("~p~n", [lists:flatten(io_lib:write_string("tab\t"))]),
    io:format("~p~n", [lists:flatten(io_lib:write_latin1_string("é"))]),
    io:format("~p~n", [io_lib:indentation("\tab", 0)]),
    io:format("[~3c] [~-3c] [~c]~n", [$x, $y, $z]),
    io:format("~p~n", [[$a + I || I <- lists:seq(0, 25)]]),
    io:format("~p~n", [lists:seq(0, 31)]),
    io:format("~p~n", [lists:seq(32, 126)]),
    ok.
