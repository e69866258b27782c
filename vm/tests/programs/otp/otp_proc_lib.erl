-module(otp_proc_lib).
-export([start/0, id/1, worker/1, acking/2, slow_init/1, special_init/2,
         system_continue/3, system_terminate/4, system_get_state/1,
         system_replace_state/2, system_code_change/4]).

%% proc_lib: spawn/spawn_link/spawn_opt, start/start_link with init_ack/1,2,
%% failing starts (error returned by init_ack, exit or crash before the ack,
%% timeout), $ancestors and $initial_call, initial_call/1,
%% translate_initial_call/1, exit reasons of error/throw crashes, hibernate, and
%% a hand-written special process speaking the sys protocol (get_state,
%% replace_state, suspend/resume, proc_lib:stop).
start() ->
    process_flag(trap_exit, true),
    Self = self(),
    P1 = proc_lib:spawn_link(fun() -> Self ! {info, self(), info()} end),
    receive {info, P1, I1} -> io:format("spawn_link fun: ~p~n", [I1]) end,
    receive {'EXIT', P1, R1} -> io:format("spawn_link exit: ~p~n", [R1]) end,
    P2 = proc_lib:spawn(?MODULE, worker, [Self]),
    M2 = monitor(process, P2),
    receive {info, P2, I2} -> io:format("spawn mfa: ~p~n", [I2]) end,
    io:format("initial_call: ~p~n", [proc_lib:initial_call(P2)]),
    io:format("translate_initial_call: ~p~n", [proc_lib:translate_initial_call(P2)]),
    P2 ! {exit, done},
    receive {'DOWN', M2, process, P2, R2} -> io:format("spawn exit: ~p~n", [R2]) end,
    {P3, M3} = proc_lib:spawn_opt(fun() -> exit(from_spawn_opt) end, [monitor]),
    receive {'DOWN', M3, process, P3, R3} -> io:format("spawn_opt monitor: ~p~n", [R3]) end,
    %% crash reasons
    {P4, M4} = proc_lib:spawn_opt(fun() -> 1 / ?MODULE:id(0) end, [monitor]),
    receive {'DOWN', M4, process, P4, {badarith, St4}} ->
            io:format("error crash: badarith with stack ~p~n", [is_list(St4)])
    end,
    {P5, M5} = proc_lib:spawn_opt(fun() -> throw(ball) end, [monitor]),
    receive {'DOWN', M5, process, P5, {{nocatch, ball}, St5}} ->
            io:format("throw crash: nocatch ball with stack ~p~n", [is_list(St5)])
    end,
    %% start_link and init_ack
    {ok, P6} = proc_lib:start_link(?MODULE, acking, [Self, ok]),
    io:format("start_link acked: ~p~n", [is_pid(P6)]),
    receive {info, P6, I6} -> io:format("started info: ~p~n", [I6]) end,
    {ack2, IsParent, PA} = proc_lib:start_link(?MODULE, acking, [Self, ack2]),
    io:format("start_link init_ack/2: ~p~n", [{ack2, IsParent}]),
    receive {'EXIT', PA, RA} -> io:format("init_ack/2 process exit: ~p~n", [RA]) end,
    io:format("start error ack: ~p~n", [proc_lib:start(?MODULE, acking, [Self, error_ack])]),
    io:format("start exit before ack: ~p~n", [proc_lib:start(?MODULE, acking, [Self, exit_early])]),
    io:format("start_link exit before ack: ~p~n",
              [proc_lib:start_link(?MODULE, acking, [Self, exit_early])]),
    flush_exits(),
    io:format("start crash before ack: ~p~n",
              [case proc_lib:start(?MODULE, acking, [Self, crash_early]) of
                   {error, {badarith, S}} when is_list(S) -> {error, badarith};
                   Other -> Other
               end]),
    io:format("start timeout: ~p~n", [proc_lib:start(?MODULE, slow_init, [Self], 20)]),
    P6 ! stop,
    receive {'EXIT', P6, R6} -> io:format("started process exit: ~p~n", [R6]) end,
    %% hibernate
    P7 = proc_lib:spawn_link(fun() -> Self ! {ready, self()}, proc_lib:hibernate(?MODULE, worker, [Self]) end),
    receive {ready, P7} -> ok end,
    wait_hibernated(P7, 1000),
    io:format("hibernating: ~p~n", [erlang:process_info(P7, current_function)]),
    P7 ! wake,
    receive {info, P7, I7} -> io:format("woken: ~p~n", [I7]) end,
    P7 ! {exit, normal},
    receive {'EXIT', P7, R7} -> io:format("hibernated exit: ~p~n", [R7]) end,
    %% a special process
    {ok, SP} = proc_lib:start_link(?MODULE, special_init, [Self, 0]),
    SP ! {add, 5},
    io:format("special get_state: ~p~n", [sys:get_state(SP)]),
    io:format("special replace_state: ~p~n", [sys:replace_state(SP, fun(S) -> S * 10 end)]),
    ok = sys:suspend(SP),
    SP ! {add, 1},
    io:format("suspended get_state: ~p~n", [sys:get_state(SP)]),
    ok = sys:resume(SP),
    io:format("resumed get_state: ~p~n", [sys:get_state(SP)]),
    {status, SP, {module, ?MODULE}, [_, Status, _, _, Misc]} = sys:get_status(SP),
    io:format("special status: ~p ~p~n", [Status, element(2, Misc)]),
    io:format("proc_lib:stop: ~p~n", [proc_lib:stop(SP, going, 1000)]),
    receive {terminating, SP, TR, TS} -> io:format("special terminate: ~p ~p~n", [TR, TS]) end,
    receive {'EXIT', SP, SR} -> io:format("special exit: ~p~n", [SR]) end,
    ok.

