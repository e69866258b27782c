-module(net_gen_tcp_echo).
-export([start/0]).

start() ->
    {ok, L} = gen_tcp:listen(0, [binary, {active, false}, {reuseaddr, true}, {ip, {127,0,0,1}}]),
    {ok, Port} = inet:port(L),
    Self = self(),
    Server = spawn(fun() -> accept_loop(L, Self) end),
    ok = gen_tcp:controlling_process(L, Server),
    Clients = [spawn(fun() -> client(Port, N, Self) end) || N <- lists:seq(1, 5)],
    Results = [receive {done, C, R} -> R end || C <- Clients],
    io:format("~p~n", [Results]),
    {ok, S} = gen_tcp:connect({127,0,0,1}, Port, [list, {packet, line}, {active, true}]),
    ok = gen_tcp:send(S, "line one\nline two\n"),
    Lines = [receive {tcp, S, Line} -> Line after 2000 -> timeout end || _ <- [1, 2]],
    io:format("~p~n", [Lines]),
    gen_tcp:close(S),
    {ok, S4} = gen_tcp:connect("localhost", Port, [binary, {packet, 4}, {active, once}]),
    ok = gen_tcp:send(S4, <<"framed">>),
    receive {tcp, S4, F} -> io:format("packet 4: ~p~n", [F]) after 2000 -> io:format("timeout~n") end,
    gen_tcp:close(S4),
    io:format("~p~n", [gen_tcp:connect({127,0,0,1}, 1, [])]),
    io:format("~p~n", [gen_tcp:listen(Port, [])]),
    ok.

accept_loop(L, Parent) ->
    case gen_tcp:accept(L) of
        {ok, S} ->
            Pid = spawn(fun() -> receive go -> echo(S) end end),
            ok = gen_tcp:controlling_process(S, Pid),
            Pid ! go,
            accept_loop(L, Parent);
        Error ->
            Parent ! {accept, Error}
    end.

echo(S) ->
    case gen_tcp:recv(S, 0, 5000) of
        {ok, Data} -> ok = gen_tcp:send(S, Data), echo(S);
        {error, closed} -> ok
    end.

client(Port, N, Parent) ->
    {ok, S} = gen_tcp:connect({127,0,0,1}, Port, [binary, {active, false}, {packet, 2}]),
    R = [begin
             Msg = <<N, I>>,
             ok = gen_tcp:send(S, Msg),
             {ok, Msg} = gen_tcp:recv(S, 0, 2000),
             I
         end || I <- lists:seq(1, 20)],
    gen_tcp:close(S),
    Parent ! {done, self(), {N, length(R)}}.
