-module(processes_trap_exit).
-export([start/0]).

%% With trap_exit, exits of linked processes arrive as {'EXIT', Pid, Reason}
%% messages. Pids are printed as atoms (child_a, ...) after checking them.
name(Pid, Names) ->
    case lists:keyfind(Pid, 1, Names) of
        {_, N} -> N;
        false -> unknown_pid
    end.

start() ->
    %% The initial value of the flag is not printed: under `erl -eval` the first
    %% process already traps exits, which is an artefact of how erl starts it.
    _ = process_flag(trap_exit, true),
    erlang:display(process_flag(trap_exit, true)),
    A = spawn_link(fun() -> exit(reason_a) end),
    B = spawn_link(fun() -> ok end),
    C = spawn_link(fun() -> exit({shutdown, c}) end),
    D = spawn_link(fun() -> receive stop -> exit(stopped) end end),
    Names = [{A, child_a}, {B, child_b}, {C, child_c}, {D, child_d}],
    Got = [receive {'EXIT', P, R} -> {'EXIT', name(P, Names), R} end || _ <- [1, 2, 3]],
    erlang:display(lists:sort(Got)),
    D ! stop,
    receive {'EXIT', D, R} -> erlang:display({'EXIT', child_d, R}) end,
    E = spawn_link(fun() -> receive never -> ok end end),
    exit(E, custom_kill_reason),
    receive {'EXIT', E, RE} -> erlang:display({'EXIT', child_e, RE}) end,
    F = spawn_link(fun() -> receive never -> ok end end),
    exit(F, kill),
    receive {'EXIT', F, RF} -> erlang:display({'EXIT', child_f, RF}) end,
    erlang:display(process_flag(trap_exit, false)),
    ok.
