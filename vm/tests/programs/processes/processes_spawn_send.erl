-module(processes_spawn_send).
-export([start/0, echo/0]).

%% spawn/1 and spawn/3, send with !, receive replies; only the main process prints.
echo() ->
    receive
        {From, stop} -> From ! {self(), stopped};
        {From, Msg} -> From ! {self(), {echo, Msg}}, echo()
    end.

call(Pid, Msg) ->
    Pid ! {self(), Msg},
    receive {Pid, Reply} -> Reply end.

start() ->
    P1 = spawn(fun echo/0),
    P2 = spawn(?MODULE, echo, []),
    erlang:display(is_pid(P1)),
    erlang:display(P1 =:= P2),
    erlang:display(call(P1, hello)),
    erlang:display(call(P2, [1, 2, 3])),
    erlang:display(call(P1, {nested, #{k => v}})),
    erlang:display(call(P1, stop)),
    erlang:display(call(P2, stop)),
    Self = self(),
    spawn(fun() -> Self ! {from_child, lists:sum(lists:seq(1, 10))} end),
    receive {from_child, S} -> erlang:display(S) end,
    erlang:display(self() ! message_to_self),
    receive message_to_self -> erlang:display(got_own_message) end,
    ok.
