-module(net_socket_msg).

%% socket:sendmsg/2 and recvmsg/5 (data only, no control messages), UDP and TCP.
-export([start/0]).
start() ->
    {ok, U} = socket:open(inet, dgram, udp),
    ok = socket:bind(U, #{family => inet, addr => loopback, port => 0}),
    {ok, A} = socket:sockname(U),
    {ok, V} = socket:open(inet, dgram, udp),
    io:format("~p~n", [socket:sendmsg(V, #{addr => A, iov => [<<"he">>, <<"llo">>]})]),
    {ok, #{iov := Iov, addr := #{family := F}} = M} = socket:recvmsg(U, 0, 0, [], 1000),
    io:format("~p ~p ~p~n", [Iov, F, lists:sort(maps:keys(M))]),
    io:format("~p~n", [socket:recvmsg(U, 0, 0, [], 50)]),
    {ok, L} = socket:open(inet, stream, tcp),
    ok = socket:bind(L, #{family => inet, addr => loopback, port => 0}),
    ok = socket:listen(L),
    {ok, LA} = socket:sockname(L),
    {ok, C} = socket:open(inet, stream, tcp),
    ok = socket:connect(C, LA),
    {ok, S} = socket:accept(L),
    io:format("~p~n", [socket:sendmsg(C, #{iov => [<<"tcp ">>, <<"msg">>]})]),
    {ok, #{iov := TIov}} = socket:recvmsg(S, 0, 0, [], 1000),
    io:format("~p~n", [iolist_to_binary(TIov)]),
    ok = socket:close(C),
    io:format("~p~n", [socket:recvmsg(S, 0, 0, [], 1000)]).
