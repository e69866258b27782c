-module(processes_exit_signals).
-export([start/0]).

%% exit/2 signals: normal is ignored by non-trapping processes, kill is
%% untrappable (reason becomes killed), other reasons kill non-trapping processes
%% and become messages for trapping ones.
wait_down({P, Ref}) ->
    receive {'DOWN', Ref, process, P, R} -> R end.

start() ->
    Self = self(),
    P1 = spawn(fun() -> receive ping -> Self ! {p1, pong} end end),
    exit(P1, normal),
    P1 ! ping,
    receive {p1, pong} -> erlang:display(p1_survived_normal_signal) end,
    {P2, _} = M2 = spawn_monitor(fun() -> receive never -> ok end end),
    exit(P2, some_reason),
    erlang:display({p2, wait_down(M2)}),
    P3 = spawn(fun() ->
                       process_flag(trap_exit, true),
                       Self ! p3_ready,
                       receive {'EXIT', From, R} -> Self ! {p3_got, From =:= Self, R} end,
                       receive {'EXIT', _, R2} -> Self ! {p3_got_second, R2} end
               end),
    receive p3_ready -> ok end,
    exit(P3, trapped_reason),
    receive {p3_got, FromMain, R3} -> erlang:display({p3_got, FromMain, R3}) end,
    exit(P3, normal),
    receive {p3_got_second, R4} -> erlang:display({p3_got_second, R4}) end,
    {P4, _} = M4 = spawn_monitor(fun() -> process_flag(trap_exit, true), Self ! p4_ready, receive never -> ok end end),
    receive p4_ready -> ok end,
    exit(P4, kill),
    erlang:display({p4, wait_down(M4)}),
    M5 = spawn_monitor(fun() -> exit(self(), own_reason), receive never -> ok end end),
    erlang:display({p5, wait_down(M5)}),
    {P6, _} = M6 = spawn_monitor(fun() -> receive never -> ok end end),
    exit(P6, kill),
    erlang:display({p6, wait_down(M6)}),
    {P7, R7} = spawn_monitor(fun() -> receive never -> ok end end),
    exit(P7, kill),
    receive {'DOWN', R7, process, P7, _} -> ok end,
    %% Monitoring a process that is already dead gives noproc.
    erlang:display({p7, wait_down({P7, monitor(process, P7)})}),
    ok.
