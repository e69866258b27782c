-module(bench_fib).
-export([start/0]).
start() -> erlang:display(fib(30)).
fib(N) when N < 2 -> N;
fib(N) -> fib(N - 1) + fib(N - 2).
