-module(otp_sup_strategies).
-behaviour(supervisor).
-export([start/0, init/1, start_worker/2]).

%% supervisor restart strategies one_for_one, one_for_all and rest_for_one with
%% three plain (proc_lib) workers each. Workers report start and shutdown to the
%% test process; the supervisor starts children in order and stops them in
%% reverse order, one at a time, so the reports arrive in a fixed order.
start() ->
    process_flag(trap_exit, true),
    [run(S) || S <- [one_for_one, one_for_all, rest_for_one]],
    ok.

run(Strategy) ->
    io:format("== ~p~n", [Strategy]),
    {ok, Sup} = supervisor:start_link(?MODULE, {Strategy, self()}),
    collect(c3),
    io:format("children: ~p~n", [children(Sup)]),
    io:format("count: ~p~n", [supervisor:count_children(Sup)]),
    kill_child(Sup, c2),
    case Strategy of
        one_for_one -> collect(c2);
        _ -> collect(c3)
    end,
    io:format("children after kill c2: ~p~n", [children(Sup)]),
    kill_child(Sup, c1),
    case Strategy of
        one_for_one -> collect(c1);
        _ -> collect(c3)
    end,
    io:format("children after kill c1: ~p~n", [children(Sup)]),
    Old3 = child_pid(Sup, c3),
    kill_child(Sup, c3),
    collect(c3),
    io:format("c3 replaced: ~p~n", [child_pid(Sup, c3) =/= Old3]),
    io:format("gen: ~p~n", [[gen(Sup, Id) || Id <- [c1, c2, c3]]]),
    unlink(Sup),
    Ref = monitor(process, Sup),
    exit(Sup, shutdown),
    collect_down(Ref),
    ok.

%% Every worker is told its generation number (how many times this id started).
gen(Sup, Id) ->
    Pid = child_pid(Sup, Id),
    Pid ! {gen, self()},
    receive {gen, Id, G} -> G end.

kill_child(Sup, Id) ->
    Pid = child_pid(Sup, Id),
    io:format("kill ~p~n", [Id]),
    exit(Pid, kill).

child_pid(Sup, Id) ->
    {Id, Pid, worker, _} = lists:keyfind(Id, 1, supervisor:which_children(Sup)),
    Pid.

children(Sup) ->
    [{Id, is_pid(P), Type, Mods} || {Id, P, Type, Mods} <- supervisor:which_children(Sup)].

collect(Last) ->
    receive
        {started, Last, G} -> io:format("started ~p gen ~p~n", [Last, G]);
        {started, Id, G} -> io:format("started ~p gen ~p~n", [Id, G]), collect(Last);
        {stopped, Id, R} -> io:format("stopped ~p ~p~n", [Id, R]), collect(Last)
    after 2000 -> io:format("timeout waiting for ~p~n", [Last])
    end.

collect_down(Ref) ->
    receive
        {stopped, Id, R} -> io:format("stopped ~p ~p~n", [Id, R]), collect_down(Ref);
        {'DOWN', Ref, process, _, R} -> io:format("supervisor down: ~p~n", [R])
    end.

init({Strategy, Owner}) ->
    put(owner, Owner),
    Flags = #{strategy => Strategy, intensity => 10, period => 10},
    Specs = [#{id => Id, start => {?MODULE, start_worker, [Id, Owner]},
               shutdown => 1000, type => worker, modules => [?MODULE]}
             || Id <- [c1, c2, c3]],
    {ok, {Flags, Specs}}.

%% Runs in the supervisor: counts generations in the supervisor's dictionary.
start_worker(Id, Owner) ->
    G = case get({gen, Id}) of undefined -> 1; N -> N + 1 end,
    put({gen, Id}, G),
    Pid = proc_lib:spawn_link(fun() -> worker(Id, G, Owner) end),
    Owner ! {started, Id, G},
    {ok, Pid}.

worker(Id, G, Owner) ->
    process_flag(trap_exit, true),
    worker_loop(Id, G, Owner).

worker_loop(Id, G, Owner) ->
    receive
        {'EXIT', _From, Reason} ->
            Owner ! {stopped, Id, Reason},
            exit(Reason);
        {gen, From} ->
            From ! {gen, Id, G},
            worker_loop(Id, G, Owner)
    end.
