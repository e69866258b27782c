-module(display_arith_basic).
-export([start/0, id/1]).

%% + - * div rem on small integers with all sign combinations.
id(X) -> X.

start() ->
    Pairs = ?MODULE:id([{7, 2}, {-7, 2}, {7, -2}, {-7, -2}, {0, 5}, {5, 1}, {100, 7}, {-100, 7},
                        {123456, 789}, {1, 1}, {12, 12}, {-1, 3}]),
    lists:foreach(
      fun({A, B}) ->
              erlang:display({A, B, A + B, A - B, A * B, A div B, A rem B})
      end, Pairs),
    erlang:display(-?MODULE:id(5)),
    erlang:display(+?MODULE:id(5)),
    erlang:display(- ?MODULE:id(-5)),
    erlang:display(?MODULE:id(2) + 3 * 4 - 10 div 3),
    erlang:display((?MODULE:id(2) + 3) * (4 - 10) rem 7),
    ok.
