-module(processes_link_normal).
-export([start/0]).

%% A linked process exiting normally does not kill its partner; a non-normal exit
%% kills a non-trapping partner (observed through a monitor on the partner).
start() ->
    Self = self(),
    Partner = spawn(fun() ->
                            Child = spawn_link(fun() -> ok end),
                            Ref = monitor(process, Child),
                            receive {'DOWN', Ref, process, Child, R} -> Self ! {child_exit, R} end,
                            receive continue -> Self ! partner_alive end
                    end),
    receive {child_exit, R1} -> erlang:display({child_exit, R1}) end,
    Partner ! continue,
    receive partner_alive -> erlang:display(partner_survived_normal_exit) end,
    Victim = spawn(fun() ->
                           spawn_link(fun() -> exit(crash) end),
                           receive never -> ok end
                   end),
    MRef = monitor(process, Victim),
    receive {'DOWN', MRef, process, Victim, R2} -> erlang:display({victim_down, R2}) end,
    Child2 = spawn(fun() -> receive never -> ok end end),
    link(Child2),
    unlink(Child2),
    MRef2 = monitor(process, Child2),
    exit(Child2, kill),
    receive {'DOWN', MRef2, process, Child2, R3} -> erlang:display({unlinked_child_down, R3}) end,
    erlang:display(still_alive_after_unlink),
    ok.
