-module(otp_timer).
-export([start/0, notify/2, add/2]).

%% timer module and the erlang timer BIFs, observing only ordering and results:
%% sleep, send_after/2,3, apply_after, cancel (before and after firing),
%% send_interval, exit_after/kill_after, tc/1,2,3 (result only), the unit
%% conversion helpers, erlang:send_after/start_timer/cancel_timer/read_timer.
start() ->
    Self = self(),
    io:format("sleep: ~p~n", [timer:sleep(5)]),
    {ok, _} = timer:send_after(30, Self, late),
    {ok, _} = timer:send_after(5, early),
    {ok, _} = timer:send_after(15, Self, {middle, 1}),
    io:format("send_after order: ~p~n", [collect(3)]),
    {ok, _} = timer:apply_after(5, ?MODULE, notify, [Self, applied]),
    receive {notified, applied, IsOther} -> io:format("apply_after ran in another process: ~p~n", [IsOther]) end,
    {ok, T1} = timer:send_after(50, Self, cancelled),
    io:format("cancel: ~p~n", [timer:cancel(T1)]),
    {ok, T2} = timer:send_after(1, Self, fired),
    receive fired -> ok end,
    io:format("cancel after firing: ~p~n", [element(1, timer:cancel(T2))]),
    {ok, TI} = timer:send_interval(5, Self, tick),
    Ticks = [receive tick -> tick end || _ <- [1, 2, 3]],
    io:format("send_interval ticks: ~p~n", [Ticks]),
    io:format("cancel interval: ~p~n", [timer:cancel(TI)]),
    flush(tick),
    io:format("ticks after cancel: ~p~n", [receive tick -> yes after 30 -> no end]),
    {ok, TA} = timer:apply_interval(5, ?MODULE, notify, [Self, interval]),
    [receive {notified, interval, _} -> ok end || _ <- [1, 2]],
    io:format("apply_interval twice: ok~n"),
    {ok, cancel} = timer:cancel(TA),
    flush_notified(),
    io:format("no cancelled message: ~p~n", [receive cancelled -> yes after 70 -> no end]),
    %% exit_after / kill_after
    process_flag(trap_exit, true),
    Victim = spawn_link(fun() -> receive never -> ok end end),
    {ok, _} = timer:exit_after(5, Victim, timed_out),
    receive {'EXIT', Victim, R1} -> io:format("exit_after: ~p~n", [R1]) end,
    Victim2 = spawn_link(fun() -> process_flag(trap_exit, true), receive never -> ok end end),
    {ok, _} = timer:kill_after(5, Victim2),
    receive {'EXIT', Victim2, R2} -> io:format("kill_after: ~p~n", [R2]) end,
    process_flag(trap_exit, false),
    %% tc
    {Time1, V1} = timer:tc(fun() -> lists:sum(lists:seq(1, 1000)) end),
    io:format("tc/1: ~p ~p~n", [is_integer(Time1) andalso Time1 >= 0, V1]),
    {Time2, V2} = timer:tc(fun lists:reverse/1, [[1, 2, 3]]),
    io:format("tc/2: ~p ~p~n", [is_integer(Time2), V2]),
    {Time3, V3} = timer:tc(?MODULE, add, [20, 22]),
    io:format("tc/3: ~p ~p~n", [is_integer(Time3), V3]),
    {Time4, _} = timer:tc(timer, sleep, [20]),
    io:format("tc of sleep 20 at least 20ms: ~p~n", [Time4 >= 20000]),
    %% helpers
    io:format("seconds: ~p minutes: ~p hours: ~p hms: ~p~n",
              [timer:seconds(2), timer:minutes(3), timer:hours(1), timer:hms(1, 2, 3)]),
    io:format("now_diff: ~p~n", [timer:now_diff({1, 2, 3}, {1, 1, 0})]),
    %% erlang BIFs
    TR1 = erlang:send_after(40, Self, bif_late),
    _ = erlang:send_after(5, Self, bif_early),
    TR2 = erlang:start_timer(10, Self, bif_timeout),
    receive bif_early -> io:format("bif_early~n") end,
    receive {timeout, TR2, bif_timeout} -> io:format("start_timer message matches ref~n") end,
    Left = erlang:read_timer(TR1),
    io:format("read_timer: ~p~n", [is_integer(Left) andalso Left =< 40]),
    Left2 = erlang:cancel_timer(TR1),
    io:format("cancel_timer: ~p~n", [is_integer(Left2) andalso Left2 =< 40]),
    io:format("cancel_timer again: ~p~n", [erlang:cancel_timer(TR1)]),
    io:format("read_timer cancelled: ~p~n", [erlang:read_timer(TR1)]),
    TR3 = erlang:send_after(1, Self, quick),
    receive quick -> ok end,
    io:format("cancel fired: ~p~n", [erlang:cancel_timer(TR3)]),
    TR4 = erlang:start_timer(20, Self, async),
    ok = erlang:cancel_timer(TR4, [{async, true}, {info, true}]),
    receive {cancel_timer, TR4, L4} -> io:format("async cancel info: ~p~n", [is_integer(L4)]) end,
    TR5 = erlang:send_after(20, Self, noinfo),
    io:format("cancel no info: ~p~n", [erlang:cancel_timer(TR5, [{info, false}])]),
    io:format("nothing left: ~p~n", [receive X -> X after 60 -> none end]),
    ok.

notify(To, What) -> To ! {notified, What, self() =/= To}.

add(A, B) -> A + B.

collect(0) -> [];
collect(N) -> receive M -> [M | collect(N - 1)] end.

flush(M) -> receive M -> flush(M) after 0 -> ok end.

flush_notified() ->
    receive {notified, _, _} -> flush_notified() after 20 -> ok end.
