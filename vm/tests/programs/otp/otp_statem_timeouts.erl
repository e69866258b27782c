-module(otp_statem_timeouts).
-behaviour(gen_statem).
-export([start/0, init/1, callback_mode/0, handle_event/4, terminate/3, code_change/4]).

%% gen_statem timeouts where only the ordering is observed: state_timeout,
%% event timeout, generic {timeout, Name}; cancellation by state change, by
%% another event, by a cancel action, by restarting; zero timeouts; update;
%% absolute times; timeouts set from a state enter call; call timeouts.
%% Every event the machine sees is sent to the owner, which prints them until a
%% marker event arrives.
start() ->
    {ok, P} = gen_statem:start(?MODULE, self(), []),
    section("enter sets state_timeout", P, []),
    section("state_timeout fires", P, [{arm, [{state_timeout, 2, st1}, marker(15)]}]),
    section("generic ordering", P,
            [{arm, [{state_timeout, 14, late}, {{timeout, g1}, 2, g1}, {{timeout, g2}, 8, g2},
                    marker(25)]}]),
    section("state change cancels state_timeout", P,
            [{arm, [{state_timeout, 10, never}, marker(25)]}, {goto, other}]),
    section("state change keeps generic timeout", P,
            [{arm, [{{timeout, keep}, 5, kept}, marker(20)]}, {goto, third}]),
    section("event cancels event timeout", P,
            [{arm, [{timeout, 40, never_ev}, marker(60)]}, poke]),
    section("event timeout fires when idle", P, [{arm, [{timeout, 2, idle_ev}, marker(15)]}]),
    section("zero event timeout", P, [{arm, [{timeout, 0, zero}, marker(5)]}]),
    section("zero event timeout cancelled by next_event", P,
            [{arm, [{timeout, 0, zero_cancelled}, {next_event, internal, inserted},
                    marker(5)]}]),
    section("zero state_timeout with next_event", P,
            [{arm, [{state_timeout, 0, zero_st}, {next_event, internal, inserted},
                    marker(5)]}]),
    section("cancel generic timeout", P,
            [{arm, [{{timeout, c}, 10, cancelled_g}, marker(25)]},
             {arm, [{{timeout, c}, cancel}]}]),
    section("restart generic timeout", P,
            [{arm, [{{timeout, r}, 40, first}, marker(25)]},
             {arm, [{{timeout, r}, 5, second}]}]),
    section("update state_timeout", P,
            [{arm, [{state_timeout, 10, old_msg}, marker(25)]},
             {arm, [{state_timeout, update, new_msg}]}]),
    section("cancel state_timeout", P,
            [{arm, [{state_timeout, 10, cancelled_st}, marker(25)]},
             {arm, [{state_timeout, cancel}]}]),
    section("infinity timeouts", P,
            [{arm, [{state_timeout, infinity, inf}, {timeout, infinity, inf2}, marker(5)]}]),
    section("absolute timeout", P, [abs]),
    R = try gen_statem:call(P, slow, 10) of
            V -> {value, V}
        catch exit:{Reason, {gen_statem, call, _}} -> {caught, Reason}
        end,
    io:format("call timeout: ~p~n", [R]),
    io:format("still alive: ~p~n", [gen_statem:call(P, which)]),
    ok = gen_statem:stop(P),
    receive {terminated, TR} -> io:format("terminate: ~p~n", [TR]) end,
    ok.

marker(T) -> {{timeout, marker}, T, marker}.

section(Name, P, Casts) ->
    io:format("-- ~s~n", [Name]),
    [gen_statem:cast(P, C) || C <- Casts],
    collect().

collect() ->
    receive
        {ev, {timeout, marker}, marker, S} ->
            io:format("  marker in ~p~n", [S]);
        {ev, T, C, S} ->
            io:format("  ~p ~p in ~p~n", [T, C, S]),
            collect()
    after 1000 ->
        io:format("  nothing~n")
    end.

callback_mode() -> [handle_event_function, state_enter].

init(Owner) -> {ok, start, Owner}.

handle_event(enter, start, start, _Owner) ->
    {keep_state_and_data, [{state_timeout, 5, from_enter}, marker(15)]};
handle_event(enter, _Old, _New, _Owner) ->
    keep_state_and_data;
handle_event(cast, {arm, Actions}, _S, _Owner) ->
    {keep_state_and_data, Actions};
handle_event(cast, {goto, S}, _Old, _Owner) ->
    {next_state, S, _Owner};
handle_event(cast, abs, _S, Owner) ->
    Now = erlang:monotonic_time(millisecond),
    Owner ! {ev, cast, abs, armed},
    {keep_state_and_data,
     [{state_timeout, Now + 12, abs_late, [{abs, true}]},
      {{timeout, a}, Now + 3, abs_early, [{abs, true}]},
      {{timeout, b}, Now, abs_now, [{abs, true}]},
      marker(25)]};
handle_event({call, _From}, slow, _S, _Owner) ->
    {keep_state_and_data, postpone};
handle_event({call, From}, which, S, _Owner) ->
    {keep_state_and_data, {reply, From, S}};
handle_event(Type, Content, S, Owner) ->
    Owner ! {ev, Type, Content, S},
    keep_state_and_data.

terminate(Reason, _State, Owner) ->
    Owner ! {terminated, Reason},
    ok.

code_change(_Old, State, Data, _Extra) -> {ok, State, Data}.
