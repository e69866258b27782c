-module(stdlib_seq_sums).
-export([start/0]).

%% lists:seq ranges and their sums via lists:sum, foldl and arithmetic formulas,
%% including bignum sums and float sums.
start() ->
    erlang:display(lists:sum(lists:seq(1, 100))),
    erlang:display(lists:sum(lists:seq(1, 1000000))),
    erlang:display(lists:sum(lists:seq(-50, 50))),
    erlang:display(lists:sum(lists:seq(1, 100, 7))),
    erlang:display(lists:sum(lists:seq(100, 1, -3))),
    erlang:display(lists:sum([])),
    erlang:display(lists:foldl(fun(X, A) -> X * X + A end, 0, lists:seq(1, 1000))),
    erlang:display(lists:foldl(fun(X, A) -> X * A end, 1, lists:seq(1, 30))),
    erlang:display(lists:sum([X * 1.5 || X <- lists:seq(1, 10)])),
    erlang:display(lists:sum(lists:seq(1 bsl 62, (1 bsl 62) + 10))),
    erlang:display(length(lists:seq(5, 5))),
    erlang:display(lists:seq(5, 4)),
    erlang:display(try lists:seq(5, 3) catch C:R -> {C, R} end),
    erlang:display(lists:sum(lists:seq(1, 100)) =:= 100 * 101 div 2),
    ok.
