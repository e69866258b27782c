-module(processes_message_queue_len).
-export([start/0]).

%% process_info(self(), message_queue_len) and messages/1 as messages are sent to
%% self and consumed.
start() ->
    erlang:display(process_info(self(), message_queue_len)),
    [self() ! {msg, I} || I <- lists:seq(1, 10)],
    erlang:display(process_info(self(), message_queue_len)),
    receive {msg, 5} -> ok end,
    erlang:display(process_info(self(), message_queue_len)),
    {messages, Ms} = process_info(self(), messages),
    erlang:display(Ms),
    Self = self(),
    P = spawn(fun() -> [Self ! {from_child, I} || I <- lists:seq(1, 100)], Self ! child_done end),
    receive child_done -> ok end,
    erlang:display(is_pid(P)),
    erlang:display(process_info(self(), message_queue_len)),
    flush(),
    erlang:display(process_info(self(), message_queue_len)),
    Q = spawn(fun() -> receive go -> ok end end),
    [Q ! {junk, I} || I <- lists:seq(1, 5)],
    erlang:display(process_info(Q, message_queue_len)),
    Q ! go,
    ok.

flush() ->
    receive _ -> flush() after 0 -> ok end.
