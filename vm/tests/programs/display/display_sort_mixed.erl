-module(display_sort_mixed).
-export([start/0]).

%% Sorting: lists:sort/1 and /2, usort, keysort, sort of deep mixed terms.
start() ->
    erlang:display(lists:sort([5, 3, 8, 1, 9, 2])),
    erlang:display(lists:sort(fun(A, B) -> A >= B end, [5, 3, 8, 1, 9, 2])),
    erlang:display(lists:usort([3, 1, 3, 2, 1])),
    erlang:display(lists:keysort(2, [{a, 3}, {b, 1}, {c, 2}, {d, 1}])),
    erlang:display(lists:sort([{b, 2}, {a, 2}, {a, 1}, {b, 1, 0}, {a}])),
    erlang:display(lists:sort(["banana", "apple", "cherry", "app", ""])),
    erlang:display(lists:sort([<<"b">>, <<"a">>, <<"ab">>, <<>>, <<0:1>>])),
    erlang:display(lists:sort([[3], [1, 2], [1], [], [1 | 2]])),
    erlang:display(lists:sort([-1.5, 2, -3, 0.0, 0, 1 bsl 65, -(1 bsl 65)])),
    erlang:display(lists:sort([#{b => 1}, #{a => 2}, #{a => 1, b => 1}, #{}])),
    erlang:display(lists:merge([1, 4, 7], [2, 3, 9])),
    erlang:display(lists:sort(lists:reverse(lists:seq(1, 50)))),
    ok.
