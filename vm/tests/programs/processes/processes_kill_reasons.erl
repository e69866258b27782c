-module(processes_kill_reasons).
-export([start/0]).

%% The reason `kill`: exit/1 with it is an ordinary reason that links pass on (and a
%% trapping process receives); exit/2 with it kills untrappably, as `killed`, which
%% links pass on.
start() ->
  {P, R} = spawn_monitor(fun() -> spawn_link(fun() -> exit(kill) end), receive after 300 -> ok end end),
  receive {'DOWN', R, process, P, Why} -> erlang:display(Why) end,
  {P2, R2} = spawn_monitor(fun() -> process_flag(trap_exit, true), spawn_link(fun() -> exit(kill) end), receive M -> exit({got, M}) end end),
  receive {'DOWN', R2, process, P2, {got, {'EXIT', _, Why2}}} -> erlang:display(Why2) end,
  {P3, R3} = spawn_monitor(fun() -> Self = self(), spawn(fun() -> exit(Self, kill) end), receive after 300 -> ok end end),
  receive {'DOWN', R3, process, P3, Why3} -> erlang:display(Why3) end,
  {P4, R4} = spawn_monitor(fun() -> spawn_link(fun() -> A = self(), spawn_link(fun() -> exit(A, kill) end), receive after 300 -> ok end end), receive after 600 -> ok end end),
  receive {'DOWN', R4, process, P4, Why4} -> erlang:display(Why4) end.
