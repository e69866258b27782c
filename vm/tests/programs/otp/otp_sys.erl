-module(otp_sys).
-behaviour(gen_server).
-export([start/0, init/1, handle_call/3, handle_cast/2, handle_info/2, terminate/2,
         callback_mode/0, handle_event/4]).

%% sys on a gen_server and on a gen_statem: get_state, replace_state (also with
%% a crashing fun), suspend/resume with messages queued while suspended,
%% get_status (only the safe parts printed), log/statistics on and off,
%% no_debug, and sys:terminate.
start() ->
    process_flag(trap_exit, true),
    {ok, P} = gen_server:start_link(?MODULE, #{count => 0, items => []}, []),
    ok = gen_server:cast(P, {push, a}),
    io:format("get_state: ~p~n", [sys:get_state(P)]),
    io:format("replace_state: ~p~n",
              [sys:replace_state(P, fun(S = #{count := C}) -> S#{count := C + 100} end)]),
    io:format("call after replace: ~p~n", [gen_server:call(P, count)]),
    io:format("replace_state crash: ~p~n",
              [try sys:replace_state(P, fun(_) -> exit(nope) end)
               catch error:{callback_failed, {gen_server, system_replace_state}, {exit, nope}} ->
                       callback_failed
               end]),
    io:format("state unchanged: ~p~n", [sys:get_state(P)]),
    ok = sys:suspend(P),
    ok = gen_server:cast(P, {push, b}),
    P ! {push, c},
    io:format("suspended state: ~p~n", [sys:get_state(P)]),
    {status, P, {module, gen_server}, [PDict, SStatus, Parent, _Dbg, Misc]} = sys:get_status(P),
    io:format("status while suspended: ~p parent_is_me=~p dict_is_list=~p~n",
              [SStatus, Parent =:= self(), is_list(PDict)]),
    io:format("status data: ~p~n", [[D || {data, D} <- Misc, not has_pid(D)]]),
    Caller = self(),
    Helper = spawn_link(fun() -> Caller ! {helper, gen_server:call(P, count)} end),
    io:format("call while suspended answered: ~p~n",
              [receive {helper, _} -> yes after 50 -> no end]),
    ok = sys:resume(P),
    receive {helper, HC} -> io:format("call answered after resume: ~p~n", [HC]) end,
    receive {'EXIT', Helper, normal} -> ok end,
    io:format("state after resume: ~p~n", [sys:get_state(P)]),
    {status, P, _, [_, SStatus2, _, _, _]} = sys:get_status(P),
    io:format("status after resume: ~p~n", [SStatus2]),
    ok = sys:log(P, true),
    ok = gen_server:cast(P, {push, d}),
    _ = gen_server:call(P, count),
    {ok, Events} = sys:log(P, get),
    io:format("logged events: ~p~n", [[event_kind(E) || E <- Events]]),
    ok = sys:log(P, false),
    ok = sys:statistics(P, true),
    _ = gen_server:call(P, count),
    {ok, Stats} = sys:statistics(P, get),
    io:format("statistics keys: ~p~n", [lists:sort([K || {K, _} <- Stats])]),
    io:format("statistics messages: ~p~n",
              [{proplists:get_value(messages_in, Stats), proplists:get_value(messages_out, Stats)}]),
    ok = sys:statistics(P, false),
    io:format("statistics off: ~p~n", [sys:statistics(P, get)]),
    ok = sys:no_debug(P),
    ok = sys:terminate(P, {shutdown, sys_said_so}),
    receive {'EXIT', P, R} -> io:format("terminated: ~p~n", [R]) end,
    receive {terminate, TR, TS} -> io:format("terminate/2: ~p ~p~n", [TR, TS]) end,
    %% gen_statem: state is {State, Data}
    {ok, M} = gen_statem:start_link(?MODULE, statem, []),
    io:format("statem get_state: ~p~n", [sys:get_state(M)]),
    io:format("statem replace_state: ~p~n",
              [sys:replace_state(M, fun({S, D}) -> {S, D + 1} end)]),
    ok = sys:suspend(M),
    ok = gen_statem:cast(M, flip),
    io:format("statem suspended: ~p~n", [sys:get_state(M)]),
    ok = sys:resume(M),
    io:format("statem resumed: ~p~n", [sys:get_state(M)]),
    {status, M, {module, gen_statem}, [_, MS, _, _, _]} = sys:get_status(M),
    io:format("statem status: ~p~n", [MS]),
    ok = sys:terminate(M, normal),
    receive {'EXIT', M, MR} -> io:format("statem terminated: ~p~n", [MR]) end,
    ok.

has_pid(T) when is_pid(T) -> true;
has_pid(T) when is_tuple(T) -> has_pid(tuple_to_list(T));
has_pid([H | T]) -> has_pid(H) orelse has_pid(T);
has_pid(M) when is_map(M) -> has_pid(maps:to_list(M));
has_pid(_) -> false.

event_kind({in, {'$gen_call', _From, Msg}}) -> {in_call, Msg};
event_kind({in, Msg}) -> {in, Msg};
event_kind({in, Msg, _From}) -> {in_call, Msg};
event_kind({out, Reply, _To, _State}) -> {out, Reply};
event_kind({out, Reply, _To}) -> {out, Reply};
event_kind({noreply, S}) -> {noreply, S};
event_kind(Other) -> {other, element(1, Other)}.

init(statem) -> {ok, off, 0};  %% used as gen_statem below
init(S) -> put(owner, hd(get('$ancestors'))), {ok, S}.

handle_call(count, _From, S = #{count := C}) -> {reply, C, S}.

handle_cast({push, X}, S = #{items := L, count := C}) -> {noreply, S#{items := [X | L], count := C + 1}};
handle_cast(flip, S) -> {noreply, S}.

handle_info({push, X}, S) -> handle_cast({push, X}, S).

terminate(Reason, S) ->
    get(owner) ! {terminate, Reason, S},
    ok.

%% gen_statem callbacks (the behaviour is not declared: init/1 would conflict)
callback_mode() -> handle_event_function.

handle_event(cast, flip, off, D) -> {next_state, on, D};
handle_event(cast, flip, on, D) -> {next_state, off, D}.
