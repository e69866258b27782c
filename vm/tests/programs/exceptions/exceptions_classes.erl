-module(exceptions_classes).
-export([start/0, id/1]).

%% error/1, exit/1 and throw/1 each caught as {Class, Reason}; class-specific clauses.
id(X) -> X.

run(F) ->
    try F() of
        V -> {returned, V}
    catch
        Class:Reason -> {Class, Reason}
    end.

which(F) ->
    try F()
    catch
        throw:_ -> was_throw;
        error:_ -> was_error;
        exit:_ -> was_exit
    end.

start() ->
    erlang:display(run(fun() -> ?MODULE:id(fine) end)),
    erlang:display(run(fun() -> error(?MODULE:id(my_error)) end)),
    erlang:display(run(fun() -> exit(?MODULE:id(my_exit)) end)),
    erlang:display(run(fun() -> throw(?MODULE:id(my_throw)) end)),
    erlang:display(run(fun() -> exit(?MODULE:id(normal)) end)),
    erlang:display(run(fun() -> error(?MODULE:id({complex, [1, 2], #{k => v}})) end)),
    erlang:display(run(fun() -> exit(?MODULE:id({shutdown, reason})) end)),
    erlang:display([which(F) || F <- [fun() -> throw(t) end, fun() -> error(e) end,
                                      fun() -> exit(x) end]]),
    ok.
