-module(exceptions_undef).
-export([start/0, id/1]).

%% undef for a missing module, a missing function and a wrong arity; the module
%% name is built at run time.
id(X) -> X.

start() ->
    M = ?MODULE:id(no_such_module_xyz),
    erlang:display(try M:f() catch C1:R1 -> {C1, R1} end),
    erlang:display(try (?MODULE:id(lists)):no_such_function(1) catch C2:R2 -> {C2, R2} end),
    erlang:display(try (?MODULE:id(lists)):reverse(1, 2, 3) catch C3:R3 -> {C3, R3} end),
    erlang:display(try apply(?MODULE:id(?MODULE), missing, []) catch C4:R4 -> {C4, R4} end),
    F = fun M:g/0,
    erlang:display(try F() catch C5:R5 -> {C5, R5} end),
    erlang:display(try erlang:no_such_bif() catch C6:R6 -> {C6, R6} end),
    ok.
