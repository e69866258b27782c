-module(exceptions_badarith).
-export([start/0, id/1]).

%% badarith from integer and float arithmetic on bad operands, division by zero
%% and float overflow.
id(X) -> X.

c(F) -> try F() catch Class:Reason -> {Class, Reason} end.

start() ->
    Fs = [fun() -> ?MODULE:id(1) div ?MODULE:id(0) end,
          fun() -> ?MODULE:id(1) rem ?MODULE:id(0) end,
          fun() -> ?MODULE:id(1) / ?MODULE:id(0) end,
          fun() -> ?MODULE:id(1.0) / ?MODULE:id(0.0) end,
          fun() -> ?MODULE:id(1) + ?MODULE:id(a) end,
          fun() -> ?MODULE:id("1") * ?MODULE:id(2) end,
          fun() -> -?MODULE:id(x) end,
          fun() -> ?MODULE:id(1.5) div ?MODULE:id(1) end,
          fun() -> ?MODULE:id(7) rem ?MODULE:id(2.0) end,
          fun() -> ?MODULE:id(1.0e308) * ?MODULE:id(10.0) end,
          fun() -> ?MODULE:id(1) band ?MODULE:id(1.0) end,
          fun() -> bnot ?MODULE:id(1.0) end,
          fun() -> ?MODULE:id(1 bsl 100) div ?MODULE:id(0) end,
          fun() -> ?MODULE:id({1}) - ?MODULE:id(1) end,
          fun() -> ?MODULE:id(1) bsl ?MODULE:id(1 bsl 70) end,
          fun() -> math:log(?MODULE:id(0)) end,
          fun() -> math:sqrt(?MODULE:id(-1)) end],
    lists:foreach(fun(F) -> erlang:display(c(F)) end, Fs),
    ok.
