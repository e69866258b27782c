-module(io_format_floats).
-export([start/0]).

%% Float directives ~e ~f ~g with default and explicit precision and width, and
%% ~p/~w of floats (shortest round-trip form).
start() ->
    Fs = [0.0, 1.0, -1.5, 3.14159265358979, 0.1, 1.0e-10, 123456.789, 1.0e20, 2.5e-3],
    lists:foreach(fun(F) -> io:format("~e | ~f | ~g~n", [F, F, F]) end, Fs),
    io:format("~.2f ~.1f ~.10f~n", [3.14159, 2.5, 1 / 3]),
    io:format("~.3e ~.2e ~.8e~n", [12345.678, 0.000123, 1 / 7]),
    io:format("~.3g ~.10g ~.1g~n", [12345.678, 1 / 7, 0.5]),
    io:format("[~10.2f] [~-10.2f] [~10.3e]~n", [3.14159, 3.14159, 3.14159]),
    io:format("~p ~p ~p ~p ~p~n", [0.1, 1.0e22, 1.0e21, 123.0, 0.30000000000000004]),
    io:format("~w ~w ~w ~w~n", [1.0e-5, 5.0e-324, 1.7976931348623157e308, -0.0]),
    io:format("~p~n", [[1.5, 2.25, 100.0, 1.0e100]]),
    %% ~f does not accept integers.
    io:format("~p~n", [try io:format("~.2f~n", [2]) catch C:R -> {C, R} end]),
    ok.
