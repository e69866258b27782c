-module(processes_spawn_monitor).
-export([start/0]).

%% spawn_monitor/1 and /3: results passed back through the exit reason.
square(X) -> exit({result, X * X}).

start() ->
    {P1, R1} = spawn_monitor(fun() -> exit({result, 6 * 7}) end),
    receive {'DOWN', R1, process, P1, Res1} -> erlang:display(Res1) end,
    {P2, R2} = spawn_monitor(fun() -> square(9) end),
    receive {'DOWN', R2, process, P2, Res2} -> erlang:display(Res2) end,
    {P3, R3} = spawn_monitor(erlang, exit, [direct_exit_reason]),
    receive {'DOWN', R3, process, P3, Res3} -> erlang:display(Res3) end,
    Jobs = [spawn_monitor(fun() -> exit({result, N, lists:sum(lists:seq(1, N))}) end)
            || N <- [10, 100, 1000]],
    Results = [receive {'DOWN', R, process, P, Res} -> Res end || {P, R} <- Jobs],
    erlang:display(Results),
    {P4, R4} = spawn_monitor(fun() -> ok end),
    receive {'DOWN', R4, process, P4, Res4} -> erlang:display(Res4) end,
    ok.
