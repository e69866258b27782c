-module(otp_sup_simple).
-behaviour(supervisor).
-export([start/0, init/1, start_worker/2, start_plain/1]).

%% simple_one_for_one: start_child appending arguments, which_children and
%% count_children (sorted, pids hidden), terminate_child by pid, a restarted
%% transient child, an ignored start, a failing start; then dynamic children of
%% a one_for_one supervisor: start_child with a child spec map and a tuple,
%% duplicate ids, check_childspecs, get_childspec.
start() ->
    process_flag(trap_exit, true),
    {ok, Sup} = supervisor:start_link({local, otp_sup_simple_sup}, ?MODULE, simple),
    io:format("registered: ~p~n", [whereis(otp_sup_simple_sup) =:= Sup]),
    io:format("empty: ~p ~p~n", [supervisor:which_children(Sup), supervisor:count_children(Sup)]),
    Pids = [begin {ok, P} = supervisor:start_child(Sup, [N]), {N, P} end || N <- [10, 20, 30]],
    io:format("answers: ~p~n", [[ask(P, args) || {_, P} <- Pids]]),
    io:format("children: ~p~n", [children(Sup)]),
    io:format("count: ~p~n", [supervisor:count_children(Sup)]),
    io:format("start ignore: ~p~n", [supervisor:start_child(Sup, [ignore])]),
    io:format("start error: ~p~n", [supervisor:start_child(Sup, [fail])]),
    io:format("start extra info: ~p~n",
              [case supervisor:start_child(Sup, [info]) of
                   {ok, P1, Info} -> {ok, is_pid(P1), Info}
               end]),
    {_, P20} = lists:keyfind(20, 1, Pids),
    io:format("terminate by pid: ~p~n", [supervisor:terminate_child(Sup, P20)]),
    io:format("terminate again: ~p~n", [supervisor:terminate_child(Sup, P20)]),
    io:format("alive after terminate: ~p~n", [is_process_alive(P20)]),
    io:format("children: ~p~n", [children(Sup)]),
    %% transient: an abnormal exit restarts with the same arguments
    {_, P10} = lists:keyfind(10, 1, Pids),
    MRef = monitor(process, P10),
    P10 ! {exit, crashed},
    receive {'DOWN', MRef, process, P10, crashed} -> ok end,
    New10 = wait_for(Sup, fun(Ch) -> lists:sort(answers(Ch)) =:= [{arg, 10}, {arg, 30}, {arg, info}] end),
    io:format("after crash: ~p~n", [lists:sort(answers(New10))]),
    %% transient: a normal exit is not restarted
    [P30] = [P || {_, P, _, _} <- supervisor:which_children(Sup), ask(P, args) =:= {arg, 30}],
    MRef2 = monitor(process, P30),
    P30 ! {exit, normal},
    receive {'DOWN', MRef2, process, P30, normal} -> ok end,
    Left = wait_for(Sup, fun(Ch) -> length(Ch) =:= 2 end),
    io:format("after normal exit: ~p~n", [lists:sort(answers(Left))]),
    io:format("count: ~p~n", [supervisor:count_children(Sup)]),
    io:format("restart_child on simple: ~p~n", [supervisor:restart_child(Sup, x)]),
    io:format("delete_child on simple: ~p~n", [supervisor:delete_child(Sup, x)]),
    ok = supervisor:terminate_child(otp_sup_simple_sup, element(2, hd(supervisor:which_children(Sup)))),
    io:format("count: ~p~n", [supervisor:count_children(otp_sup_simple_sup)]),
    stop(Sup),
    %% dynamic children in a one_for_one supervisor
    {ok, S2} = supervisor:start_link(?MODULE, dynamic),
    Spec = #{id => w1, start => {?MODULE, start_plain, [w1]}},
    {ok, W1} = supervisor:start_child(S2, Spec),
    io:format("w1 answers: ~p~n", [ask(W1, args)]),
    io:format("duplicate running: ~p~n",
              [case supervisor:start_child(S2, Spec) of
                   {error, {already_started, W1}} -> already_started_same_pid;
                   Other -> Other
               end]),
    {ok, _} = supervisor:start_child(S2, {w2, {?MODULE, start_plain, [w2]},
                                          transient, 500, worker, [?MODULE]}),
    io:format("children: ~p~n", [children(S2)]),
    io:format("get_childspec: ~p~n", [supervisor:get_childspec(S2, w2)]),
    io:format("get_childspec missing: ~p~n", [supervisor:get_childspec(S2, nope)]),
    ok = supervisor:terminate_child(S2, w1),
    io:format("duplicate stopped: ~p~n", [supervisor:start_child(S2, Spec)]),
    io:format("bad spec: ~p~n",
              [supervisor:start_child(S2, #{id => w3, start => {?MODULE, start_plain, [w3]},
                                            restart => sometimes})]),
    io:format("check ok: ~p~n", [supervisor:check_childspecs([Spec])]),
    io:format("check bad: ~p~n", [supervisor:check_childspecs([#{id => x}])]),
    io:format("count: ~p~n", [supervisor:count_children(S2)]),
    stop(S2),
    ok.

stop(Sup) ->
    unlink(Sup),
    Ref = monitor(process, Sup),
    exit(Sup, shutdown),
    receive {'DOWN', Ref, process, Sup, R} -> io:format("supervisor down: ~p~n", [R]) end.

wait_for(Sup, Pred) -> wait_for(Sup, Pred, 2000).
wait_for(Sup, _Pred, 0) -> supervisor:which_children(Sup);
wait_for(Sup, Pred, N) ->
    Ch = supervisor:which_children(Sup),
    case Pred(Ch) of
        true -> Ch;
        false -> timer:sleep(1), wait_for(Sup, Pred, N - 1)
    end.

answers(Children) -> [ask(P, args) || {_, P, _, _} <- Children, is_pid(P)].

ask(P, Q) ->
    P ! {Q, self()},
    receive {answer, P, A} -> A after 1000 -> no_answer end.

children(Sup) ->
    lists:sort([{Id, is_pid(P), Type, Mods} || {Id, P, Type, Mods} <- supervisor:which_children(Sup)]).

init(simple) ->
    {ok, {#{strategy => simple_one_for_one, intensity => 5, period => 10},
          [#{id => worker, start => {?MODULE, start_worker, [arg]},
             restart => transient, shutdown => brutal_kill}]}};
init(dynamic) ->
    {ok, {#{}, []}}.

start_worker(arg, ignore) -> ignore;
start_worker(arg, fail) -> {error, no_way};
start_worker(arg, info) ->
    Pid = proc_lib:spawn_link(fun() -> loop({arg, info}) end),
    {ok, Pid, extra_info};
start_worker(arg, N) ->
    {ok, proc_lib:spawn_link(fun() -> loop({arg, N}) end)}.

start_plain(Id) ->
    {ok, proc_lib:spawn_link(fun() -> loop({plain, Id}) end)}.

loop(A) ->
    receive
        {args, From} -> From ! {answer, self(), A}, loop(A);
        {exit, R} -> exit(R)
    end.
