-module(processes_is_alive).
-export([start/0]).

%% is_process_alive/1 before and after a process exits (death is observed with a
%% monitor first so the answer does not depend on timing).
start() ->
    erlang:display(is_process_alive(self())),
    P = spawn(fun() -> receive stop -> ok end end),
    erlang:display(is_process_alive(P)),
    Ref = monitor(process, P),
    P ! stop,
    receive {'DOWN', Ref, process, P, normal} -> ok end,
    erlang:display(is_process_alive(P)),
    Q = spawn(fun() -> receive never -> ok end end),
    erlang:display(is_process_alive(Q)),
    RefQ = monitor(process, Q),
    exit(Q, kill),
    receive {'DOWN', RefQ, process, Q, killed} -> ok end,
    erlang:display(is_process_alive(Q)),
    Ps = [spawn(fun() -> receive stop -> ok end end) || _ <- lists:seq(1, 10)],
    erlang:display(length([X || X <- Ps, is_process_alive(X)])),
    Refs = [monitor(process, X) || X <- Ps],
    [X ! stop || X <- Ps],
    [receive {'DOWN', R, process, _, _} -> ok end || R <- Refs],
    erlang:display(length([X || X <- Ps, is_process_alive(X)])),
    ok.
