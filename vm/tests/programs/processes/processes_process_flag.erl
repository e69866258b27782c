-module(processes_process_flag).
-export([start/0]).

%% process_flag/2 returns the old value; process_info items that are deterministic.
%% The initial trap_exit value of the first process is not printed (erl starts the
%% -eval process with trap_exit already set, an artefact of the runner).
start() ->
    _ = process_flag(trap_exit, false),
    erlang:display(process_flag(trap_exit, true)),
    erlang:display(process_flag(trap_exit, true)),
    erlang:display(process_flag(trap_exit, false)),
    erlang:display(process_info(self(), trap_exit)),
    erlang:display(process_flag(priority, high)),
    erlang:display(process_info(self(), priority)),
    erlang:display(process_flag(priority, normal)),
    Self = self(),
    P = spawn(fun() -> Self ! {child_flag, process_flag(trap_exit, true), process_info(self(), trap_exit)} end),
    receive {child_flag, Old, Info} -> erlang:display({Old, Info}) end,
    erlang:display(is_pid(P)),
    erlang:display(process_info(self(), registered_name)),
    register(flag_test_main, self()),
    erlang:display(process_info(self(), registered_name)),
    unregister(flag_test_main),
    ok.
