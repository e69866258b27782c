-module(io_math).
-export([start/0, id/1]).

%% math module functions printed with ~.6f (and a few with ~p where exact).
id(X) -> X.

start() ->
    Fs = [{sqrt, fun math:sqrt/1, 2.0}, {exp, fun math:exp/1, 1.0}, {log, fun math:log/1, 10.0},
          {log2, fun math:log2/1, 1024.0}, {log10, fun math:log10/1, 12345.0},
          {sin, fun math:sin/1, 1.0}, {cos, fun math:cos/1, 1.0}, {tan, fun math:tan/1, 0.5},
          {asin, fun math:asin/1, 0.5}, {acos, fun math:acos/1, 0.5}, {atan, fun math:atan/1, 1.0},
          {sinh, fun math:sinh/1, 1.0}, {cosh, fun math:cosh/1, 1.0}, {tanh, fun math:tanh/1, 0.5},
          {asinh, fun math:asinh/1, 1.0}, {acosh, fun math:acosh/1, 2.0}, {atanh, fun math:atanh/1, 0.5},
          {erf, fun math:erf/1, 0.5}, {erfc, fun math:erfc/1, 0.5},
          {ceil, fun math:ceil/1, 2.1}, {floor, fun math:floor/1, -2.1}],
    [io:format("~-6s ~.6f~n", [N, F(X)]) || {N, F, X} <- Fs],
    io:format("pi ~.6f~n", [math:pi()]),
    io:format("pow ~.6f ~.6f~n", [math:pow(2, 10), math:pow(2.0, 0.5)]),
    io:format("atan2 ~.6f~n", [math:atan2(1.0, -1.0)]),
    io:format("fmod ~.6f~n", [math:fmod(10.5, 3.0)]),
    io:format("~p~n", [[math:sqrt(16), math:pow(3, 2), math:floor(2.5), math:ceil(2.5)]]),
    io:format("~p~n", [try math:sqrt(?MODULE:id(-1)) catch C:R -> {C, R} end]),
    ok.
