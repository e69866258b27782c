-module(processes_server).
-export([start/0]).

%% A hand-written request/response server (call with a unique tag, cast without a
%% reply) holding state in a loop argument.
server(State) ->
    receive
        {call, From, Tag, get} -> From ! {Tag, State}, server(State);
        {call, From, Tag, {add, N}} -> From ! {Tag, ok}, server(State + N);
        {cast, {mul, N}} -> server(State * N);
        {call, From, Tag, stop} -> From ! {Tag, {stopped, State}}
    end.

call(Pid, Req) ->
    Tag = make_ref(),
    Pid ! {call, self(), Tag, Req},
    receive {Tag, Reply} -> Reply end.

start() ->
    S = spawn(fun() -> server(0) end),
    erlang:display(call(S, get)),
    erlang:display(call(S, {add, 5})),
    S ! {cast, {mul, 10}},
    erlang:display(call(S, get)),
    [S ! {cast, {mul, 2}} || _ <- lists:seq(1, 70)],
    erlang:display(call(S, get)),
    erlang:display(call(S, stop)),
    ok.
