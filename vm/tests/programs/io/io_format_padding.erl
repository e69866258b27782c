-module(io_format_padding).
-export([start/0]).

%% Field width, precision and padding characters: ~10s ~-10s ~10.3s ~*s ~-*p,
%% ~10c, pad characters, truncation of ~w with width.
start() ->
    io:format("[~10s]~n", ["right"]),
    io:format("[~-10s]~n", ["left"]),
    io:format("[~10.3s]~n", ["truncate"]),
    io:format("[~.3s]~n", ["truncate"]),
    io:format("[~*s]~n", [8, "star"]),
    io:format("[~-*s]~n", [8, "star"]),
    io:format("[~10...s]~n", ["dots"]),
    io:format("[~-10..*s]~n", [$_, "under"]),
    io:format("[~5c]~n", [$x]),
    io:format("[~10w]~n", [{a, b}]),
    io:format("[~-10w]~n", [{a, b}]),
    io:format("[~3w]~n", [{a, b}]),
    io:format("[~10p]~n", [atom]),
    io:format("[~10B]~n", [-42]),
    io:format("[~-6B|~6B]~n", [1, 2]),
    io:format("[~20.10.*B]~n", [$0, 12345]),
    io:format("[~s]~n", [""]),
    io:format("[~5s]~n", [""]),
    Rows = [{"apple", 3, 0.5}, {"banana", 12, 0.25}, {"kiwi", 100, 1.75}],
    [io:format("~-8s~5B~8.2f~n", [N, Q, P]) || {N, Q, P} <- Rows],
    ok.
