-module(display_element_bifs).
-export([start/0, id/1]).

%% element/setelement/tuple_size/length/hd/tl used in loops and on run-time values.
id(X) -> X.

sum_tuple(T) -> sum_tuple(T, tuple_size(T), 0).
sum_tuple(_, 0, Acc) -> Acc;
sum_tuple(T, I, Acc) -> sum_tuple(T, I - 1, Acc + element(I, T)).

fill(T, 0) -> T;
fill(T, I) -> fill(setelement(I, T, I * 10), I - 1).

my_length([]) -> 0;
my_length(L) -> 1 + my_length(tl(L)).

start() ->
    T = list_to_tuple(lists:seq(1, 100)),
    erlang:display(sum_tuple(T)),
    F = fill(erlang:make_tuple(8, 0), 8),
    erlang:display(F),
    erlang:display(tuple_size(F)),
    L = ?MODULE:id("abcdefghij"),
    erlang:display(my_length(L)),
    erlang:display(length(L)),
    erlang:display({hd(L), hd(tl(L)), tl(tl(tl(tl(tl(tl(tl(tl(tl(L)))))))))}),
    erlang:display(element(2, {?MODULE:id(x), y, z})),
    erlang:display([element(I, {a, b, c}) || I <- [3, 2, 1]]),
    ok.
