-module(net_inet).
-export([start/0]).

start() ->
    [io:format("~p~n", [inet:parse_address(A)]) || A <- ["127.0.0.1", "::1", "fe80::1%1", "1.2.3", "256.1.1.1", "::ffff:10.0.0.1", "x"]],
    [io:format("~p~n", [inet:parse_ipv4strict_address(A)]) || A <- ["10.1.2.3", "10.1"]],
    [io:format("~p~n", [inet:ntoa(A)]) || A <- [{127,0,0,1}, {0,0,0,0,0,0,0,1}, {8193,3512,0,0,0,0,0,1}, {0,0,0,0,0,65535,2561,1}]],
    io:format("~p~n", [inet:getaddr("localhost", inet)]),
    io:format("~p~n", [inet:getaddr({10,0,0,1}, inet)]),
    io:format("~p~n", [inet:getaddr("127.0.0.1", inet)]),
    io:format("~p~n", [inet:getaddrs("localhost", inet)]),
    io:format("~p~n", [inet:getaddr("no-such-host.invalid", inet)]),
    {ok, H} = inet:gethostbyname("localhost"),
    io:format("~p~n", [{element(1, H), element(4, H), element(5, H), element(6, H)}]),
    {ok, Name} = inet:gethostname(),
    io:format("hostname is a string without dots: ~p~n", [is_list(Name) andalso not lists:member($., Name)]),
    {ok, Ifs} = inet:getifaddrs(),
    Lo = [Opts || {_, Opts} <- Ifs, lists:member({addr, {127,0,0,1}}, Opts)],
    io:format("loopback interface: ~p~n", [length(Lo)]),
    %% From /etc/services (a Debian root without netbase has none: einval there).
    [io:format("~p~n", [R]) || R <- [inet:getservbyname(http, tcp), inet:getservbyname(domain, udp),
                                      inet:getservbyport(22, tcp), inet:getservbyname(nosuch, tcp)]],
    {ok, L} = gen_tcp:listen(0, [{ip, loopback}]),
    {ok, {IP, Port}} = inet:sockname(L),
    io:format("~p ~p~n", [IP, is_integer(Port) andalso Port > 0]),
    {ok, C} = gen_tcp:connect(IP, Port, []),
    {ok, {PIP, PPort}} = inet:peername(C),
    io:format("~p ~p~n", [PIP, PPort =:= Port]),
    io:format("~p~n", [inet:peername(L)]),
    gen_tcp:close(C),
    gen_tcp:close(L),
    ok.
