-module(bench_binary).
-export([start/0]).

%% Prints the result, then {time_us, T} measured inside the runtime (no start-up).
start() ->
    T0 = erlang:monotonic_time(microsecond),
    R = run(),
    T1 = erlang:monotonic_time(microsecond),
    erlang:display(R),
    erlang:display({time_us, T1 - T0}).

%% Encode 200k records into a binary with the bit syntax, then decode them back.
run() ->
    Items = [{I, I * 7 rem 65536, I band 255} || I <- lists:seq(1, 200000)],
    Bin = << <<A:32, B:16/little, C:8>> || {A, B, C} <- Items >>,
    Decoded = [{A, B, C} || <<A:32, B:16/little, C:8>> <= Bin],
    {byte_size(Bin), Decoded =:= Items}.
