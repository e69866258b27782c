-module(processes_send_after).
-export([start/0]).

%% erlang:send_after/3 and erlang:start_timer/3: messages arrive (refs not printed);
%% timers with different delays arrive in delay order.
start() ->
    _ = erlang:send_after(10, self(), tick),
    erlang:display(receive tick -> got_tick after 5000 -> missing end),
    Ref = erlang:start_timer(5, self(), payload),
    erlang:display(receive {timeout, Ref, Msg} -> {timeout, Msg} after 5000 -> missing end),
    _ = erlang:send_after(60, self(), {order, third}),
    _ = erlang:send_after(1, self(), {order, first}),
    _ = erlang:send_after(30, self(), {order, second}),
    Got = [receive {order, X} -> X after 5000 -> missing end || _ <- [1, 2, 3]],
    erlang:display(Got),
    Self = self(),
    P = spawn(fun() -> receive {fwd, M} -> Self ! {forwarded, M} end end),
    _ = erlang:send_after(5, P, {fwd, hello}),
    erlang:display(receive {forwarded, M} -> M after 5000 -> missing end),
    _ = erlang:send_after(0, self(), zero_delay),
    erlang:display(receive zero_delay -> got_zero_delay after 5000 -> missing end),
    ok.
