-module(net_gen_udp).
-export([start/0]).

start() ->
    {ok, S} = gen_udp:open(0, [binary, {active, false}, {ip, {127,0,0,1}}]),
    {ok, Port} = inet:port(S),
    {ok, C} = gen_udp:open(0, [binary, {active, true}]),
    {ok, CPort} = inet:port(C),
    ok = gen_udp:send(C, {127,0,0,1}, Port, <<"ping">>),
    {ok, {Addr, FromPort, Data}} = gen_udp:recv(S, 0, 2000),
    io:format("passive: ~p ~p ~p~n", [Addr, FromPort =:= CPort, Data]),
    ok = gen_udp:send(S, Addr, FromPort, <<"pong">>),
    receive
        {udp, C, RA, RP, RD} -> io:format("active: ~p ~p ~p~n", [RA, RP =:= Port, RD])
    after 2000 -> io:format("no reply~n")
    end,
    ok = inet:setopts(C, [{active, once}, list]),
    ok = gen_udp:send(S, {127,0,0,1}, CPort, "once"),
    receive {udp, C, _, _, L} -> io:format("once, list: ~p~n", [L]) after 2000 -> io:format("none~n") end,
    io:format("opts: ~p~n", [inet:getopts(C, [active, mode])]),
    ok = gen_udp:send(S, {127,0,0,1}, CPort, <<"late">>),
    receive {udp, C, _, _, _} = M -> io:format("unexpected ~p~n", [M]) after 200 -> io:format("passive after once~n") end,
    {ok, {_, _, Late}} = gen_udp:recv(C, 0, 1000),
    io:format("queued: ~p~n", [Late]),
    io:format("timeout: ~p~n", [gen_udp:recv(S, 0, 50)]),
    ok = inet:setopts(C, [{active, 2}]),
    [ok = gen_udp:send(S, {127,0,0,1}, CPort, [N]) || N <- [1, 2]],
    Got = [receive {udp, C, _, _, D} -> D after 2000 -> none end || _ <- [1, 2]],
    Passive = receive {udp_passive, C} -> udp_passive after 2000 -> none end,
    io:format("active N: ~p ~p~n", [Got, Passive]),
    io:format("eaddrinuse: ~p~n", [gen_udp:open(Port, [{ip, {127,0,0,1}}])]),
    ok = gen_udp:close(C),
    ok = gen_udp:close(S),
    io:format("closed: ~p~n", [gen_udp:send(S, {127,0,0,1}, Port, <<"x">>)]),
    ok.
