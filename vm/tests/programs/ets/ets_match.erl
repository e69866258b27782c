-module(ets_match).
-export([start/0]).

%% ets:match/2,3, match_object/2,3, match_delete/2 and ets:match with a limit
%% and continuation on set, ordered_set and bag tables; patterns with '$N'
%% variables, '_', repeated variables, nested tuples, literals and lists.
%% Results from hashed tables are sorted; ordered_set results are printed as is.
start() ->
    Rows = [{alice, 31, {london, uk}, [admin, dev]},
            {bob, 25, {paris, fr}, [dev]},
            {carol, 31, {berlin, de}, []},
            {dave, 40, {london, uk}, [ops]},
            {erin, 25, {lyon, fr}, [dev, ops]},
            {frank, 52, {london, uk}, [admin]}],
    S = ets:new(people, [set]),
    O = ets:new(people_ordered, [ordered_set]),
    true = ets:insert(S, Rows),
    true = ets:insert(O, Rows),
    show("match names aged 31", lists:sort(ets:match(S, {'$1', 31, '_', '_'}))),
    show("match name+city in uk", lists:sort(ets:match(S, {'$1', '_', {'$2', uk}, '_'}))),
    show("match ordered name+age", ets:match(O, {'$1', '$2', '_', '_'})),
    show("match reversed vars", lists:sort(ets:match(S, {'$2', '$1', {'_', fr}, '_'}))),
    show("match no vars", ets:match(S, {bob, '_', '_', '_'})),
    show("match nothing", ets:match(S, {nobody, '_', '_', '_'})),
    show("match list head", lists:sort(ets:match(S, {'$1', '_', '_', [admin | '_']}))),
    show("match empty list", ets:match(S, {'$1', '_', '_', []})),
    show("match two-element list", lists:sort(ets:match(S, {'$1', '_', '_', ['$2', '$3']}))),
    show("match_object london", lists:sort(ets:match_object(S, {'_', '_', {london, '_'}, '_'}))),
    show("match_object ordered fr", ets:match_object(O, {'_', '_', {'_', fr}, '_'})),
    show("match_object all count", length(ets:match_object(S, '_'))),
    show("match '$1' whole object", lists:sort(ets:match(S, '$1')) =:= [[R] || R <- lists:sort(Rows)]),
    %% repeated variable: both positions must be equal
    P = ets:new(pairs, [set]),
    ets:insert(P, [{1, a, a}, {2, a, b}, {3, c, c}, {4, {x}, {x}}]),
    show("repeated var", lists:sort(ets:match(P, {'$1', '$2', '$2'}))),
    show("repeated var object", lists:sort(ets:match_object(P, {'_', '$9', '$9'}))),
    %% key bound pattern
    show("key bound", ets:match(S, {carol, '$1', '$2', '_'})),
    %% match with limit + continuation on ordered_set: fixed chunks
    {C1, Cont1} = ets:match(O, {'$1', '_', '_', '_'}, 4),
    show("ordered chunk 1", C1),
    {C2, Cont2} = ets:match(Cont1),
    show("ordered chunk 2", C2),
    show("ordered end", ets:match(Cont2)),
    show("limit on empty result", ets:match(O, {nobody, '_', '_', '_'}, 3)),
    %% on a set: the union of all chunks is everything
    show("set chunks union", lists:sort(all_chunks(ets:match(S, {'$1', '$2', '_', '_'}, 2)))),
    {OC1, OCont} = ets:match_object(O, {'_', 25, '_', '_'}, 1),
    show("match_object chunk", OC1),
    {OC2, _} = ets:match_object(OCont),
    show("match_object next chunk", OC2),
    %% bags
    B = ets:new(tags, [bag]),
    ets:insert(B, [{a, 1}, {a, 2}, {b, 1}, {c, 3}, {a, 3}]),
    show("bag match key a", lists:sort(ets:match(B, {a, '$1'}))),
    show("bag match value 1", lists:sort(ets:match(B, {'$1', 1}))),
    show("bag match_object", lists:sort(ets:match_object(B, {'_', 3}))),
    %% match_delete
    true = ets:match_delete(S, {'_', 25, '_', '_'}),
    show("after match_delete 25", lists:sort([N || {N, _, _, _} <- ets:tab2list(S)])),
    true = ets:match_delete(O, {'_', '_', {london, '_'}, '_'}),
    show("ordered after match_delete london", [N || {N, _, _, _} <- ets:tab2list(O)]),
    true = ets:match_delete(B, {a, '_'}),
    show("bag after match_delete a", lists:sort(ets:tab2list(B))),
    true = ets:match_delete(B, {'_', 1}),
    show("bag after match_delete value 1", lists:sort(ets:tab2list(B))),
    true = ets:match_delete(P, '_'),
    show("match_delete all size", ets:info(P, size)),
    %% badarg
    show("match on deleted table",
         begin ets:delete(P), try ets:match(P, '_') catch error:badarg -> badarg end end),
    ok.

all_chunks('$end_of_table') -> [];
all_chunks({Items, Cont}) -> Items ++ all_chunks(ets:match(Cont)).

show(Label, Value) -> io:format("~s: ~p~n", [Label, Value]).
