-module(bitsyntax_signed).
-export([start/0, id/1]).

%% signed vs unsigned matching of the same bits, negative numbers of odd sizes.
id(X) -> X.

start() ->
    lists:foreach(
      fun({N, Size}) ->
              Bin = <<N:Size/signed>>,
              <<U:Size/unsigned>> = Bin,
              <<S:Size/signed>> = Bin,
              erlang:display({N, Size, Bin, U, S})
      end,
      ?MODULE:id([{-1, 8}, {-128, 8}, {127, 8}, {128, 8}, {-1, 3}, {-4, 3}, {3, 3}, {-5, 7},
                  {-300, 12}, {-32768, 16}, {-1, 33}, {-(1 bsl 62), 64}, {-1, 64}, {-1, 100},
                  {-12345678901234567890, 80}])),
    <<X:4/signed, Y:4/signed>> = ?MODULE:id(<<16#F7>>),
    erlang:display({X, Y}),
    <<Z:16/signed-little>> = ?MODULE:id(<<16#FE, 16#FF>>),
    erlang:display(Z),
    ok.
