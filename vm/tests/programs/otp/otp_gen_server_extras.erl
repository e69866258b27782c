-module(otp_gen_server_extras).
-behaviour(gen_server).
-export([start/0, init/1, handle_call/3, handle_cast/2, handle_info/2,
         handle_continue/2, terminate/2, code_change/3]).

%% gen_server beyond the basics: call timeouts caught (the late reply is
%% dropped), calls to dead or unknown servers, deferred replies with
%% gen_server:reply/2, init returning {continue, _}, ignore, {stop, _}, and
%% timeouts, noreply with a timeout, hibernate, enter_loop, send_request /
%% wait_response / receive_response / check_response, already_started, a
%% stop with a custom reason, and a crashing handle_call seen by the caller.
start() ->
    process_flag(trap_exit, true),
    {ok, P} = gen_server:start_link(?MODULE, normal, []),
    io:format("continue ran: ~p~n", [gen_server:call(P, get_log)]),
    R1 = try gen_server:call(P, {sleep, 60}, 10)
         catch exit:{timeout, {gen_server, call, [P, {sleep, 60}, 10]}} -> call_timeout
         end,
    io:format("slow call: ~p~n", [R1]),
    io:format("late reply dropped: ~p~n", [receive Late -> {got, Late} after 100 -> nothing end]),
    io:format("server survived: ~p~n", [gen_server:call(P, ping)]),
    R2 = try gen_server:call(otp_gen_server_extras_nobody, ping)
         catch exit:{noproc, {gen_server, call, [otp_gen_server_extras_nobody, ping]}} -> noproc
         end,
    io:format("unknown name: ~p~n", [R2]),
    %% deferred reply
    Self = self(),
    W = spawn_link(fun() -> Self ! {deferred, gen_server:call(P, wait)} end),
    wait_waiters(P, 1),
    ok = gen_server:cast(P, {release, 7}),
    receive {deferred, D} -> io:format("deferred reply: ~p~n", [D]) end,
    receive {'EXIT', W, normal} -> ok end,
    %% noreply with timeout
    ok = gen_server:cast(P, {arm_timeout, 5}),
    receive timed_out -> ok end,
    io:format("log after timeout: ~p~n", [gen_server:call(P, get_log)]),
    %% hibernate
    ok = gen_server:call(P, hibernate),
    wait_hibernated(P, 1000),
    io:format("hibernated: ~p~n", [erlang:process_info(P, current_function)]),
    io:format("call after hibernate: ~p~n", [gen_server:call(P, ping)]),
    %% async requests
    Req = gen_server:send_request(P, ping),
    io:format("wait_response: ~p~n", [gen_server:wait_response(Req, 1000)]),
    Req2 = gen_server:send_request(P, ping),
    io:format("receive_response: ~p~n", [gen_server:receive_response(Req2, 1000)]),
    Req3 = gen_server:send_request(P, ping),
    Msg = receive M -> M end,
    io:format("check_response: ~p~n", [gen_server:check_response(Msg, Req3)]),
    Req4 = gen_server:send_request(P, {sleep, 50}),
    io:format("wait_response timeout: ~p~n", [gen_server:wait_response(Req4, 5)]),
    io:format("then: ~p~n", [gen_server:wait_response(Req4, 1000)]),
    %% a crash inside handle_call
    R3 = try gen_server:call(P, crash)
         catch exit:{{bad_request, crash}, {gen_server, call, [P, crash]}} -> caller_exited
         end,
    io:format("crashing call: ~p~n", [R3]),
    receive {'EXIT', P, PR} -> io:format("server exit: ~p~n", [PR]) end,
    receive {terminate, TR} -> io:format("terminate: ~p~n", [TR]) end,
    %% init variants
    io:format("init ignore: ~p~n", [gen_server:start(?MODULE, ignore, [])]),
    io:format("init stop: ~p~n", [gen_server:start(?MODULE, stop, [])]),
    io:format("init exit: ~p~n", [gen_server:start(?MODULE, exit, [])]),
    {ok, Q} = gen_server:start({local, otp_gen_server_extras_q}, ?MODULE, init_timeout, []),
    receive timed_out -> ok end,
    io:format("init timeout log: ~p~n", [gen_server:call(Q, get_log)]),
    io:format("already started: ~p~n",
              [case gen_server:start({local, otp_gen_server_extras_q}, ?MODULE, normal, []) of
                   {error, {already_started, Q}} -> already_started;
                   Other -> Other
               end]),
    MQ = monitor(process, Q),
    ok = gen_server:stop(Q, {shutdown, custom}, 1000),
    receive {terminate, TQ} -> io:format("terminate: ~p~n", [TQ]) end,
    receive {'DOWN', MQ, process, Q, DQ} -> io:format("down: ~p~n", [DQ]) end,
    R4 = try gen_server:stop(Q) catch exit:noproc -> noproc end,
    io:format("stop dead server: ~p~n", [R4]),
    %% enter_loop
    E = proc_lib:spawn_link(fun() ->
                                    register(otp_gen_server_extras_e, self()),
                                    put(owner, Self),
                                    gen_server:enter_loop(?MODULE, [], #{log => [entered]},
                                                          {local, otp_gen_server_extras_e})
                            end),
    wait_registered(otp_gen_server_extras_e, 1000),
    io:format("enter_loop log: ~p~n", [gen_server:call(otp_gen_server_extras_e, get_log)]),
    ok = gen_server:cast(otp_gen_server_extras_e, {note, hi}),
    io:format("enter_loop after cast: ~p~n", [gen_server:call(otp_gen_server_extras_e, get_log)]),
    ok = gen_server:stop(otp_gen_server_extras_e),
    receive {terminate, TE} -> io:format("enter_loop terminate: ~p~n", [TE]) end,
    receive {'EXIT', E, ER} -> io:format("enter_loop exit: ~p~n", [ER]) end,
    ok.

