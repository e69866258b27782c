-module(processes_selective_receive).
-export([start/0]).

%% Selective receive: messages are taken out of order by pattern, the rest stay in
%% the mailbox in arrival order.
drain() ->
    receive M -> [M | drain()]
    after 0 -> []
    end.

start() ->
    Self = self(),
    Self ! {low, 1},
    Self ! {high, 1},
    Self ! {low, 2},
    Self ! other,
    Self ! {high, 2},
    Self ! {low, 3},
    receive {high, N1} -> erlang:display({first_high, N1}) end,
    receive {high, N2} -> erlang:display({second_high, N2}) end,
    receive other -> erlang:display(got_other) end,
    receive {low, X} when X > 1 -> erlang:display({low_gt_1, X}) end,
    erlang:display(drain()),
    Pid = spawn(fun() -> receive go -> Self ! {done, 1}, Self ! {done, 2} end end),
    Self ! noise_a,
    Pid ! go,
    receive {done, 2} -> erlang:display(done_2_first) end,
    receive {done, 1} -> erlang:display(done_1_second) end,
    erlang:display(drain()),
    ok.
