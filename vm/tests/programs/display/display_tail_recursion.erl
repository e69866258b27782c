-module(display_tail_recursion).
-export([start/0]).

%% Tail-recursive loops with 1,000,000 iterations (must run in constant stack).
count(0, Acc) -> Acc;
count(N, Acc) -> count(N - 1, Acc + N).

loop_tuple(0, {A, B}) -> {A, B};
loop_tuple(N, {A, B}) -> loop_tuple(N - 1, {B, (A + B) rem 1000000007}).

even(0) -> true;
even(N) -> odd(N - 1).
odd(0) -> false;
odd(N) -> even(N - 1).

build(0, Acc) -> Acc;
build(N, Acc) -> build(N - 1, [N | Acc]).

sum_list([], Acc) -> Acc;
sum_list([H | T], Acc) -> sum_list(T, Acc + H).

fact(0, Acc) -> Acc;
fact(N, Acc) -> fact(N - 1, N * Acc).

start() ->
    erlang:display(count(1000000, 0)),
    erlang:display(loop_tuple(1000000, {0, 1})),
    erlang:display(even(1000000)),
    erlang:display(odd(1000001)),
    L = build(1000000, []),
    erlang:display(length(L)),
    erlang:display(sum_list(L, 0)),
    erlang:display(lists:last(L)),
    erlang:display(lists:foldl(fun(X, Acc) -> Acc bxor X end, 0, L)),
    F = fact(1000, 1),
    erlang:display(F rem 1000000007),
    erlang:display(length(integer_to_list(F))),
    ok.
