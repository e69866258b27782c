-module(otp_gen_server).
-behaviour(gen_server).
-export([start/0, init/1, handle_call/3, handle_cast/2, handle_info/2, terminate/2]).

%% gen_server: start_link, call, cast, info, a reply through the caller's alias,
%% stop with a reply, and the linked starter trapping the 'EXIT'.
start() ->
    process_flag(trap_exit, true),
    {ok, P} = gen_server:start_link(?MODULE, 0, []),
    ok = gen_server:cast(P, {add, 5}),
    erlang:display(gen_server:call(P, get)),
    P ! {add, 10},
    erlang:display(gen_server:call(P, get)),
    erlang:display(gen_server:call(P, stop)),
    receive {'EXIT', P, Why} -> erlang:display({exit, Why}) end,
    {ok, Q} = gen_server:start({local, counter}, ?MODULE, 100, []),
    erlang:display({whereis(counter) =:= Q, gen_server:call(counter, get)}),
    ok = gen_server:stop(counter),
    erlang:display(whereis(counter)),
    ok.

init(N) -> {ok, N}.
handle_call(get, _From, N) -> {reply, N, N};
handle_call(stop, _From, N) -> {stop, normal, {stopped_at, N}, N}.
handle_cast({add, K}, N) -> {noreply, N + K}.
handle_info({add, K}, N) -> {noreply, N + K}.
terminate(_Reason, _State) -> ok.
