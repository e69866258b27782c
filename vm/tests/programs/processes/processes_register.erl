-module(processes_register).
-export([start/0]).

%% register/2, whereis/1, unregister/1, sending to a registered name, registering
%% twice (badarg), and names being released when the process dies.
start() ->
    Self = self(),
    P = spawn(fun Loop() ->
                      receive
                          {ping, From} -> From ! pong, Loop();
                          stop -> ok
                      end
              end),
    erlang:display(register(test_server_proc, P)),
    erlang:display(whereis(test_server_proc) =:= P),
    erlang:display(is_pid(whereis(test_server_proc))),
    erlang:display(whereis(no_such_registered_name)),
    erlang:display(lists:member(test_server_proc, registered())),
    test_server_proc ! {ping, Self},
    receive pong -> erlang:display(pong_via_name) end,
    erlang:display(try register(test_server_proc, self()) catch C:R -> {C, R} end),
    erlang:display(try no_such_registered_name ! hello catch C2:R2 -> {C2, R2} end),
    erlang:display(unregister(test_server_proc)),
    erlang:display(whereis(test_server_proc)),
    erlang:display(register(test_server_proc, P)),
    Ref = monitor(process, P),
    test_server_proc ! stop,
    receive {'DOWN', Ref, process, P, _} -> ok end,
    erlang:display(whereis(test_server_proc)),
    erlang:display(register(main_proc_name, self())),
    erlang:display(whereis(main_proc_name) =:= self()),
    main_proc_name ! to_myself,
    receive to_myself -> erlang:display(got_message_via_own_name) end,
    erlang:display(unregister(main_proc_name)),
    ok.
