-module(otp_statem_events).
-behaviour(gen_statem).
-export([start/0, init/1, callback_mode/0, handle_event/4, terminate/3, code_change/4]).

%% gen_statem in handle_event_function mode with state enter calls and complex
%% state terms: postponed events replayed on a state change, next_event actions
%% (internal, cast, info, call types) processed before queued events, deferred
%% replies with gen_statem:reply/2, and init returning {stop, R} or ignore.
start() ->
    process_flag(trap_exit, true),
    {ok, P} = gen_statem:start_link(?MODULE, self(), []),
    %% in state busy: work is postponed
    ok = gen_statem:cast(P, {work, a}),
    ok = gen_statem:cast(P, {work, b}),
    P ! {work, c},
    io:format("state while busy: ~p~n", [gen_statem:call(P, state)]),
    io:format("done while busy: ~p~n", [gen_statem:call(P, done)]),
    ok = gen_statem:cast(P, free),
    io:format("done after free: ~p~n", [gen_statem:call(P, done)]),
    io:format("state after free: ~p~n", [gen_statem:call(P, state)]),
    %% next_event chain
    io:format("chain reply: ~p~n", [gen_statem:call(P, {chain, 3})]),
    io:format("done after chain: ~p~n", [gen_statem:call(P, done)]),
    %% next_event of several types, in list order
    ok = gen_statem:cast(P, multi),
    io:format("done after multi: ~p~n", [gen_statem:call(P, done)]),
    %% deferred reply: the call is answered later by another event
    Self = self(),
    Waiter = spawn_link(fun() -> Self ! {waited, gen_statem:call(P, wait_for_go)} end),
    io:format("state before go: ~p~n", [wait_waiting(P)]),
    ok = gen_statem:cast(P, {go, 42}),
    receive {waited, W} -> io:format("deferred reply: ~p~n", [W]) end,
    receive {'EXIT', Waiter, WR} -> io:format("waiter exit: ~p~n", [WR]) end,
    %% postpone across two state changes: only replayed when the state changes
    ok = gen_statem:cast(P, busy),
    ok = gen_statem:cast(P, {work, d}),
    ok = gen_statem:cast(P, {count, 1}),
    io:format("counting state: ~p~n", [gen_statem:call(P, state)]),
    ok = gen_statem:cast(P, {count, 2}),
    io:format("counting state: ~p~n", [gen_statem:call(P, state)]),
    ok = gen_statem:cast(P, free),
    io:format("done at end: ~p~n", [gen_statem:call(P, done)]),
    [io:format("enter: ~p~n", [E]) || E <- gen_statem:call(P, enters)],
    ok = gen_statem:stop(P, {shutdown, bye}, infinity),
    receive {terminated, TR, TS} -> io:format("terminate: ~p ~p~n", [TR, TS]) end,
    receive {'EXIT', P, PR} -> io:format("exit: ~p~n", [PR]) end,
    io:format("init stop: ~p~n", [gen_statem:start(?MODULE, refuse, [])]),
    io:format("init ignore: ~p~n", [gen_statem:start(?MODULE, ignore, [])]),
    ok.

wait_waiting(P) ->
    case gen_statem:call(P, state) of
        {waiting, _} -> waiting;
        _ -> timer:sleep(1), wait_waiting(P)
    end.

callback_mode() -> [handle_event_function, state_enter].

init(refuse) -> {stop, refused};
init(ignore) -> ignore;
init(Owner) ->
    {ok, busy, #{owner => Owner, done => [], enters => []}}.

clean({waiting, _From}) -> waiting;
clean(S) -> S.

add(D = #{done := L}, X) -> D#{done := L ++ [X]}.

handle_event(enter, Old, New, D = #{enters := E}) ->
    {keep_state, D#{enters := E ++ [{clean(Old), '->', clean(New)}]}};
handle_event({call, From}, state, S, _D) ->
    {keep_state_and_data, [{reply, From, S}]};
handle_event({call, From}, done, _S, #{done := L}) ->
    {keep_state_and_data, [{reply, From, L}]};
handle_event({call, From}, enters, _S, #{enters := E}) ->
    {keep_state_and_data, [{reply, From, E}]};
%% busy: postpone the work
handle_event(cast, {work, _}, busy, _D) ->
    {keep_state_and_data, postpone};
handle_event(info, {work, _}, busy, _D) ->
    {keep_state_and_data, [postpone]};
handle_event(cast, free, busy, D) ->
    {next_state, idle, D};
handle_event(cast, free, {counting, _}, D) ->
    {next_state, idle, D};
handle_event(cast, busy, idle, D) ->
    {next_state, busy, D};
%% counting changes the state term: postponed events replay on each change
handle_event(cast, {count, N}, busy, D) ->
    {next_state, {counting, N}, add(D, {count_from_busy, N})};
handle_event(cast, {count, N}, {counting, _}, D) ->
    {next_state, {counting, N}, add(D, {count, N})};
handle_event(cast, {work, X}, {counting, N}, D) ->
    {keep_state, add(D, {work_while_counting, X, N}), [postpone]};
handle_event(cast, {work, X}, idle, D) ->
    {keep_state, add(D, {cast_work, X})};
handle_event(info, {work, X}, idle, D) ->
    {keep_state, add(D, {info_work, X})};
%% next_event chain: internal events run before anything queued
handle_event({call, From}, {chain, N}, idle, D) ->
    {keep_state, add(D, {chain_start, N}),
     [{next_event, internal, {step, N, From}}]};
handle_event(internal, {step, 0, From}, idle, D) ->
    {keep_state, add(D, chain_end), [{reply, From, chain_done}]};
handle_event(internal, {step, N, From}, idle, D) ->
    {keep_state, add(D, {step, N}), [{next_event, internal, {step, N - 1, From}}]};
handle_event(cast, multi, idle, D) ->
    {keep_state, add(D, multi),
     [{next_event, internal, one},
      {next_event, cast, two},
      {next_event, info, three},
      {next_event, internal, four}]};
handle_event(internal, X, idle, D) ->
    {keep_state, add(D, {internal, X})};
handle_event(cast, X, idle, D) when is_atom(X) ->
    {keep_state, add(D, {cast, X})};
handle_event(info, X, idle, D) when is_atom(X) ->
    {keep_state, add(D, {info, X})};
%% deferred reply
handle_event({call, From}, wait_for_go, idle, D) ->
    {next_state, {waiting, From}, D};
handle_event(cast, {go, V}, {waiting, From}, D) ->
    ok = gen_statem:reply(From, {go, V}),
    {next_state, idle, add(D, {replied, V})}.

terminate(Reason, State, #{owner := Owner}) ->
    Owner ! {terminated, Reason, State},
    ok.

code_change(_Old, State, Data, _Extra) -> {ok, State, Data}.
