-module(bitsyntax_floats).
-export([start/0, id/1]).

%% float fields of 16, 32 and 64 bits, big and little endian; integers stored as
%% floats; non-finite bit patterns do not match as floats.
id(X) -> X.

start() ->
    lists:foreach(
      fun(F) ->
              B64 = <<F:64/float>>,
              B32 = <<F:32/float>>,
              B16 = <<F:16/float>>,
              <<G64:64/float>> = B64,
              <<G32:32/float>> = B32,
              <<G16:16/float>> = B16,
              erlang:display({B64, B32, B16}),
              erlang:display({G64, G32, G16})
      end,
      ?MODULE:id([0.0, 1.0, -1.0, 0.5, 1.5, 0.1, 3.14159, -2.0e-3, 65504.0, 1.0e-5])),
    erlang:display(<<(?MODULE:id(1.0)):64/float-little>>),
    erlang:display(<<(?MODULE:id(7)):32/float>>),
    erlang:display(<<(?MODULE:id(1 bsl 60)):64/float>>),
    <<X/float>> = ?MODULE:id(<<64, 9, 33, 251, 84, 68, 45, 24>>),
    erlang:display(X),
    Inf = ?MODULE:id(<<16#7FF0000000000000:64>>),
    erlang:display(case Inf of <<F:64/float>> -> {float, F}; _ -> no_match end),
    NaN32 = ?MODULE:id(<<16#7FC00000:32>>),
    erlang:display(case NaN32 of <<F32:32/float>> -> {float, F32}; _ -> no_match end),
    erlang:display(try <<(?MODULE:id(1.0e300)):32/float>> catch C:R -> {C, R} end),
    %% Too large for half precision: constructed as infinity, which does not match back.
    Half = <<(?MODULE:id(1.0e10)):16/float>>,
    erlang:display(Half),
    erlang:display(case Half of <<H:16/float>> -> {float, H}; _ -> no_match end),
    ok.
