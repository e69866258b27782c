-module(io_format_integers).
-export([start/0]).

%% Integer directives: ~b ~B ~x ~X ~# ~+ with bases, widths and padding.
start() ->
    N = 255,
    io:format("~b ~B~n", [N, N]),
    io:format("~.2B ~.8B ~.16B ~.36B~n", [N, N, N, N]),
    io:format("~.16b ~.16B~n", [48879, 48879]),
    io:format("~.16x ~.16X~n", [255, "0x", 255, "0x"]),
    io:format("~.16# ~.2#~n", [255, 5]),
    io:format("~.16+ ~.10+~n", [255, 5]),
    io:format("[~8B] [~-8B] [~8.16B]~n", [42, 42, 42]),
    io:format("[~8.10.xB] [~8.10.0B] [~8...B]~n", [42, 42, 42]),
    io:format("~B ~.16B ~.2B~n", [-42, -255, -5]),
    io:format("~B~n", [1 bsl 100]),
    io:format("~.16B~n", [1 bsl 100]),
    io:format("~.36B~n", [-(1 bsl 70)]),
    io:format("~w ~p~n", [-(1 bsl 64), 12345678901234567890]),
    io:format("[~3B]~n", [12345]),
    ok.