wait_waiters(P, N) ->
    case gen_server:call(P, waiters) of
        N -> ok;
        _ -> timer:sleep(1), wait_waiters(P, N)
    end.

wait_hibernated(_P, 0) -> ok;
wait_hibernated(P, N) ->
    case erlang:process_info(P, current_function) of
        {current_function, {erlang, hibernate, 3}} -> ok;
        _ -> timer:sleep(1), wait_hibernated(P, N - 1)
    end.

wait_registered(_Name, 0) -> ok;
wait_registered(Name, N) ->
    case whereis(Name) of
        undefined -> timer:sleep(1), wait_registered(Name, N - 1);
        _ -> ok
    end.

add(S = #{log := L}, E) -> S#{log := L ++ [E]}.

init(ignore) -> ignore;
init(stop) -> {stop, no_thanks};
init(exit) -> exit(init_blew_up);
init(init_timeout) ->
    put(owner, hd(get('$ancestors'))),
    {ok, #{log => [init]}, 5};
init(normal) ->
    put(owner, hd(get('$ancestors'))),
    {ok, #{log => [init], waiters => []}, {continue, first}}.

handle_continue(first, S) -> {noreply, add(S, continued), {continue, second}};
handle_continue(second, S) -> {noreply, add(S, continued_again)}.

handle_call(get_log, _From, S = #{log := L}) -> {reply, L, S};
handle_call(ping, _From, S) -> {reply, pong, S};
handle_call({sleep, T}, _From, S) -> timer:sleep(T), {reply, slept, S};
handle_call(wait, From, S = #{waiters := W}) -> {noreply, S#{waiters := [From | W]}};
handle_call(waiters, _From, S = #{waiters := W}) -> {reply, length(W), S};
handle_call(hibernate, _From, S) -> {reply, ok, S, hibernate};
handle_call(crash, _From, _S) -> exit({bad_request, crash}).

handle_cast({release, V}, S = #{waiters := W}) ->
    [gen_server:reply(From, {released, V}) || From <- W],
    {noreply, add(S#{waiters := []}, released)};
handle_cast({arm_timeout, T}, S) -> {noreply, add(S, armed), T};
handle_cast({note, X}, S) -> {noreply, add(S, X)}.

handle_info(timeout, S) -> get(owner) ! timed_out, {noreply, add(S, timeout)};
handle_info(_Other, S) -> {noreply, S}.

terminate(Reason, _S) ->
    case get(owner) of
        undefined -> ok;
        O -> O ! {terminate, Reason}
    end.

code_change(_Old, S, _Extra) -> {ok, S}.
