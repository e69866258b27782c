-module(display_float_arith).
-export([start/0, id/1]).

%% Float arithmetic, mixed int/float arithmetic and rounding BIFs.
id(X) -> X.

start() ->
    A = ?MODULE:id(3.5),
    B = ?MODULE:id(-1.25),
    erlang:display({A + B, A - B, A * B, A / B}),
    erlang:display(?MODULE:id(7) / 2),
    erlang:display(?MODULE:id(1) / 3),
    erlang:display(?MODULE:id(10) / 5),
    erlang:display(?MODULE:id(2) + 0.5),
    erlang:display(?MODULE:id(1 bsl 70) * 1.0),
    erlang:display(?MODULE:id(1 bsl 70) / 3),
    erlang:display(float(?MODULE:id(42))),
    erlang:display([trunc(?MODULE:id(X)) || X <- [2.7, -2.7, 0.5, -0.5, 1.0e20]]),
    erlang:display([round(?MODULE:id(X)) || X <- [2.5, -2.5, 2.4999, 3.5, -0.5, 1.0e20]]),
    erlang:display([floor(?MODULE:id(X)) || X <- [2.7, -2.7, 3.0, 5]]),
    erlang:display([ceil(?MODULE:id(X)) || X <- [2.2, -2.2, 3.0, 5]]),
    erlang:display(?MODULE:id(0.1) + 0.2),
    erlang:display(?MODULE:id(0.1) + 0.2 =:= 0.3),
    erlang:display(1 == ?MODULE:id(1.0)),
    erlang:display(1 =:= ?MODULE:id(1.0)),
    erlang:display(1 /= ?MODULE:id(1.0)),
    erlang:display(1 =/= ?MODULE:id(1.0)),
    erlang:display(?MODULE:id(1.0e300) * 1.0e-300),
    erlang:display(-?MODULE:id(0.0)),
    erlang:display(?MODULE:id(0.0) == -0.0),
    erlang:display(math:sqrt(?MODULE:id(2.0))),
    erlang:display(math:pow(?MODULE:id(2), 0.5)),
    erlang:display(math:pi()),
    ok.
