-module(processes_monitors).
-export([start/0]).

%% monitor/2 and 'DOWN' messages (only the reason is printed), demonitor with
%% flush, monitoring a dead process gives noproc, several monitors on one process.
start() ->
    P1 = spawn(fun() -> receive stop -> exit(stopped_by_request) end end),
    R1 = monitor(process, P1),
    P1 ! stop,
    receive {'DOWN', R1, process, P1, Why1} -> erlang:display({down, Why1}) end,
    P2 = spawn(fun() -> ok end),
    R2 = monitor(process, P2),
    receive {'DOWN', R2, process, _, Why2} -> erlang:display({down, Why2}) end,
    R3 = monitor(process, P2),
    receive {'DOWN', R3, process, _, Why3} -> erlang:display({down_dead_process, Why3}) end,
    P4 = spawn(fun() -> receive stop -> ok end end),
    R4 = monitor(process, P4),
    erlang:display(demonitor(R4)),
    P4 ! stop,
    erlang:display(receive {'DOWN', R4, _, _, _} -> got_down_after_demonitor after 50 -> no_down end),
    P5 = spawn(fun() -> receive never -> ok end end),
    R5 = monitor(process, P5),
    erlang:display(demonitor(R5, [flush, info])),
    exit(P5, kill),
    erlang:display(receive {'DOWN', R5, _, _, _} -> got_down after 50 -> flushed end),
    erlang:display(demonitor(R1, [info])),
    P6 = spawn(fun() -> receive stop -> exit(twice) end end),
    Ra = monitor(process, P6),
    Rb = monitor(process, P6),
    erlang:display(Ra =:= Rb),
    P6 ! stop,
    Downs = [receive {'DOWN', R, process, P6, W} -> {R =:= Ra, R =:= Rb, W} end || R <- [Ra, Rb]],
    erlang:display(Downs),
    P7 = spawn(fun() -> receive never -> ok end end),
    R7 = monitor(process, P7),
    exit(P7, kill),
    receive {'DOWN', R7, process, P7, Why7} -> erlang:display({down, Why7}) end,
    ok.
