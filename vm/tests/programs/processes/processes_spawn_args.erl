-module(processes_spawn_args).
-export([start/0, worker/3]).

%% spawn/3 with arguments, spawn of closures capturing large data, spawn_link/3,
%% spawn_opt with monitor.
worker(Parent, Tag, Data) -> Parent ! {Tag, lists:sum(Data)}.

start() ->
    Self = self(),
    Data = lists:seq(1, 1000),
    spawn(?MODULE, worker, [Self, t1, Data]),
    receive {t1, S1} -> erlang:display(S1) end,
    Big = {Data, list_to_binary(lists:duplicate(100000, $x)), #{k => Data}},
    spawn(fun() -> {D, B, M} = Big, Self ! {t2, length(D), byte_size(B), length(maps:get(k, M))} end),
    receive {t2, A, B2, C} -> erlang:display({A, B2, C}) end,
    process_flag(trap_exit, true),
    L = spawn_link(?MODULE, worker, [Self, t3, [1, 2, 3]]),
    receive {t3, S3} -> erlang:display(S3) end,
    receive {'EXIT', L, R} -> erlang:display({'EXIT', linked_worker, R}) end,
    {P, Ref} = spawn_opt(fun() -> exit(from_spawn_opt) end, [monitor]),
    receive {'DOWN', Ref, process, P, R4} -> erlang:display(R4) end,
    ok.
