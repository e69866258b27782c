-module(net_load).
-export([start/0]).

%% 1,000 concurrent loopback connections, 100 request/reply round trips each, in two
%% rounds: nothing lost, and the memory the OS sees does not grow in the second round.
-define(CONNS, 1000).
-define(TRIPS, 100).

start() ->
    {ok, L} = gen_tcp:listen(0, [binary, {packet, 2}, {active, false}, {ip, {127,0,0,1}},
                                 {backlog, 1024}, {reuseaddr, true}]),
    {ok, Port} = inet:port(L),
    Acceptor = spawn_link(fun() -> accept(L) end),
    ok = gen_tcp:controlling_process(L, Acceptor),
    R1 = run_round(Port),
    M1 = rss(),
    R2 = run_round(Port),
    M2 = rss(),
    io:format("round 1: ~p replies~nround 2: ~p replies~n", [R1, R2]),
    io:format("memory flat: ~p~n", [M2 =< M1 + M1 div 10 + 4096]),
    unlink(Acceptor),
    exit(Acceptor, kill),
    ok.

run_round(Port) ->
    Self = self(),
    Pids = [spawn(fun() -> client(Port, Self) end) || _ <- lists:seq(1, ?CONNS)],
    lists:sum([receive {done, P, N} -> N after 60000 -> 0 end || P <- Pids]).

client(Port, Parent) ->
    {ok, S} = gen_tcp:connect({127,0,0,1}, Port, [binary, {packet, 2}, {active, false}], 30000),
    N = length([ok || I <- lists:seq(1, ?TRIPS),
                      begin
                          ok = gen_tcp:send(S, <<I:32>>),
                          {ok, <<I:32>>} =:= gen_tcp:recv(S, 0, 30000)
                      end]),
    ok = gen_tcp:close(S),
    Parent ! {done, self(), N}.

accept(L) ->
    {ok, S} = gen_tcp:accept(L),
    Pid = spawn(fun() -> receive go -> echo(S) end end),
    ok = gen_tcp:controlling_process(S, Pid),
    Pid ! go,
    accept(L).

echo(S) ->
    case gen_tcp:recv(S, 0) of
        {ok, Data} -> ok = gen_tcp:send(S, Data), echo(S);
        {error, closed} -> ok
    end.

%% Resident memory in kB, from /proc/self/status.
rss() ->
    {ok, Status} = file:read_file("/proc/self/status"),
    [Line] = [L || <<"VmRSS:", _/binary>> = L <- binary:split(Status, <<"\n">>, [global])],
    [_, Kb | _] = binary:split(Line, [<<" ">>, <<"\t">>], [global, trim_all]),
    binary_to_integer(Kb).
