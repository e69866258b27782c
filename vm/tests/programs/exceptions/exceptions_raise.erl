-module(exceptions_raise).
-export([start/0, id/1]).

%% erlang:raise/3 rethrowing with class and reason preserved; raise with an
%% invalid class is badarg.
id(X) -> X.

rethrow(F) ->
    try F()
    catch Class:Reason:Stack ->
            erlang:display({intercepted, Class, Reason}),
            erlang:raise(Class, Reason, Stack)
    end.

start() ->
    erlang:display(try rethrow(fun() -> throw(?MODULE:id(t1)) end) catch C1:R1 -> {C1, R1} end),
    erlang:display(try rethrow(fun() -> error(?MODULE:id(e1)) end) catch C2:R2 -> {C2, R2} end),
    erlang:display(try rethrow(fun() -> exit(?MODULE:id(x1)) end) catch C3:R3 -> {C3, R3} end),
    erlang:display(try erlang:raise(?MODULE:id(error), direct, []) catch C4:R4 -> {C4, R4} end),
    erlang:display(try erlang:raise(?MODULE:id(throw), {a, b}, []) catch C5:R5 -> {C5, R5} end),
    erlang:display(try erlang:raise(?MODULE:id(bogus), r, []) catch C6:R6 -> {C6, R6} end),
    erlang:display(try rethrow(fun() -> ?MODULE:id(1) div ?MODULE:id(0) end) catch C7:R7 -> {C7, R7} end),
    ok.
