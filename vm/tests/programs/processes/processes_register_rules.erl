-module(processes_register_rules).

%% register/2 and unregister/1: one name per process, names taken, undefined, dead pids.
-export([start/0]).
start() ->
    P = spawn(fun() -> receive stop -> ok end end),
    r(fun() -> register(first_name, P) end),
    r(fun() -> register(second_name, P) end),
    r(fun() -> register(first_name, self()) end),
    r(fun() -> register(undefined, self()) end),
    r(fun() -> register(mine, self()) end),
    r(fun() -> register(mine2, self()) end),
    r(fun() -> unregister(nobody) end),
    r(fun() -> unregister(first_name) end),
    r(fun() -> register(second_name, P) end),
    r(fun() -> whereis(second_name) =:= P end),
    r(fun() -> register("str", P) end),
    r(fun() -> register(x, list_to_pid("<0.9999.0>")) end),
    P ! stop,
    ok.
r(F) -> io:format("~p~n", [try F() catch C:E -> {C, E} end]).
