-module(stress_deep_recursion).
-export([start/0]).

%% Deep non-tail recursion (a million frames) and long lists: the stack and heap
%% grow as needed, no overflow.
start() ->
    erlang:display(sum(1000000)),
    erlang:display(length(build(1000000))),
    erlang:display(depth(lists:foldl(fun(_, Acc) -> {Acc} end, leaf, lists:seq(1, 100000)), 0)).

sum(0) -> 0;
sum(N) -> N + sum(N - 1).

build(0) -> [];
build(N) -> [N | build(N - 1)].

depth({Inner}, D) -> depth(Inner, D + 1);
depth(leaf, D) -> D.
