-module(bitsyntax_int_sizes).
-export([start/0, id/1]).

%% Integer fields of many (odd) sizes, constructed and matched back.
id(X) -> X.

start() ->
    V = ?MODULE:id(16#ABCDEF0123456789),
    lists:foreach(
      fun(Size) ->
              B = <<V:Size>>,
              <<Back:Size>> = B,
              erlang:display({Size, B, Back})
      end,
      [1, 2, 3, 4, 5, 7, 8, 9, 12, 15, 16, 17, 24, 31, 32, 33, 48, 63, 64, 65, 72]),
    erlang:display(<<(?MODULE:id(300)):8>>),
    erlang:display(<<(?MODULE:id(-1)):8>>),
    erlang:display(<<(?MODULE:id(-1)):12>>),
    erlang:display(<<(?MODULE:id(1)):1, 0:1, 1:1, 1:5, 255>>),
    <<A:3, B:5, C:4, D:4>> = ?MODULE:id(<<16#B7, 16#5A>>),
    erlang:display({A, B, C, D}),
    ok.
