-module(display_list_comprehensions).
-export([start/0]).

%% List comprehensions: generators, filters, multiple generators, patterns in
%% generators (non-matching elements skipped), nested comprehensions, binary generators.
start() ->
    erlang:display([X * 2 || X <- [1, 2, 3]]),
    erlang:display([X || X <- lists:seq(1, 20), X rem 3 =:= 0]),
    erlang:display([{X, Y} || X <- [1, 2, 3], Y <- [a, b]]),
    erlang:display([{X, Y} || X <- [1, 2, 3], Y <- [1, 2, 3], X < Y]),
    erlang:display([X || {ok, X} <- [{ok, 1}, error, {ok, 2}, {error, 3}, {ok, 3}]]),
    erlang:display([[Y || Y <- lists:seq(1, X)] || X <- [1, 2, 3]]),
    erlang:display([X || <<X>> <= <<1, 2, 3, 4>>, X > 2]),
    erlang:display([{A, B} || <<A:4, B:4>> <= <<16#12, 16#34>>]),
    erlang:display([{A, B, C} || A <- lists:seq(1, 20), B <- lists:seq(A, 20), C <- lists:seq(B, 20),
                                 A * A + B * B =:= C * C]),
    erlang:display([X || X <- [], X > 0]),
    erlang:display([ok || _ <- [1, 2, 3]]),
    erlang:display([X || X <- [1, 2, 3], X > 5]),
    Y = 2,
    erlang:display([X * Y || X <- [1, 2, 3]]),
    erlang:display(length([X || X <- lists:seq(1, 100000), X rem 7 =:= 0])),
    erlang:display([string:to_upper(W) || W <- ["ab", "cd"]]),
    erlang:display([K || {K, V} <- [{a, 1}, {b, 2}, {c, 1}], V =:= 1]),
    ok.