id(X) -> X.

flush_exits() ->
    receive {'EXIT', _, R} -> io:format("flushed exit: ~p~n", [R]), flush_exits()
    after 0 -> ok
    end.

wait_hibernated(_P, 0) -> ok;
wait_hibernated(P, N) ->
    case erlang:process_info(P, current_function) of
        {current_function, {erlang, hibernate, 3}} -> ok;
        _ -> timer:sleep(1), wait_hibernated(P, N - 1)
    end.

info() ->
    [Parent | _] = Anc = get('$ancestors'),
    {length(Anc), is_pid(Parent), get('$initial_call')}.

worker(Owner) ->
    Owner ! {info, self(), info()},
    receive
        wake -> worker(Owner);
        {exit, R} -> exit(R)
    end.

acking(Owner, ok) ->
    proc_lib:init_ack({ok, self()}),
    Owner ! {info, self(), info()},
    receive stop -> exit(stopped) end;
acking(_Owner, ack2) ->
    [Parent | _] = get('$ancestors'),
    proc_lib:init_ack(Parent, {ack2, is_pid(Parent), self()});
acking(_Owner, error_ack) ->
    proc_lib:init_ack({error, refused}),
    exit(normal);
acking(_Owner, exit_early) ->
    exit(no_luck);
acking(_Owner, crash_early) ->
    1 / ?MODULE:id(0).

slow_init(_Owner) ->
    receive never -> ok end.

special_init(Owner, State) ->
    Parent = hd(get('$ancestors')),
    proc_lib:init_ack({ok, self()}),
    special_loop(Parent, Owner, State).

special_loop(Parent, Owner, State) ->
    receive
        {system, From, Request} ->
            sys:handle_system_msg(Request, From, Parent, ?MODULE, [], {Owner, State});
        {add, N} ->
            special_loop(Parent, Owner, State + N)
    end.

system_continue(Parent, _Debug, {Owner, State}) ->
    special_loop(Parent, Owner, State).

system_terminate(Reason, _Parent, _Debug, {Owner, State}) ->
    Owner ! {terminating, self(), Reason, State},
    exit(Reason).

system_get_state({_Owner, State}) -> {ok, State}.

system_replace_state(F, {Owner, State}) ->
    New = F(State),
    {ok, New, {Owner, New}}.

system_code_change(Misc, _Module, _OldVsn, _Extra) -> {ok, Misc}.
