-module(otp_statem_functions).
-behaviour(gen_statem).
-export([start/0, init/1, callback_mode/0, locked/3, open/3, broken/3,
         terminate/3, code_change/4]).

%% gen_statem in state_functions mode with state enter calls: a code lock.
%% call/cast/info events, next_state to the same state (no enter call),
%% repeat_state (enter call again), reply actions, keep_state_and_data,
%% stop_and_reply, and terminate/3 being called with the stop reason.
start() ->
    process_flag(trap_exit, true),
    {ok, P} = gen_statem:start_link(?MODULE, {[1, 2, 3], self()}, []),
    io:format("state after init: ~p~n", [gen_statem:call(P, which_state)]),
    ok = gen_statem:cast(P, {button, 1}),
    ok = gen_statem:cast(P, {button, 2}),
    io:format("buffer after 1,2: ~p~n", [gen_statem:call(P, buffer)]),
    ok = gen_statem:cast(P, {button, 9}),
    io:format("buffer after wrong 9: ~p~n", [gen_statem:call(P, buffer)]),
    [ok = gen_statem:cast(P, {button, B}) || B <- [1, 2, 3]],
    io:format("state after code: ~p~n", [gen_statem:call(P, which_state)]),
    P ! {knock, 1},
    P ! {knock, 2},
    io:format("knocks while open: ~p~n", [gen_statem:call(P, knocks)]),
    io:format("same state call: ~p~n", [gen_statem:call(P, stay)]),
    io:format("repeat state call: ~p~n", [gen_statem:call(P, again)]),
    ok = gen_statem:cast(P, lock),
    io:format("state after lock: ~p~n", [gen_statem:call(P, which_state)]),
    io:format("two replies: ~p~n", [gen_statem:call(P, {double, 21})]),
    ok = gen_statem:cast(P, break),
    io:format("broken state: ~p~n", [gen_statem:call(P, which_state)]),
    io:format("broken ignores buttons: ~p~n",
              [begin gen_statem:cast(P, {button, 1}), gen_statem:call(P, buffer) end]),
    Log = gen_statem:call(P, log),
    [io:format("log: ~p~n", [L]) || L <- Log],
    io:format("stop reply: ~p~n", [gen_statem:call(P, stop)]),
    receive {terminated, R, St} -> io:format("terminate: ~p in ~p~n", [R, St]) end,
    receive {'EXIT', P, Why} -> io:format("exit: ~p~n", [Why]) end,
    {ok, Q} = gen_statem:start({local, otp_statem_functions_lock}, ?MODULE, {[7], self()}, []),
    io:format("registered: ~p~n", [whereis(otp_statem_functions_lock) =:= Q]),
    io:format("by name: ~p~n", [gen_statem:call(otp_statem_functions_lock, which_state)]),
    ok = gen_statem:cast(otp_statem_functions_lock, {button, 7}),
    io:format("by name opened: ~p~n", [gen_statem:call(otp_statem_functions_lock, which_state)]),
    ok = gen_statem:stop(otp_statem_functions_lock),
    receive {terminated, R2, St2} -> io:format("terminate: ~p in ~p~n", [R2, St2]) end,
    io:format("whereis after stop: ~p~n", [whereis(otp_statem_functions_lock)]),
    ok.

callback_mode() -> [state_functions, state_enter].

init({Code, Owner}) ->
    {ok, locked, #{code => Code, buf => [], log => [], knocks => [], owner => Owner}}.

log(D = #{log := L}, E) -> D#{log := [E | L]}.

locked(enter, Old, D) ->
    {keep_state, log(D#{buf := []}, {enter_locked, Old})};
locked(cast, {button, B}, D = #{code := Code, buf := Buf}) ->
    Buf1 = Buf ++ [B],
    case Buf1 of
        Code -> {next_state, open, log(D, {accepted, B})};
        _ ->
            case lists:prefix(Buf1, Code) of
                true -> {keep_state, D#{buf := Buf1}};
                false -> {keep_state, log(D#{buf := []}, {wrong, B})}
            end
    end;
locked(cast, break, D) ->
    {next_state, broken, D};
locked({call, From}, {double, N}, _D) ->
    {keep_state_and_data, [{reply, From, {first, N}}, {reply, From, {second, N * 2}}]};
locked(EventType, Event, D) ->
    common(EventType, Event, locked, D).

open(enter, Old, D) ->
    {keep_state, log(D, {enter_open, Old})};
open(info, {knock, N}, D = #{knocks := K}) ->
    {keep_state, D#{knocks := K ++ [N]}};
open({call, From}, stay, D) ->
    {next_state, open, log(D, stayed), [{reply, From, stayed}]};
open({call, From}, again, D) ->
    {repeat_state, log(D, repeated), [{reply, From, repeated}]};
open(cast, lock, D) ->
    {next_state, locked, D};
open(EventType, Event, D) ->
    common(EventType, Event, open, D).

broken(enter, Old, D) ->
    {keep_state, log(D, {enter_broken, Old})};
broken(cast, {button, _}, _D) ->
    keep_state_and_data;
broken(EventType, Event, D) ->
    common(EventType, Event, broken, D).

common({call, From}, which_state, State, _D) ->
    {keep_state_and_data, {reply, From, State}};
common({call, From}, buffer, _State, #{buf := Buf}) ->
    {keep_state_and_data, [{reply, From, Buf}]};
common({call, From}, knocks, _State, #{knocks := K}) ->
    {keep_state_and_data, [{reply, From, K}]};
common({call, From}, log, _State, #{log := L}) ->
    {keep_state_and_data, [{reply, From, lists:reverse(L)}]};
common({call, From}, stop, State, _D) ->
    {stop_and_reply, normal, [{reply, From, {stopping_in, State}}]}.

terminate(Reason, State, #{owner := Owner}) ->
    Owner ! {terminated, Reason, State},
    ok.

code_change(_Old, State, Data, _Extra) -> {ok, State, Data}.
