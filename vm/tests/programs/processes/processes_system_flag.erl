-module(processes_system_flag).
-export([start/0]).

%% erlang:system_flag/2: each flag returns its previous value and system_info/1 reads
%% the new one back; values out of range and unknown flags are badarg.
start() ->
    Online = erlang:system_info(schedulers_online),
    Schedulers = erlang:system_info(schedulers),
    erlang:display(Online =:= erlang:system_flag(schedulers_online, 1)),
    erlang:display(erlang:system_info(schedulers_online)),
    erlang:display(erlang:system_flag(schedulers_online, Online) =:= 1),
    erlang:display(catch_badarg(fun() -> erlang:system_flag(schedulers_online, 0) end)),
    erlang:display(catch_badarg(fun() -> erlang:system_flag(schedulers_online, Schedulers + 1) end)),
    erlang:display(catch_badarg(fun() -> erlang:system_flag(schedulers_online, many) end)),
    erlang:display(erlang:system_info(schedulers_online) =:= Online),
    erlang:display(erlang:system_flag(backtrace_depth, 1)),
    erlang:display(trace_length()),
    erlang:display(erlang:system_flag(backtrace_depth, 8)),
    erlang:display(trace_length()),
    erlang:display(erlang:system_flag(fullsweep_after, 10)),
    erlang:display(erlang:system_info(fullsweep_after)),
    erlang:display(erlang:system_flag(fullsweep_after, 65535)),
    erlang:display(erlang:system_flag(min_heap_size, 1000)),
    erlang:display(erlang:system_info(min_heap_size)),
    Self = self(),
    spawn(fun() -> Self ! process_info(self(), min_heap_size) end),
    erlang:display(receive {min_heap_size, _} = M -> M end),
    {_, Ref} = spawn_opt(fun() -> Self ! process_info(self(), [min_heap_size, priority]) end,
                         [monitor, {min_heap_size, 5000}, {priority, high}]),
    erlang:display(receive [_, _] = L -> L end),
    erlang:display(receive {'DOWN', Ref, process, _, R} -> R end),
    erlang:display(erlang:system_flag(min_heap_size, 0)),
    erlang:display(erlang:system_info(min_heap_size)),
    erlang:display(erlang:system_flag(min_heap_size, 233)),
    erlang:display(erlang:system_flag(min_bin_vheap_size, 100000)),
    erlang:display(erlang:system_info(min_bin_vheap_size)),
    erlang:display(erlang:system_flag(min_bin_vheap_size, 46422)),
    erlang:display(catch_badarg(fun() -> spawn_opt(fun() -> ok end, [{priority, urgent}]) end)),
    erlang:display(erlang:system_flag(scheduler_wall_time, true)),
    erlang:display(erlang:system_flag(scheduler_wall_time, false)),
    erlang:display(catch_badarg(fun() -> erlang:system_flag(scheduler_wall_time, perhaps) end)),
    erlang:display(erlang:system_flag(outstanding_system_requests_limit, 5)),
    erlang:display(erlang:system_flag(outstanding_system_requests_limit, 4)),
    erlang:display(catch_badarg(fun() -> erlang:system_flag(no_such_flag, 1) end)),
    erlang:display(catch_badarg(fun() -> erlang:system_flag("schedulers_online", 1) end)).

%% The frames of an error's stack trace in a new process (no start-up frames below).
trace_length() ->
    Self = self(),
    spawn(fun() -> {'EXIT', {_, Trace}} = (catch deep(10)), Self ! {trace, length(Trace)} end),
    receive {trace, N} -> N end.

deep(0) -> error(bottom);
deep(N) -> [deep(N - 1)].

catch_badarg(F) ->
    try F() of V -> {value, V} catch error:badarg -> badarg end.
