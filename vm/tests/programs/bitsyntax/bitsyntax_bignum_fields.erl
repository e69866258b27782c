-module(bitsyntax_bignum_fields).
-export([start/0, id/1]).

%% Bignums in wide fields: 65..256-bit big/little/signed integers, truncation of
%% values that do not fit, and matching them back.
id(X) -> X.

start() ->
    Big = ?MODULE:id(16#0123456789ABCDEF0123456789ABCDEF),
    lists:foreach(
      fun(Size) ->
              B = <<Big:Size>>,
              L = <<Big:Size/little>>,
              <<Bb:Size>> = B,
              <<Ll:Size/little>> = L,
              erlang:display({Size, B, Bb, Ll =:= Bb})
      end,
      [64, 65, 96, 127, 128, 129, 200]),
    Neg = ?MODULE:id(-(1 bsl 100) - 12345),
    <<S:128/signed>> = <<Neg:128>>,
    erlang:display({S, S =:= Neg}),
    <<U:128>> = <<Neg:128>>,
    erlang:display(U),
    <<SL:104/signed-little>> = <<Neg:104/little>>,
    erlang:display(SL =:= Neg),
    erlang:display(<<(?MODULE:id(1 bsl 200 + 5)):16>>),
    <<Huge:256>> = ?MODULE:id(binary:copy(<<255>>, 32)),
    erlang:display(Huge),
    erlang:display(Huge + 1 =:= 1 bsl 256),
    ok.
