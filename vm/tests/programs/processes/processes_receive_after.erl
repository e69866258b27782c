-module(processes_receive_after).
-export([start/0]).

%% receive ... after 0 / after N / after infinity-with-message, whose outcomes do
%% not depend on timing.
start() ->
    erlang:display(receive M -> {got, M} after 0 -> empty end),
    self() ! ready,
    erlang:display(receive M2 -> {got, M2} after 0 -> empty end),
    erlang:display(receive M3 -> {got, M3} after 10 -> timeout_10ms end),
    erlang:display(receive nomatch -> wrong after 5 -> timeout_5ms end),
    self() ! later,
    erlang:display(receive nomatch -> wrong after 0 -> still_there end),
    erlang:display(receive L -> {got, L} after infinity -> never end),
    erlang:display(receive after 20 -> plain_sleep_done end),
    Self = self(),
    spawn(fun() -> Self ! {reply, 42} end),
    erlang:display(receive {reply, V} -> V after 5000 -> too_slow end),
    T = 0,
    erlang:display(receive _ -> wrong after T -> variable_timeout end),
    ok.
