-module(net_tcp_faults).
-export([start/0]).

%% A peer that resets the connection mid-message, a client that connects to a
%% closed port, a listener on a port in use, the owner's exit closing its socket.
start() ->
    {ok, L} = gen_tcp:listen(0, [binary, {active, false}, {ip, {127,0,0,1}}]),
    {ok, Port} = inet:port(L),
    io:format("in use: ~p~n", [gen_tcp:listen(Port, [{ip, {127,0,0,1}}])]),
    {ok, Closed} = gen_tcp:listen(0, [{ip, {127,0,0,1}}]),
    {ok, ClosedPort} = inet:port(Closed),
    ok = gen_tcp:close(Closed),
    io:format("refused: ~p~n", [gen_tcp:connect({127,0,0,1}, ClosedPort, [], 2000)]),
    %% Reset: the server reads half a message, then closes with linger 0.
    {ok, C} = gen_tcp:connect({127,0,0,1}, Port, [binary, {active, false}, {packet, 4}]),
    {ok, A} = gen_tcp:accept(L, 2000),
    ok = gen_tcp:send(C, <<"part of a message">>),
    {ok, <<_:4/binary, _/binary>>} = gen_tcp:recv(A, 6, 2000),
    ok = inet:setopts(A, [{linger, {true, 0}}]),
    ok = gen_tcp:close(A),
    io:format("after reset: ~p~n", [gen_tcp:recv(C, 0, 2000)]),
    gen_tcp:close(C),
    %% The owner's exit closes the socket: the peer sees the end of the stream.
    {ok, C2} = gen_tcp:connect({127,0,0,1}, Port, [binary, {active, false}]),
    {ok, A2} = gen_tcp:accept(L, 2000),
    Owner = spawn(fun() -> receive go -> exit(done) end end),
    ok = gen_tcp:controlling_process(C2, Owner),
    Ref = monitor(process, Owner),
    Owner ! go,
    receive {'DOWN', Ref, _, _, _} -> ok end,
    io:format("owner gone: ~p~n", [gen_tcp:recv(A2, 0, 2000)]),
    gen_tcp:close(A2),
    %% Timeouts.
    {ok, C3} = gen_tcp:connect({127,0,0,1}, Port, [binary, {active, false}]),
    {ok, A3} = gen_tcp:accept(L, 2000),
    io:format("recv timeout: ~p~n", [gen_tcp:recv(C3, 0, 50)]),
    io:format("accept timeout: ~p~n", [gen_tcp:accept(L, 50)]),
    gen_tcp:close(A3),
    io:format("peer closed: ~p~n", [gen_tcp:recv(C3, 0, 2000)]),
    gen_tcp:close(C3),
    gen_tcp:close(L),
    ok.
