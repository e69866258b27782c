-module(net_socket_nowait).
-export([start/0]).

%% The socket module's asynchronous contract: nowait calls return {select, Info},
%% the select message arrives when the socket is ready, cancel/2 withdraws, and
%% closing a socket wakes a process blocked on it.
start() ->
    {ok, L} = socket:open(inet6, stream, tcp),
    ok = socket:bind(L, #{family => inet6, addr => loopback, port => 0}),
    ok = socket:listen(L, 10),
    {ok, #{port := Port}} = socket:sockname(L),
    {select, {select_info, accept, Ref}} = socket:accept(L, nowait),
    io:format("accept: select~n"),
    {ok, C} = socket:open(inet6, stream, tcp),
    ok = socket:connect(C, #{family => inet6, addr => loopback, port => Port}),
    receive {'$socket', L, select, Ref} -> io:format("accept: select message~n")
    after 2000 -> io:format("accept: no message~n") end,
    {ok, A} = socket:accept(L, nowait),
    {select, {select_info, recv, RRef} = Info} = socket:recv(A, 0, nowait),
    io:format("recv: select~n"),
    ok = socket:send(C, <<"data">>),
    receive {'$socket', A, select, RRef} -> io:format("recv: select message~n")
    after 2000 -> io:format("recv: no message~n") end,
    io:format("recv: ~p~n", [socket:recv(A, 0, nowait)]),
    {select, Info2} = socket:recv(A, 0, nowait),
    io:format("cancel: ~p~n", [socket:cancel(A, Info2)]),
    ok = socket:send(C, <<"more">>),
    receive {'$socket', A, select, _} = M -> io:format("unexpected ~p~n", [M])
    after 200 -> io:format("cancelled: no message~n") end,
    io:format("recv: ~p~n", [socket:recv(A, 4, 1000)]),
    _ = Info,
    Self = self(),
    Waiter = spawn(fun() -> Self ! {waiter, socket:recv(A, 0, 5000)} end),
    timer:sleep(100),
    ok = socket:close(A),
    receive {waiter, R} -> io:format("blocked recv on a closed socket: ~p~n", [R])
    after 2000 -> io:format("waiter still blocked~n"), exit(Waiter, kill) end,
    io:format("peer sees: ~p~n", [socket:recv(C, 0, 2000)]),
    {ok, U} = socket:open(inet6, dgram, udp),
    ok = socket:bind(U, #{family => inet6, addr => loopback, port => 0}),
    {ok, UAddr} = socket:sockname(U),
    {select, {select_info, recvfrom, URef}} = socket:recvfrom(U, 0, nowait),
    {ok, U2} = socket:open(inet6, dgram, udp),
    ok = socket:sendto(U2, <<"v6 datagram">>, UAddr),
    receive {'$socket', U, select, URef} -> ok after 2000 -> ok end,
    {ok, {#{family := F}, D}} = socket:recvfrom(U, 0, nowait),
    io:format("udp: ~p ~p~n", [F, D]),
    [socket:close(S) || S <- [C, L, U, U2]],
    io:format("closed: ~p~n", [socket:sockname(L)]),
    ok.
