-module(stdlib_orddict).
-export([start/0]).

%% orddict: store, append, update_counter, fetch, find, erase, merge, fold, map,
%% filter, to_list/from_list (always key-ordered).
start() ->
    D0 = orddict:new(),
    D1 = orddict:store(b, 2, orddict:store(a, 1, orddict:store(c, 3, D0))),
    erlang:display(D1),
    erlang:display(orddict:fetch(b, D1)),
    erlang:display(orddict:find(z, D1)),
    erlang:display(orddict:is_key(a, D1)),
    D2 = orddict:append(list, x, orddict:append(list, y, D1)),
    erlang:display(D2),
    D3 = orddict:update_counter(a, 10, D2),
    erlang:display(orddict:fetch(a, D3)),
    erlang:display(orddict:erase(list, D3)),
    erlang:display(orddict:fetch_keys(D3)),
    erlang:display(orddict:merge(fun(_K, V1, V2) -> V1 + V2 end,
                                 orddict:from_list([{a, 1}, {b, 2}]), orddict:from_list([{b, 10}, {c, 20}]))),
    erlang:display(orddict:fold(fun(K, V, Acc) -> [{V, K} | Acc] end, [], D1)),
    erlang:display(orddict:map(fun(_, V) -> V * V end, D1)),
    erlang:display(orddict:filter(fun(K, _) -> K =/= b end, D1)),
    erlang:display(orddict:from_list([{z, 1}, {a, 2}, {m, 3}, {a, 4}])),
    erlang:display(orddict:size(D1)),
    erlang:display(orddict:update(c, fun(V) -> V * 100 end, D1)),
    erlang:display(orddict:take(a, D1)),
    ok.
