-module(processes_timer_cancel).
-export([start/0]).

%% Cancelling timers: cancel_timer/1 returns the remaining time (printed only as
%% is_integer) and the message never arrives; cancelling again returns false;
%% read_timer on an expired timer is false.
start() ->
    T1 = erlang:send_after(10000, self(), should_not_arrive),
    R = erlang:read_timer(T1),
    erlang:display(is_integer(R) andalso R > 0 andalso R =< 10000),
    Left = erlang:cancel_timer(T1),
    erlang:display(is_integer(Left)),
    erlang:display(erlang:cancel_timer(T1)),
    erlang:display(erlang:read_timer(T1)),
    erlang:display(receive should_not_arrive -> arrived after 30 -> not_arrived end),
    T2 = erlang:send_after(1, self(), fired),
    receive fired -> ok end,
    erlang:display(erlang:cancel_timer(T2)),
    erlang:display(erlang:read_timer(T2)),
    T3 = erlang:start_timer(10000, self(), x),
    erlang:display(erlang:cancel_timer(T3, [{async, false}, {info, false}])),
    {ok, TRef} = timer:send_after(10000, self(), via_timer_module),
    erlang:display(element(1, timer:cancel(TRef))),
    erlang:display(receive via_timer_module -> arrived after 20 -> not_arrived end),
    ok.
