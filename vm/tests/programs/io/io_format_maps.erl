-module(io_format_maps).
-export([start/0]).

%% Maps printed with ~p and ~w (small maps only: their key order is fixed),
%% nested maps, maps inside lists and tuples.
start() ->
    M = #{name => "Ann", age => 41, tags => [a, b], 1 => one, {t} => tuple},
    io:format("~p~n", [M]),
    io:format("~w~n", [M]),
    io:format("~p~n", [#{}]),
    io:format("~p~n", [#{outer => #{inner => #{deepest => true}}}]),
    io:format("~p~n", [[#{a => 1}, {#{b => 2}}]]),
    io:format("~p~n", [maps:from_list([{I, lists:duplicate(I, $m)} || I <- lists:seq(1, 12)])]),
    io:format("~p~n", [#{"string key" => <<"binary value">>, <<"bin key">> => "string value"}]),
    io:format("~p~n", [#{1.0 => float, 1 => int}]),
    ok.
