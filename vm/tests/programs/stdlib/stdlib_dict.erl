-module(stdlib_dict).
-export([start/0]).

%% dict (hash-based): results are printed through sorted lists, since the
%% internal order depends on hashing.
start() ->
    D = dict:from_list([{I, I * I} || I <- lists:seq(1, 50)]),
    erlang:display(dict:size(D)),
    erlang:display(dict:fetch(7, D)),
    erlang:display(dict:find(51, D)),
    D2 = dict:store(51, x, dict:erase(1, D)),
    erlang:display(lists:sublist(lists:sort(dict:to_list(D2)), 3)),
    erlang:display(lists:sort(dict:fetch_keys(dict:filter(fun(K, _) -> K rem 10 =:= 0 end, D)))),
    erlang:display(dict:fold(fun(_, V, Acc) -> V + Acc end, 0, D)),
    D3 = lists:foldl(fun(W, Acc) -> dict:update_counter(W, 1, Acc) end, dict:new(),
                     [a, b, a, c, b, a]),
    erlang:display(lists:sort(dict:to_list(D3))),
    D4 = dict:append_list(k, [1, 2], dict:append(k, 0, dict:new())),
    erlang:display(dict:fetch(k, D4)),
    D5 = dict:merge(fun(_, A, B) -> A + B end, dict:from_list([{a, 1}, {b, 2}]),
                    dict:from_list([{b, 3}, {c, 4}])),
    erlang:display(lists:sort(dict:to_list(D5))),
    erlang:display(lists:sort(dict:to_list(dict:map(fun(_, V) -> -V end, D5)))),
    erlang:display(dict:is_key(c, D5)),
    ok.
