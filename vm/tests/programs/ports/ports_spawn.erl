-module(ports_spawn).
-export([start/0]).

start() ->
    p(os:cmd("echo hello; echo world")),
    p(os:cmd("printf 'no newline'")),
    p(os:cmd("echo to stderr 1>&2")),
    p(os:cmd("exit 3")),
    p(length(os:cmd("seq 1 20000"))),
    P = open_port({spawn, "cat"}, [binary, eof, exit_status]),
    true = port_command(P, <<"through cat\n">>),
    receive {P, {data, D}} -> p(D) after 2000 -> p(timeout) end,
    p(is_port(P)),
    true = port_close(P),
    p(lists:member(P, erlang:ports())),
    Q = open_port({spawn_executable, "/bin/sh"},
                  [{args, ["-c", "echo one; echo two; printf three; exit 7"]}, {line, 100},
                   exit_status, stderr_to_stdout]),
    p(collect(Q, [])),
    R = open_port({spawn_executable, "/bin/sh"}, [{args, ["-c", "echo $X; pwd"]},
                                                  {env, [{"X", "from env"}]}, {cd, "/"}, binary, exit_status]),
    %% Stream data arrives in chunks of whatever size: join them.
    {Chunks, Status} = lists:splitwith(fun is_binary/1, collect(R, [])),
    p({iolist_to_binary(Chunks), Status}),
    Ref = monitor(port, R),
    p(receive {'DOWN', Ref, port, R, Why} -> Why after 1000 -> none end),
    p(reason(fun() -> open_port({spawn_executable, "/no/such/program"}, []) end)),
    p(reason(fun() -> port_command(R, "x") end)),
    ok.

collect(P, Acc) ->
    receive
        {P, {data, D}} -> collect(P, [D | Acc]);
        {P, {exit_status, S}} -> lists:reverse([{exit_status, S} | Acc])
    after 2000 -> lists:reverse([timeout | Acc])
    end.

reason(F) -> try F() catch C:E -> {C, E} end.

p(X) -> io:format("~p~n", [X]).
