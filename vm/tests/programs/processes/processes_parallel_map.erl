-module(processes_parallel_map).
-export([start/0]).

%% A parallel map: one process per element, results collected in input order by
%% matching on per-worker tags.
pmap(F, L) ->
    Self = self(),
    Tagged = [{I, spawn(fun() -> Self ! {result, I, F(X)} end)} || {I, X} <- lists:zip(lists:seq(1, length(L)), L)],
    [receive {result, I, V} -> V end || {I, _} <- Tagged].

fib(0) -> 0;
fib(1) -> 1;
fib(N) -> fib(N - 1) + fib(N - 2).

start() ->
    erlang:display(pmap(fun(X) -> X * X end, lists:seq(1, 20))),
    erlang:display(pmap(fun fib/1, lists:seq(10, 20))),
    erlang:display(pmap(fun(L) -> lists:sort(L) end, [[3, 1, 2], [b, a], []])),
    erlang:display(lists:sum(pmap(fun(X) -> X end, lists:seq(1, 500)))),
    ok.
