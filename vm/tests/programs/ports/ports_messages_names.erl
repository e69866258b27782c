-module(ports_messages_names).
-export([start/0]).

%% Messages sent to a port ({Pid, {command, Data}}, {Pid, close}, {Pid, {connect, New}},
%% anything else: badsig), the exit signals a port sends its linked owner, registered
%% port names, and port_info/1,2.
start() ->
    process_flag(trap_exit, true),
    Cat = open_port({spawn, "cat"}, []),
    Cat ! {self(), {command, "one\n"}},
    show(1, Cat, next()),
    Cat ! {self(), "not a command"},
    show(2, Cat, next()),
    show(3, Cat, erlang:port_info(Cat, connected) =:= {connected, self()}),
    Other = spawn(fun() -> receive stop -> ok end end),
    Cat ! {Other, {command, "from another process"}},
    show(4, Cat, next()),
    Cat ! hello,
    show(5, Cat, next()),
    Cat ! {self(), {connect, Other}},
    show(6, Cat, next()),
    show(7, Cat, erlang:port_info(Cat, connected) =:= {connected, Other}),
    Cat2 = open_port({spawn, "cat"}, []),
    Cat2 ! {self(), close},
    show(8, Cat2, next()),
    show(9, Cat2, next()),
    show(10, Cat2, erlang:port_info(Cat2)),
    Cat3 = open_port({spawn, "cat"}, []),
    port_close(Cat3),
    show(11, Cat3, next()),
    True = open_port({spawn, "true"}, []),
    show(12, True, next()),
    Named = open_port({spawn, "cat"}, [binary]),
    show(13, Named, register(cat, Named)),
    cat ! {self(), {command, <<"by name\n">>}},
    show(14, Named, next()),
    show(15, Named, {whereis(cat) =:= Named, lists:member(cat, registered())}),
    show(16, Named, [K || {K, _} <- erlang:port_info(Named)]),
    show(17, Named, [erlang:port_info(Named, K) || K <- [registered_name, input, output]]),
    show(18, Named, {erlang:port_info(Named, links) =:= {links, [self()]},
                     erlang:port_info(Named, name)}),
    show(19, Named, badarg(fun() -> register(cat_again, Named) end)),
    show(20, Named, badarg(fun() -> register(cat, self()) end)),
    show(21, Named, badarg(fun() -> register(closed, Cat2) end)),
    show(22, Named, unregister(cat)),
    show(23, Named, {whereis(cat), erlang:port_info(Named, registered_name)}),
    show(24, Named, badarg(fun() -> erlang:port_info(Named, no_such_item) end)),
    show(25, Named, badarg(fun() -> erlang:port_info(self(), id) end)),
    Cat2 ! {self(), {command, "to a closed port"}},
    show(26, Named, next()),
    port_close(Named),
    Other ! stop,
    show(27, Named, next()),
    links(),
    ok.

%% link/1, unlink/1 and exit/2 on ports.
links() ->
    Self = self(),
    Cat = open_port({spawn, "cat"}, []),
    show(28, Cat, lists:member(Cat, element(2, process_info(self(), links)))),
    Watcher = spawn(fun() ->
                        process_flag(trap_exit, true),
                        true = link(Cat),
                        Self ! linked,
                        receive M -> Self ! {watcher, M} end
                    end),
    receive linked -> ok end,
    show(29, Cat, erlang:port_info(Cat, links) =:= {links, [Self, Watcher]}),
    show(30, Cat, exit(Cat, normal)),
    show(31, Cat, erlang:port_info(Cat, connected) =:= {connected, Self}),
    show(32, Cat, exit(Cat, kill)),
    show(33, Cat, lists:sort([next(), next()])),
    show(34, Cat, {erlang:port_info(Cat), lists:member(Cat, element(2, process_info(self(), links)))}),
    show(35, Cat, link(Cat)),
    show(36, Cat, next()),
    Cat2 = open_port({spawn, "cat"}, []),
    show(37, Cat2, unlink(Cat2)),
    show(38, Cat2, exit(Cat2, going)),
    show(39, Cat2, next()),
    show(40, Cat2, badarg(fun() -> exit(not_a_port_or_pid, x) end)).

next() ->
    receive M -> M after 1000 -> nothing end.

%% Ports and pids vary between runs; the port in hand is shown as 'Port'.
show(N, Port, Term) ->
    io:format("~p ~p~n", [N, scrub(Port, Term)]).

scrub(Port, Port) -> 'Port';
scrub(_, P) when is_port(P) -> other_port;
scrub(_, P) when is_pid(P) -> pid;
scrub(Port, T) when is_tuple(T) -> list_to_tuple(scrub(Port, tuple_to_list(T)));
scrub(Port, [H | T]) -> [scrub(Port, H) | scrub(Port, T)];
scrub(_, T) -> T.

badarg(F) ->
    try F() of V -> {value, V} catch error:badarg -> badarg end.
