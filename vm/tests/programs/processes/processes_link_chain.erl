-module(processes_link_chain).
-export([start/0]).

%% Exit propagation along a chain of linked processes: the last one exits with a
%% reason, every non-trapping process in the chain dies with the same reason, and
%% the trapping main process gets one 'EXIT' message.
chain(0) ->
    receive go -> exit({chain_end, reached}) end;
chain(N) ->
    Next = spawn_link(fun() -> chain(N - 1) end),
    receive go -> Next ! go, receive never -> ok end end.

start() ->
    process_flag(trap_exit, true),
    Head = spawn_link(fun() -> chain(10) end),
    Head ! go,
    receive {'EXIT', Head, Reason} -> erlang:display({'EXIT', head, Reason}) end,
    erlang:display(receive Other -> {unexpected, Other} after 50 -> no_more_messages end),
    ok.
