-module(bitsyntax_endian).
-export([start/0, id/1]).

%% big (default) and little endian integer fields, including sizes that are not
%% whole bytes (the little-endian layout of those is a classic corner case).
id(X) -> X.

start() ->
    V = ?MODULE:id(16#0102030405060708),
    lists:foreach(
      fun(Size) ->
              Big = <<V:Size/big>>,
              Little = <<V:Size/little>>,
              <<BackL:Size/little>> = Little,
              <<BackB:Size/big>> = Big,
              erlang:display({Size, Big, Little, BackL =:= BackB})
      end,
      [8, 12, 16, 20, 24, 32, 40, 64]),
    erlang:display(<<(?MODULE:id(16#ABC)):12/little>>),
    <<L:12/little>> = ?MODULE:id(<<16#BC, 16#A:4>>),
    erlang:display(L),
    erlang:display(<<(?MODULE:id(1)):16/little, (?MODULE:id(1)):16/big>>),
    <<A:32/little-unsigned, B:32/big-signed>> = ?MODULE:id(<<1, 0, 0, 0, 255, 255, 255, 254>>),
    erlang:display({A, B}),
    erlang:display(<<(?MODULE:id(1 bsl 70 + 1)):80/little>>),
    ok.
