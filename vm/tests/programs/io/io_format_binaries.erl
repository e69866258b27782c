-module(io_format_binaries).
-export([start/0]).

%% Binaries and bitstrings printed with ~p (printable ones as <<"...">>, long ones
%% wrapped), ~w, ~s of binaries, and ~P truncation of binaries.
start() ->
    io:format("~p~n", [list_to_binary(lists:seq(0, 63))]),
    io:format("~w~n", [list_to_binary(lists:seq(0, 20))]),
    io:format("~p~n", [list_to_binary(lists:duplicate(100, $z))]),
    io:format("~p~n", [[<<"a">>, <<"b">>, list_to_binary(lists:seq(65, 90))]]),
    io:format("~p~n", [<<1:1, 0:1, 1:1>>]),
    io:format("~p~n", [<<"abc", 5:4>>]),
    io:format("~s|~10s|~-10s|~n", [<<"bin">>, <<"right">>, <<"left">>]),
    io:format("~p~n", [{<<"key">>, <<0, 0>>, <<"printable\ttab">>}]),
    io:format("~p~n", [binary:split(<<"a b c d">>, <<" ">>, [global])]),
    ok.
