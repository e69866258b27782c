-module(net_tcp_closed_ops).
-export([start/0]).

%% Operations on sockets that are already closed. The BEAM's default backend
%% (inet_drv) says `closed`; from OTP 27, OTP's socket backend (gen_tcp_socket, which
%% the VM uses) says `einval` for these two, as `erl -kernel inet_backend socket` does.
%% max_otp: 25
start() ->
    {ok, L} = gen_tcp:listen(0, [binary, {active, false}, {ip, {127,0,0,1}}]),
    {ok, Port} = inet:port(L),
    {ok, C} = gen_tcp:connect({127,0,0,1}, Port, [binary, {active, false}]),
    {ok, A} = gen_tcp:accept(L, 2000),
    Owner = spawn(fun() -> receive go -> ok end end),
    ok = gen_tcp:controlling_process(C, Owner),
    Ref = monitor(process, Owner),
    Owner ! go,
    receive {'DOWN', Ref, _, _, _} -> ok end,
    io:format("not owner: ~p~n", [gen_tcp:controlling_process(C, self())]),
    gen_tcp:close(A),
    gen_tcp:close(L),
    io:format("closed listener: ~p~n", [gen_tcp:accept(L, 50)]),
    ok.
