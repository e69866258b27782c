-module(exceptions_badarity).
-export([start/0, id/1]).

%% {badarity, {Fun, Args}}: with external funs the whole reason is printed; with
%% local funs only the arguments and the fun's arity (local funs print with hashes).
id(X) -> X.

start() ->
    Ext = ?MODULE:id(fun lists:reverse/1),
    erlang:display(try Ext(1, 2) catch C1:R1 -> {C1, R1} end),
    erlang:display(try Ext() catch C2:R2 -> {C2, R2} end),
    Local = ?MODULE:id(fun(A, B) -> A + B end),
    erlang:display(try Local(1)
                   catch error:{badarity, {F, Args}} ->
                           {badarity, erlang:fun_info(F, arity), Args, F =:= Local}
                   end),
    Zero = ?MODULE:id(fun() -> ok end),
    erlang:display(try Zero(a, b, c)
                   catch error:{badarity, {_, Args2}} -> {badarity, Args2}
                   end),
    erlang:display(try apply(Ext, [a, b]) catch C3:R3 -> {C3, R3} end),
    ok.
