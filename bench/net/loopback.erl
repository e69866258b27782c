%% Loopback TCP throughput: 64 MB streamed in 64 kB writes (MB/s), then 20,000
%% request/reply round trips of 32 bytes with {packet, 2} (round trips/s). Prints
%% `{mb_per_s, N}` and `{rt_per_s, N}`, measured inside the runtime.
-module(loopback).
-export([start/0]).

-define(TOTAL, 64 * 1024 * 1024).
-define(CHUNK, 65536).
-define(TRIPS, 20000).

start() ->
    io:format("{mb_per_s,~p}~n", [stream()]),
    io:format("{rt_per_s,~p}~n", [round_trips()]).

stream() ->
    {ok, L} = gen_tcp:listen(0, [binary, {active, false}, {ip, {127,0,0,1}}]),
    {ok, Port} = inet:port(L),
    Self = self(),
    spawn_link(fun() ->
                       {ok, S} = gen_tcp:accept(L),
                       Self ! {received, drain(S, 0)}
               end),
    {ok, C} = gen_tcp:connect({127,0,0,1}, Port, [binary, {active, false}]),
    Chunk = binary:copy(<<"x">>, ?CHUNK),
    T0 = erlang:monotonic_time(microsecond),
    [ok = gen_tcp:send(C, Chunk) || _ <- lists:seq(1, ?TOTAL div ?CHUNK)],
    ok = gen_tcp:close(C),
    ?TOTAL = receive {received, N} -> N end,
    T = erlang:monotonic_time(microsecond) - T0,
    gen_tcp:close(L),
    round(?TOTAL / T).

drain(S, N) ->
    case gen_tcp:recv(S, 0) of
        {ok, B} -> drain(S, N + byte_size(B));
        {error, closed} -> N
    end.

round_trips() ->
    {ok, L} = gen_tcp:listen(0, [binary, {packet, 2}, {active, false}, {ip, {127,0,0,1}}]),
    {ok, Port} = inet:port(L),
    spawn_link(fun() -> {ok, S} = gen_tcp:accept(L), echo(S) end),
    {ok, C} = gen_tcp:connect({127,0,0,1}, Port, [binary, {packet, 2}, {active, false}]),
    Msg = binary:copy(<<"r">>, 32),
    T0 = erlang:monotonic_time(microsecond),
    [begin ok = gen_tcp:send(C, Msg), {ok, Msg} = gen_tcp:recv(C, 0) end
     || _ <- lists:seq(1, ?TRIPS)],
    T = erlang:monotonic_time(microsecond) - T0,
    gen_tcp:close(C),
    gen_tcp:close(L),
    round(?TRIPS * 1000000 / T).

echo(S) ->
    case gen_tcp:recv(S, 0) of
        {ok, B} -> ok = gen_tcp:send(S, B), echo(S);
        {error, closed} -> ok
    end.
