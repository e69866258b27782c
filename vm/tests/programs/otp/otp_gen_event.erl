-module(otp_gen_event).
-behaviour(gen_event).
-export([start/0, init/1, handle_event/2, handle_call/2, handle_info/2,
         terminate/2, code_change/3]).

%% gen_event: one module used as several handlers ({Module, Id}), add_handler,
%% add_sup_handler, notify, sync_notify, call, info messages, delete_handler
%% returning terminate's value, swap_handler passing state along, a handler
%% returning remove_handler, a crashing handler being removed (and the
%% gen_event_EXIT message for a supervised one), which_handlers, stop.
start() ->
    process_flag(trap_exit, true),
    {ok, M} = gen_event:start_link(),
    io:format("handlers at start: ~p~n", [gen_event:which_handlers(M)]),
    ok = gen_event:add_handler(M, {?MODULE, a}, {a, self(), {counter, 0}}),
    ok = gen_event:add_handler(M, {?MODULE, b}, {b, self(), {logger, []}}),
    io:format("init refusing: ~p~n", [gen_event:add_handler(M, {?MODULE, c}, {c, self(), refuse})]),
    io:format("handlers: ~p~n", [gen_event:which_handlers(M)]),
    ok = gen_event:notify(M, {add, 5}),
    ok = gen_event:sync_notify(M, {add, 7}),
    io:format("call a: ~p~n", [gen_event:call(M, {?MODULE, a}, get)]),
    io:format("call b: ~p~n", [gen_event:call(M, {?MODULE, b}, get)]),
    io:format("call missing: ~p~n", [gen_event:call(M, {?MODULE, zz}, get)]),
    M ! {info, hello},
    io:format("b after info: ~p~n", [gen_event:call(M, {?MODULE, b}, get)]),
    io:format("call reply with state change: ~p~n",
              [gen_event:call(M, {?MODULE, a}, {set, 100})]),
    io:format("a after set: ~p~n", [gen_event:call(M, {?MODULE, a}, get)]),
    %% swap b (logger) for d: terminate of b returns its log, init of d receives it
    ok = gen_event:swap_handler(M, {{?MODULE, b}, swap_out}, {{?MODULE, d}, swap_in}),
    receive {terminated, b, RB, SB} -> io:format("b terminate: ~p ~p~n", [RB, SB]) end,
    io:format("handlers after swap: ~p~n", [gen_event:which_handlers(M)]),
    io:format("d state: ~p~n", [gen_event:call(M, {?MODULE, d}, get)]),
    %% a handler that removes itself
    ok = gen_event:add_handler(M, {?MODULE, e}, {e, self(), {once, none}}),
    ok = gen_event:sync_notify(M, {add, 1}),
    io:format("handlers after once: ~p~n", [gen_event:which_handlers(M)]),
    receive {terminated, e, R1, S1} -> io:format("e terminate: ~p ~p~n", [R1, S1]) end,
    %% crashing handler: removed, the others keep running
    ok = gen_event:add_handler(M, {?MODULE, f}, {f, self(), {fragile, 0}}),
    ok = gen_event:sync_notify(M, crash),
    io:format("handlers after crash: ~p~n", [gen_event:which_handlers(M)]),
    receive {terminated, f, {error, {'EXIT', {boom, _}}}, S2} ->
            io:format("f terminate: error boom ~p~n", [S2])
    end,
    io:format("a still counts: ~p~n", [gen_event:call(M, {?MODULE, a}, get)]),
    %% supervised handler: the owner gets a gen_event_EXIT when it goes away
    ok = gen_event:add_sup_handler(M, {?MODULE, g}, {g, self(), {fragile, 0}}),
    ok = gen_event:sync_notify(M, crash),
    receive {terminated, g, _, _} -> ok end,
    receive {gen_event_EXIT, H, {'EXIT', {boom, _}}} ->
            io:format("gen_event_EXIT: ~p boom~n", [H])
    end,
    ok = gen_event:add_sup_handler(M, {?MODULE, h}, {h, self(), {counter, 0}}),
    io:format("delete h: ~p~n", [gen_event:delete_handler(M, {?MODULE, h}, bye)]),
    receive {terminated, h, R3, S3} -> io:format("h terminate: ~p ~p~n", [R3, S3]) end,
    %% delete returns terminate's value
    io:format("delete d: ~p~n", [gen_event:delete_handler(M, {?MODULE, d}, because)]),
    receive {terminated, d, R4, S4} -> io:format("d terminate: ~p ~p~n", [R4, S4]) end,
    io:format("delete missing: ~p~n", [gen_event:delete_handler(M, {?MODULE, d}, x)]),
    io:format("handlers before stop: ~p~n", [gen_event:which_handlers(M)]),
    ok = gen_event:stop(M),
    receive {terminated, a, R5, S5} -> io:format("a terminate: ~p ~p~n", [R5, S5]) end,
    receive {'EXIT', M, MR} -> io:format("manager exit: ~p~n", [MR]) end,
    {ok, N} = gen_event:start({local, otp_gen_event_mgr}),
    ok = gen_event:add_handler(otp_gen_event_mgr, ?MODULE, {undefined, self(), {counter, 1}}),
    ok = gen_event:sync_notify(otp_gen_event_mgr, {add, 2}),
    io:format("plain module handler: ~p~n", [gen_event:call(otp_gen_event_mgr, ?MODULE, get)]),
    io:format("named handlers: ~p~n", [gen_event:which_handlers(otp_gen_event_mgr)]),
    MRef = monitor(process, N),
    ok = gen_event:stop(otp_gen_event_mgr),
    receive {terminated, undefined, R6, S6} -> io:format("terminate: ~p ~p~n", [R6, S6]) end,
    receive {'DOWN', MRef, process, N, DR} -> io:format("named manager down: ~p~n", [DR]) end,
    ok.

%% Handler state: {Id, Owner, Kind, Value}; Id/Owner come from the init argument.
init({swap_in, {swap_out_state, Id, Owner, Log}}) -> {ok, {Id, Owner, logger, [swapped | Log]}};
init({_Id, _Owner, refuse}) -> {error, refused};
init({Id, Owner, {Kind, V}}) -> {ok, {Id, Owner, Kind, V}}.

handle_event({add, N}, {I, O, counter, C}) -> {ok, {I, O, counter, C + N}};
handle_event(E, {I, O, logger, L}) -> {ok, {I, O, logger, [E | L]}};
handle_event(_E, {_, _, once, _}) -> remove_handler;
handle_event(crash, {_, _, fragile, _}) -> error(boom);
handle_event(_E, S) -> {ok, S}.

handle_call(get, S = {_, _, K, V}) -> {ok, {K, V}, S};
handle_call({set, New}, {I, O, counter, C}) -> {ok, {old, C}, {I, O, counter, New}}.

handle_info(Info, {I, O, logger, L}) -> {ok, {I, O, logger, [{info, Info} | L]}};
handle_info(_Info, S) -> {ok, S}.

terminate(Reason, {Id, Owner, Kind, V}) ->
    Owner ! {terminated, Id, Reason, {Kind, V}},
    case {Reason, Kind} of
        {swap_out, logger} -> {swap_out_state, d, Owner, V};
        {because, _} -> {returned, Kind, V};
        _ -> ok
    end.

code_change(_Old, S, _Extra) -> {ok, S}.
