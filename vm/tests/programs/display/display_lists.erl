-module(display_lists).
-export([start/0, id/1]).

%% Lists and list BIFs: length, hd, tl, ++, --, lists:reverse/1,2, keyfind, member.
id(X) -> X.

start() ->
    L = ?MODULE:id([3, 1, 4, 1, 5, 9, 2, 6]),
    erlang:display(L),
    erlang:display(length(L)),
    erlang:display(hd(L)),
    erlang:display(tl(L)),
    erlang:display(hd(tl(tl(L)))),
    erlang:display(L ++ [7, 8]),
    erlang:display(L -- [1, 9, 42]),
    erlang:display([] ++ []),
    erlang:display([a] ++ b),
    erlang:display(lists:reverse(L)),
    erlang:display(lists:reverse([1, 2, 3], [4, 5])),
    erlang:display(lists:reverse([], tail)),
    KL = ?MODULE:id([{a, 1}, {b, 2}, {c, 3}, {b, 4}]),
    erlang:display(lists:keyfind(b, 1, KL)),
    erlang:display(lists:keyfind(3, 2, KL)),
    erlang:display(lists:keyfind(z, 1, KL)),
    erlang:display(lists:keymember(c, 1, KL)),
    erlang:display(lists:member(5, L)),
    erlang:display(lists:member(7, L)),
    erlang:display(lists:member(1.0, L)),
    erlang:display(lists:nth(3, L)),
    erlang:display(lists:sum(L)),
    erlang:display(lists:seq(1, 10)),
    erlang:display(lists:seq(10, 1, -3)),
    erlang:display(length(lists:seq(1, 100000))),
    erlang:display([[]]),
    erlang:display([[], [[]], [[[]]]]),
    [H | T] = L,
    erlang:display({H, T}),
    ok.
