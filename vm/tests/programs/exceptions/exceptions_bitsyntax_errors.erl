-module(exceptions_bitsyntax_errors).
-export([start/0, id/1]).

%% Errors from binary construction and matching.
id(X) -> X.

c(F) -> try F() catch Class:Reason -> {Class, Reason} end.

start() ->
    Fs = [fun() -> <<(?MODULE:id(1.5)):8/integer>> end,
          fun() -> <<(?MODULE:id(a)):32/float>> end,
          fun() -> <<(?MODULE:id(1)):(?MODULE:id(-8))>> end,
          fun() -> <<(?MODULE:id(<<1, 2>>)):3/binary>> end,
          fun() -> <<(?MODULE:id(16#110000))/utf8>> end,
          fun() -> <<(?MODULE:id(-1))/utf8>> end,
          fun() -> <<X:16>> = ?MODULE:id(<<1>>), X end,
          fun() -> <<_:8, Rest/binary>> = ?MODULE:id(<<1, 2:4>>), Rest end,
          fun() -> <<C/utf8>> = ?MODULE:id(<<255>>), C end,
          fun() -> <<F:32/float>> = ?MODULE:id(<<255, 255, 255, 255>>), F end,
          fun() -> <<(?MODULE:id(1)):(?MODULE:id(a))>> end,
          fun() -> <<(?MODULE:id(1 bsl 64)):64>> end],
    lists:foreach(fun(F) -> erlang:display(c(F)) end, Fs),
    ok.
