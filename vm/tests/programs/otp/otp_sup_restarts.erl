-module(otp_sup_restarts).
-behaviour(supervisor).
-export([start/0, init/1, start_worker/2]).

%% supervisor restart types (permanent, transient, temporary) with normal and
%% abnormal exits; terminate_child/restart_child/delete_child by id and their
%% error returns; a nested supervisor child; and the restart intensity being
%% exceeded, which shuts the supervisor down (reason observed with a monitor).
start() ->
    process_flag(trap_exit, true),
    {ok, Sup} = supervisor:start_link(?MODULE, {top, self()}),
    collect(tmp),
    io:format("children: ~p~n", [children(Sup)]),
    io:format("count: ~p~n", [supervisor:count_children(Sup)]),
    %% permanent: restarted after a normal exit
    crash(Sup, perm, normal),
    collect(perm),
    %% transient: restarted after an abnormal exit only
    crash(Sup, trans, oops),
    collect(trans),
    crash(Sup, trans, normal),
    wait_for(Sup, fun(Ch) -> lists:keyfind(trans, 1, Ch) =:= {trans, undefined, worker, [?MODULE]} end),
    io:format("after transient normal exit: ~p~n", [children(Sup)]),
    %% temporary: never restarted, and removed from the children
    crash(Sup, tmp, oops),
    wait_for(Sup, fun(Ch) -> lists:keyfind(tmp, 1, Ch) =:= false end),
    io:format("after temporary crash: ~p~n", [children(Sup)]),
    io:format("count: ~p~n", [supervisor:count_children(Sup)]),
    %% restart_child brings the stopped transient back
    io:format("restart trans: ~p~n", [ok_pid(supervisor:restart_child(Sup, trans))]),
    collect(trans),
    %% terminate/restart/delete by id
    io:format("terminate perm: ~p~n", [supervisor:terminate_child(Sup, perm)]),
    receive {stopped, perm, R} -> io:format("perm stopped: ~p~n", [R]) end,
    io:format("terminate perm again: ~p~n", [supervisor:terminate_child(Sup, perm)]),
    io:format("children: ~p~n", [children(Sup)]),
    io:format("restart running: ~p~n", [supervisor:restart_child(Sup, trans)]),
    io:format("delete running: ~p~n", [supervisor:delete_child(Sup, trans)]),
    io:format("restart perm: ~p~n", [ok_pid(supervisor:restart_child(Sup, perm))]),
    collect(perm),
    ok = supervisor:terminate_child(Sup, perm),
    receive {stopped, perm, _} -> ok end,
    io:format("delete perm: ~p~n", [supervisor:delete_child(Sup, perm)]),
    io:format("delete perm again: ~p~n", [supervisor:delete_child(Sup, perm)]),
    io:format("restart missing: ~p~n", [supervisor:restart_child(Sup, perm)]),
    io:format("terminate missing: ~p~n", [supervisor:terminate_child(Sup, perm)]),
    io:format("children: ~p~n", [children(Sup)]),
    %% nested supervisor
    {ok, Inner} = supervisor:start_child(Sup, #{id => inner, type => supervisor,
                                                start => {supervisor, start_link,
                                                          [?MODULE, {inner, self()}]}}),
    collect(deep),
    io:format("inner children: ~p~n", [children(Inner)]),
    io:format("count: ~p~n", [supervisor:count_children(Sup)]),
    ok = supervisor:terminate_child(Sup, inner),
    receive {stopped, deep, DR} -> io:format("deep stopped: ~p~n", [DR]) end,
    io:format("children: ~p~n", [children(Sup)]),
    %% intensity: 2 restarts allowed in 10 seconds, the third crash is too many
    {ok, Fragile} = supervisor:start_link(?MODULE, {fragile, self()}),
    collect(f),
    unlink(Fragile),
    Ref = monitor(process, Fragile),
    crash(Fragile, f, boom1),
    collect(f),
    crash(Fragile, f, boom2),
    collect(f),
    crash(Fragile, f, boom3),
    receive {'DOWN', Ref, process, Fragile, Why} -> io:format("fragile supervisor down: ~p~n", [Why]) end,
    io:format("fragile alive: ~p~n", [is_process_alive(Fragile)]),
    unlink(Sup),
    Ref2 = monitor(process, Sup),
    exit(Sup, shutdown),
    collect_down(Ref2),
    ok.

ok_pid({ok, P}) when is_pid(P) -> ok;
ok_pid(Other) -> Other.

crash(Sup, Id, Reason) ->
    {Id, Pid, _, _} = lists:keyfind(Id, 1, supervisor:which_children(Sup)),
    Ref = monitor(process, Pid),
    Pid ! {exit, Reason},
    receive {'DOWN', Ref, process, Pid, R} -> io:format("~p exited: ~p~n", [Id, R]) end.

wait_for(Sup, Pred) -> wait_for(Sup, Pred, 2000).
wait_for(_Sup, _Pred, 0) -> io:format("wait_for gave up~n");
wait_for(Sup, Pred, N) ->
    case Pred(supervisor:which_children(Sup)) of
        true -> ok;
        false -> timer:sleep(1), wait_for(Sup, Pred, N - 1)
    end.

children(Sup) ->
    lists:sort([{Id, if is_pid(P) -> pid; true -> P end, Type}
                || {Id, P, Type, _} <- supervisor:which_children(Sup)]).

collect(Last) ->
    receive
        {started, Last, G} -> io:format("started ~p #~p~n", [Last, G]);
        {started, Id, G} -> io:format("started ~p #~p~n", [Id, G]), collect(Last)
    after 2000 -> io:format("timeout waiting for ~p~n", [Last])
    end.

collect_down(Ref) ->
    receive
        {stopped, Id, R} -> io:format("stopped ~p ~p~n", [Id, R]), collect_down(Ref);
        {'DOWN', Ref, process, _, R} -> io:format("supervisor down: ~p~n", [R])
    end.

init({top, Owner}) ->
    {ok, {#{strategy => one_for_one, intensity => 20, period => 10},
          [spec(perm, permanent, Owner), spec(trans, transient, Owner),
           spec(tmp, temporary, Owner)]}};
init({inner, Owner}) ->
    {ok, {#{strategy => one_for_all}, [spec(deep, permanent, Owner)]}};
init({fragile, Owner}) ->
    {ok, {#{strategy => one_for_one, intensity => 2, period => 10},
          [spec(f, permanent, Owner)]}}.

spec(Id, Restart, Owner) ->
    #{id => Id, start => {?MODULE, start_worker, [Id, Owner]}, restart => Restart,
      shutdown => 1000}.

start_worker(Id, Owner) ->
    G = case get({gen, Id}) of undefined -> 1; N -> N + 1 end,
    put({gen, Id}, G),
    Pid = proc_lib:spawn_link(fun() -> process_flag(trap_exit, true), loop(Id, Owner) end),
    Owner ! {started, Id, G},
    {ok, Pid}.

loop(Id, Owner) ->
    receive
        {exit, R} -> exit(R);
        {'EXIT', _, R} -> Owner ! {stopped, Id, R}, exit(R)
    end.
