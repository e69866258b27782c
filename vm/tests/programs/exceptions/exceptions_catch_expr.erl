-module(exceptions_catch_expr).
-export([start/0, id/1]).

%% The old-style `catch Expr`: value for normal return, thrown term for throw,
%% {'EXIT', Reason} for exit, {'EXIT', {Reason, Stack}} for error (only Reason printed).
id(X) -> X.

show({'EXIT', {Reason, Stack}}) when is_list(Stack) -> {error_exit, Reason};
show({'EXIT', Reason}) -> {exit, Reason};
show(Other) -> {value, Other}.

start() ->
    erlang:display(show(catch ?MODULE:id(42))),
    erlang:display(show(catch throw(?MODULE:id(thrown)))),
    erlang:display(show(catch exit(?MODULE:id(gone)))),
    erlang:display(show(catch error(?MODULE:id(broken)))),
    erlang:display(show(catch ?MODULE:id(1) + ?MODULE:id(a))),
    erlang:display(show(catch exit(?MODULE:id(normal)))),
    erlang:display(show(catch throw({'EXIT', ?MODULE:id(fake)}))),
    X = (catch ?MODULE:id(10)) + 1,
    erlang:display(X),
    L = [catch throw(I) || I <- [1, 2, 3]],
    erlang:display(L),
    erlang:display(show(catch (catch throw(inner)))),
    ok.
