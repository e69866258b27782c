-module(display_math_precise).
-export([start/0]).

%% math functions printed at full precision (shortest round-trip form), so the
%% last bit of every result must match BEAM's C library; erf/erfc across their range.
start() ->
    Xs = [0.0, 1.0e-10, 0.1, -0.3, 0.5, 0.84375, 1.0, -1.0, 1.25, 2.5, 2.857, 3.7, 6.0, -6.0, 10.0, 27.0],
    [erlang:display({X, math:erf(X), math:erfc(X)}) || X <- Xs],
    Fs = [fun math:sqrt/1, fun math:exp/1, fun math:log/1, fun math:sin/1, fun math:cos/1,
          fun math:atan/1, fun math:tanh/1, fun math:asinh/1],
    [erlang:display([F(X) || F <- Fs]) || X <- [0.5, 1.0, 2.0, 3.14159, 100.0]],
    ok.
