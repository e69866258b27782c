-module(net_tcp_modes).
-export([start/0]).

%% {active, N} and tcp_passive, {packet, 1}, list mode, send_timeout on a peer that
%% does not read, shutdown of the write side, tcp_closed, IPv6 loopback.
start() ->
    {ok, L} = gen_tcp:listen(0, [binary, {active, false}, {ip, {127,0,0,1}}, {packet, 1}]),
    {ok, Port} = inet:port(L),
    {ok, C} = gen_tcp:connect({127,0,0,1}, Port, [binary, {packet, 1}, {active, 3}]),
    {ok, A} = gen_tcp:accept(L, 2000),
    [ok = gen_tcp:send(A, <<N>>) || N <- lists:seq(1, 4)],
    Got = [receive {tcp, C, D} -> D after 2000 -> timeout end || _ <- [1, 2, 3]],
    Passive = receive {tcp_passive, C} -> tcp_passive after 2000 -> none end,
    io:format("active 3: ~p ~p~n", [Got, Passive]),
    io:format("then passive: ~p~n", [gen_tcp:recv(C, 0, 2000)]),
    ok = inet:setopts(C, [{active, true}, list]),
    ok = gen_tcp:send(A, "text"),
    receive {tcp, C, T} -> io:format("list mode: ~p~n", [T]) after 2000 -> io:format("none~n") end,
    ok = gen_tcp:shutdown(A, write),
    receive {tcp_closed, C} -> io:format("tcp_closed~n") after 2000 -> io:format("no tcp_closed~n") end,
    gen_tcp:close(A),
    gen_tcp:close(C),
    %% send_timeout: the peer never reads; the kernel buffers fill up.
    {ok, C2} = gen_tcp:connect({127,0,0,1}, Port, [binary, {active, false},
                                                   {send_timeout, 200}, {sndbuf, 4096}]),
    {ok, A2} = gen_tcp:accept(L, 2000),
    ok = inet:setopts(A2, [{recbuf, 4096}]),
    Big = binary:copy(<<"x">>, 65536),
    %% The default backend says {error, timeout}; OTP's socket backend (the VM's)
    %% also returns what was not sent: {error, {timeout, Rest}}.
    Timeout = case fill(C2, Big, 200) of
                  {error, timeout} -> timeout;
                  {error, {timeout, Rest}} when is_binary(Rest) -> timeout;
                  Other -> Other
              end,
    io:format("send_timeout: ~p~n", [Timeout]),
    gen_tcp:close(C2),
    gen_tcp:close(A2),
    gen_tcp:close(L),
    %% IPv6 loopback.
    {ok, L6} = gen_tcp:listen(0, [inet6, binary, {active, false}, {ip, {0,0,0,0,0,0,0,1}}]),
    {ok, {Addr6, Port6}} = inet:sockname(L6),
    {ok, C6} = gen_tcp:connect(Addr6, Port6, [inet6, binary, {active, false}]),
    {ok, A6} = gen_tcp:accept(L6, 2000),
    ok = gen_tcp:send(C6, <<"six">>),
    io:format("ipv6: ~p ~p~n", [Addr6, gen_tcp:recv(A6, 0, 2000)]),
    {ok, {PeerAddr, _}} = inet:peername(A6),
    io:format("ipv6 peer: ~s~n", [inet:ntoa(PeerAddr)]),
    [gen_tcp:close(S) || S <- [C6, A6, L6]],
    ok.

fill(_S, _Big, 0) -> never_blocked;
fill(S, Big, N) ->
    case gen_tcp:send(S, Big) of
        ok -> fill(S, Big, N - 1);
        Error -> Error
    end.
