-module(maps_word_count).
-export([start/0]).

%% A word-frequency count with maps:update_with, then sorted by count.
text() ->
    "the quick brown fox jumps over the lazy dog the dog barks and the fox runs "
    "a quick brown dog and a lazy fox".

start() ->
    Words = string:lexemes(text(), " "),
    Counts = lists:foldl(fun(W, M) -> maps:update_with(W, fun(C) -> C + 1 end, 1, M) end,
                         #{}, Words),
    erlang:display(map_size(Counts)),
    erlang:display(maps:get("the", Counts)),
    Sorted = lists:sort(fun({W1, C1}, {W2, C2}) -> {-C1, W1} =< {-C2, W2} end, maps:to_list(Counts)),
    erlang:display(lists:sublist(Sorted, 5)),
    ByLen = maps:groups_from_list(fun length/1, lists:usort(Words)),
    erlang:display(ByLen),
    ok.
