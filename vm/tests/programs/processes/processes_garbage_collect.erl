-module(processes_garbage_collect).
-export([start/0]).

%% erlang:garbage_collect/0,1 (AtomVM's test programs call them) and
%% crypto:strong_rand_bytes/1.
start() ->
    erlang:display(erlang:garbage_collect()),
    erlang:display(erlang:garbage_collect(self())),
    {Pid, Ref} = spawn_monitor(fun() -> ok end),
    receive {'DOWN', Ref, process, Pid, normal} -> ok end,
    erlang:display(erlang:garbage_collect(Pid)),
    erlang:display(try erlang:garbage_collect(not_a_pid) catch error:E -> E end),
    Bytes = crypto:strong_rand_bytes(16),
    erlang:display({is_binary(Bytes), byte_size(Bytes)}),
    erlang:display(byte_size(crypto:strong_rand_bytes(0))).
