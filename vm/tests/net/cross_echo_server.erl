%% The server half of the cross test (tests/net_cross.rs): listens on a free
%% loopback port, prints it, serves CROSS_CLIENTS connections (echoing {packet, 4}
%% frames), then prints what it served and returns.
-module(cross_echo_server).
-export([start/0]).

start() ->
    Clients = list_to_integer(os:getenv("CROSS_CLIENTS", "2")),
    {ok, L} = gen_tcp:listen(0, [binary, {packet, 4}, {active, false}, {ip, {127,0,0,1}}]),
    {ok, Port} = inet:port(L),
    io:format("port ~p~n", [Port]),
    Self = self(),
    [spawn_link(fun() -> serve(L, Self) end) || _ <- lists:seq(1, Clients)],
    Frames = lists:sum([receive {served, N} -> N end || _ <- lists:seq(1, Clients)]),
    io:format("served ~p frames~n", [Frames]).

serve(L, Parent) ->
    {ok, S} = gen_tcp:accept(L, 10000),
    Parent ! {served, echo(S, 0)}.

echo(S, N) ->
    case gen_tcp:recv(S, 0, 10000) of
        {ok, Frame} -> ok = gen_tcp:send(S, Frame), echo(S, N + 1);
        {error, closed} -> N
    end.
