-module(bench_binary).
-export([start/0]).
%% Encode 200k records into a binary with the bit syntax, then decode them back.
start() ->
    Items = [{I, I * 7 rem 65536, I band 255} || I <- lists:seq(1, 200000)],
    Bin = << <<A:32, B:16/little, C:8>> || {A, B, C} <- Items >>,
    Decoded = [{A, B, C} || <<A:32, B:16/little, C:8>> <= Bin],
    erlang:display({byte_size(Bin), Decoded =:= Items}).
