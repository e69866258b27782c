-module(ets_ordered).
-export([start/0]).

%% ordered_set traversal (first/next/last/prev, next/prev of absent keys,
%% keys of mixed types in term order, 1 vs 1.0 being the same key), foldl/foldr,
%% update_element, update_counter (increments, thresholds, several ops, a
%% default object), insert_new with lists, lookup_element, a keypos other
%% than 1, and the set/ordered_set difference for integer and float keys.
start() ->
    T = ets:new(ord, [ordered_set]),
    Keys = [b, 3, {1, a}, "str", 2.5, <<"bin">>, [], a, -7, {0}, 10],
    true = ets:insert(T, [{K, v} || K <- Keys]),
    show("forward", walk(T, ets:first(T), fun ets:next/2)),
    show("backward", walk(T, ets:last(T), fun ets:prev/2)),
    show("next of absent 4", ets:next(T, 4)),
    show("prev of absent 4", ets:prev(T, 4)),
    show("next of last", ets:next(T, ets:last(T))),
    show("prev of first", ets:prev(T, ets:first(T))),
    show("next of absent beyond all", ets:next(T, <<"zzz">>)),
    E = ets:new(empty, [ordered_set]),
    show("first/last of empty", {ets:first(E), ets:last(E)}),
    %% 1 and 1.0 are the same key in an ordered_set but not in a set
    true = ets:insert(E, {1, int}),
    true = ets:insert(E, {1.0, float}),
    show("ordered_set 1 vs 1.0", {ets:tab2list(E), ets:lookup(E, 1)}),
    S = ets:new(hashed, [set]),
    true = ets:insert(S, [{1, int}, {1.0, float}]),
    show("set 1 vs 1.0", {ets:info(S, size), ets:lookup(S, 1), ets:lookup(S, 1.0)}),
    %% folds
    N = ets:new(nums, [ordered_set]),
    true = ets:insert(N, [{I, I * I} || I <- lists:seq(1, 10)]),
    show("foldl order", ets:foldl(fun({K, _}, Acc) -> [K | Acc] end, [], N)),
    show("foldr order", ets:foldr(fun({K, _}, Acc) -> [K | Acc] end, [], N)),
    show("foldl sum", ets:foldl(fun({_, V}, Acc) -> V + Acc end, 0, N)),
    show("foldl on set sorted", lists:sort(ets:foldl(fun({_, V}, Acc) -> [V | Acc] end, [], S))),
    %% update_element
    R = ets:new(recs, [set]),
    true = ets:insert(R, {k, a, b, c}),
    show("update_element one", ets:update_element(R, k, {2, x})),
    show("update_element many", ets:update_element(R, k, [{3, y}, {4, z}, {3, w}])),
    show("after update_element", ets:lookup(R, k)),
    show("update_element missing", ets:update_element(R, nokey, {2, x})),
    show("update_element key pos", try ets:update_element(R, k, {1, j}) catch error:badarg -> badarg end),
    show("update_element out of range", try ets:update_element(R, k, {9, j}) catch error:badarg -> badarg end),
    %% update_counter
    C = ets:new(counters, [set]),
    true = ets:insert(C, {c, 0, 10, 100}),
    show("incr default pos", ets:update_counter(C, c, 1)),
    show("incr pos 3", ets:update_counter(C, c, {3, 5})),
    show("decr pos 4", ets:update_counter(C, c, {4, -30})),
    show("several ops", ets:update_counter(C, c, [{2, 1}, {3, -1}, {2, 1}])),
    show("threshold wrap up", [ets:update_counter(C, c, {2, 1, 4, 0}) || _ <- lists:seq(1, 5)]),
    show("threshold wrap down", [ets:update_counter(C, c, {4, -25, 10, 99}) || _ <- lists:seq(1, 4)]),
    show("counter object", ets:lookup(C, c)),
    show("missing with default", ets:update_counter(C, d, {2, 7}, {d, 100})),
    show("default object stored", ets:lookup(C, d)),
    show("missing no default", try ets:update_counter(C, e, 1) catch error:badarg -> badarg end),
    true = ets:insert(C, {f, not_a_number}),
    show("non-integer", try ets:update_counter(C, f, {2, 1}) catch error:badarg -> badarg end),
    show("bignum counter", ets:update_counter(C, d, {2, 1 bsl 64})),
    show("update_counter on ordered_set", begin
                                              ets:insert(N, {0, 0}),
                                              ets:update_counter(N, 0, {2, 5, 3, -1})
                                          end),
    %% insert_new
    I = ets:new(ins, [ordered_set]),
    show("insert_new list", ets:insert_new(I, [{1, a}, {2, b}])),
    show("insert_new list clash", ets:insert_new(I, [{3, c}, {2, z}])),
    show("nothing inserted", ets:tab2list(I)),
    show("insert_new single", ets:insert_new(I, {3, c})),
    show("insert_new same", ets:insert_new(I, {3, d})),
    show("insert overwrites", begin ets:insert(I, {3, d}), ets:lookup(I, 3) end),
    %% lookup_element
    show("lookup_element", ets:lookup_element(I, 3, 2)),
    show("lookup_element missing", try ets:lookup_element(I, 9, 2) catch error:badarg -> badarg end),
    %% keypos 2
    K = ets:new(kp, [ordered_set, {keypos, 2}]),
    true = ets:insert(K, [{user, 30, carol}, {user, 10, alice}, {user, 20, bob}]),
    show("keypos 2 order", ets:tab2list(K)),
    show("keypos 2 lookup", ets:lookup(K, 20)),
    show("keypos 2 first/next", {ets:first(K), ets:next(K, 10)}),
    show("keypos 2 info", ets:info(K, keypos)),
    show("keypos too small tuple", try ets:insert(K, {only_one}) catch error:badarg -> badarg end),
    [ets:delete(X) || X <- [T, E, S, N, R, C, I, K]],
    ok.

walk(_T, '$end_of_table', _Step) -> [];
walk(T, Key, Step) -> [Key | walk(T, Step(T, Key), Step)].

show(Label, Value) -> io:format("~s: ~p~n", [Label, Value]).
