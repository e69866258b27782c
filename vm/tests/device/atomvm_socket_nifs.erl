-module(atomvm_socket_nifs).
-export([start/0]).

%% AtomVM's socket NIFs called directly (no library), as estdlib's socket module calls
%% them: TCP accept/recv/send through nif_select_read, UDP sendto/recvfrom, {closed, Ref}
%% to a process selecting on a socket another one closes, a refused connect, an unknown
%% option; net:getaddrinfo_nif/2. AtomVM v0.6.6's Unix build prints the line the test
%% expects.
start() ->
    {ok, L} = socket:open(inet, stream, tcp),
    ok = socket:setopt(L, {socket, reuseaddr}, true),
    ok = socket:bind(L, #{addr => loopback, port => 0}),
    ok = socket:listen(L, 5),
    {ok, #{port := Port} = Name} = socket:sockname(L),
    Self = self(),
    spawn_opt(fun() ->
        ok = socket:nif_select_read(L, Ref = make_ref()),
        receive {select, _, Ref, ready_input} -> ok end,
        {ok, C} = socket:nif_accept(L),
        ok = socket:nif_select_read(C, Ref2 = make_ref()),
        receive {select, _, Ref2, ready_input} -> ok end,
        {ok, Data} = socket:nif_recv(C, 0),
        ok = socket:nif_send(C, <<"echo:", Data/binary>>),
        ok = socket:nif_select_read(C, Ref3 = make_ref()),
        receive {select, _, Ref3, ready_input} -> ok end,
        Self ! {server, socket:nif_recv(C, 0)},
        socket:close(C)
    end, []),
    {ok, S} = socket:open(inet, stream, tcp),
    ok = socket:connect(S, #{addr => {127, 0, 0, 1}, port => Port}),
    ok = socket:nif_send(S, <<"hello">>),
    ok = socket:nif_select_read(S, Ref = make_ref()),
    receive {select, _, Ref, ready_input} -> ok end,
    {ok, Reply} = socket:nif_recv(S, 0),
    {ok, Peer} = socket:peername(S),
    ok = socket:close(S),
    Server = receive {server, X} -> X after 2000 -> timeout end,
    {ok, U1} = socket:open(inet, dgram, udp),
    ok = socket:bind(U1, #{addr => loopback, port => 0}),
    {ok, #{port := UPort}} = socket:sockname(U1),
    {ok, U2} = socket:open(inet, dgram, udp),
    ok = socket:nif_sendto(U2, <<"dgram">>, #{addr => {127, 0, 0, 1}, port => UPort}),
    ok = socket:nif_select_read(U1, Ref4 = make_ref()),
    receive {select, _, Ref4, ready_input} -> ok end,
    {ok, {From, Dgram}} = socket:nif_recvfrom(U1, 0),
    ok = socket:close(U1),
    ok = socket:close(U2),
    W = spawn_opt(fun() ->
        ok = socket:nif_select_read(L, Ref5 = make_ref()),
        Self ! {waiter, receive M -> M after 2000 -> timeout end, Ref5}
    end, []),
    receive after 100 -> ok end,
    ok = socket:close(L),
    Waiter = receive {waiter, {closed, R5}, R5} -> closed_with_ref; {waiter, Other, _} -> Other after 3000 -> timeout end,
    {ok, R} = socket:open(inet, stream, tcp),
    Refused = socket:connect(R, #{addr => {127, 0, 0, 1}, port => Port}),
    Bad = try socket:setopt(R, {socket, nosuchopt}, 1) catch error:badarg -> raised_badarg end,
    {ok, Infos} = net:getaddrinfo_nif("127.0.0.1", undefined),
    Entry = fun(#{family := inet, protocol := P, type := T, address := A, addr := A}) ->
                    #{family := inet, port := 0, addr := {127, 0, 0, 1}} = A,
                    {P, T}
            end,
    Resolved = {[Entry(I) || I <- Infos], net:getaddrinfo_nif("no.such.host.invalid", undefined)},
    erlang:display({Name =:= #{addr => {127, 0, 0, 1}, port => Port}, Reply, Resolved,
                    Peer =:= #{addr => {127, 0, 0, 1}, port => Port}, Server,
                    Dgram, map_size(From), Waiter, Refused, Bad, is_pid(W)}),
    ok.
