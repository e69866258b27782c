-module(io_term_to_binary).
-export([start/0]).

%% term_to_binary/1,2 external format bytes and binary_to_term/1 round trips.
-record(rec, {a, b = [1, 2]}).

start() ->
    Terms = [0, 255, 256, -1, 1 bsl 31, 1 bsl 64, -(1 bsl 64), 1.5, atom, '', "abc", [1, [2]],
             [a | b], {}, {1, two, "three"}, <<1, 2, 3>>, <<1:3>>, #{}, #{a => 1, 2 => b},
             #rec{a = x}, [], fun lists:map/2, true],
    lists:foreach(
      fun(T) ->
              B = term_to_binary(T),
              io:format("~w~n  ~w~n", [T, B]),
              true = (binary_to_term(B) =:= T)
      end, Terms),
    Long = lists:duplicate(200, $a),
    C = term_to_binary(Long, [compressed]),
    U = term_to_binary(Long),
    io:format("~p ~p ~p~n", [byte_size(U), byte_size(C) < byte_size(U), binary_to_term(C) =:= Long]),
    io:format("~w~n", [term_to_binary(1.5, [{minor_version, 0}])]),
    io:format("~p~n", [binary_to_term(<<131, 104, 2, 97, 1, 100, 0, 2, 111, 107>>)]),
    Big = maps:from_list([{I, I} || I <- lists:seq(1, 100)]),
    io:format("~p~n", [binary_to_term(term_to_binary(Big)) =:= Big]),
    io:format("~p~n", [erlang:external_size({a, [1, 2, 3]})]),
    ok.
