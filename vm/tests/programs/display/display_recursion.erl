-module(display_recursion).
-export([start/0]).

%% Body recursion: fib, ackermann, hanoi move count, gcd, power set, permutations.
fib(0) -> 0;
fib(1) -> 1;
fib(N) -> fib(N - 1) + fib(N - 2).

ack(0, N) -> N + 1;
ack(M, 0) -> ack(M - 1, 1);
ack(M, N) -> ack(M - 1, ack(M, N - 1)).

hanoi(0, _, _, _) -> 0;
hanoi(N, From, To, Via) -> hanoi(N - 1, From, Via, To) + 1 + hanoi(N - 1, Via, To, From).

gcd(A, 0) -> A;
gcd(A, B) -> gcd(B, A rem B).

powerset([]) -> [[]];
powerset([H | T]) -> P = powerset(T), [[H | S] || S <- P] ++ P.

perms([]) -> [[]];
perms(L) -> [[H | T] || H <- L, T <- perms(L -- [H])].

qsort([]) -> [];
qsort([P | Rest]) -> qsort([X || X <- Rest, X < P]) ++ [P] ++ qsort([X || X <- Rest, X >= P]).

depth(N) when N > 0 -> 1 + depth(N - 1);
depth(0) -> 0.

start() ->
    erlang:display([fib(N) || N <- lists:seq(0, 20)]),
    erlang:display(fib(25)),
    erlang:display([ack(M, N) || M <- [0, 1, 2], N <- [0, 1, 2, 3]]),
    erlang:display(ack(2, 3)),
    erlang:display(ack(3, 3)),
    erlang:display(hanoi(10, a, c, b)),
    erlang:display(gcd(1071, 462)),
    erlang:display(gcd(1 bsl 100, 6 bsl 50)),
    erlang:display(powerset([a, b, c])),
    erlang:display(perms([1, 2, 3])),
    erlang:display(length(perms([1, 2, 3, 4, 5, 6]))),
    erlang:display(qsort([3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5])),
    erlang:display(depth(100000)),
    ok.
