-module(exceptions_try_of).
-export([start/0, id/1]).

%% try Expr of Pattern -> ... catch ... end with guards in of-clauses and catch
%% clauses; variables bound in the try body are used in of-clauses.
id(X) -> X.

classify(F) ->
    try F() of
        {ok, V} when V > 100 -> {big_ok, V};
        {ok, V} -> {ok, V};
        error -> plain_error;
        Other -> {other, Other}
    catch
        throw:{retry, N} when N < 3 -> {retry, N + 1};
        throw:{retry, _} -> gave_up;
        error:badarith -> arith;
        exit:_ -> exited
    end.

start() ->
    Cases = [fun() -> {ok, ?MODULE:id(500)} end,
             fun() -> {ok, ?MODULE:id(5)} end,
             fun() -> ?MODULE:id(error) end,
             fun() -> ?MODULE:id([misc]) end,
             fun() -> throw({retry, ?MODULE:id(1)}) end,
             fun() -> throw({retry, ?MODULE:id(3)}) end,
             fun() -> ?MODULE:id(1) / ?MODULE:id(0) end,
             fun() -> exit(?MODULE:id(whatever)) end],
    erlang:display([classify(F) || F <- Cases]),
    Val = try ?MODULE:id(21) of N -> N * 2 catch _:_ -> 0 end,
    erlang:display(Val),
    ok.
