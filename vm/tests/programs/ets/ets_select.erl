-module(ets_select).
-export([start/0]).
-include_lib("stdlib/include/ms_transform.hrl").

%% ets:select with literal match specs (guards, bodies building tuples and
%% lists, '$_' and '$$', several clauses, constants, arithmetic, element/2,
%% is_* guards, andalso/orelse, const), the same through ets:fun2ms, select
%% with a limit and continuations, select_reverse, select_count,
%% select_delete, select_replace, ets:match_spec_run and ets:test_ms.
start() ->
    T = ets:new(items, [ordered_set]),
    Items = [{I, item_name(I), I * 3 rem 7, if I rem 2 =:= 0 -> even; true -> odd end}
             || I <- lists:seq(1, 12)],
    true = ets:insert(T, Items),
    H = ets:new(items_hash, [set]),
    true = ets:insert(H, Items),
    show("keys with weight > 4",
         ets:select(T, [{{'$1', '_', '$2', '_'}, [{'>', '$2', 4}], ['$1']}])),
    show("'$$' of even",
         ets:select(T, [{{'$1', '$2', '_', even}, [], ['$$']}])),
    show("'$_' of key < 3",
         ets:select(T, [{{'$1', '_', '_', '_'}, [{'<', '$1', 3}], ['$_']}])),
    show("body builds tuple",
         ets:select(T, [{{'$1', '$2', '$3', odd}, [{'=<', '$1', 5}], [{{'$2', {'*', '$3', 10}}}]}])),
    show("body builds list",
         ets:select(T, [{{'$1', '_', '$3', '_'}, [{'==', '$3', 0}], [['$1', '$3', done]]}])),
    show("two clauses",
         ets:select(T, [{{'$1', '_', 6, '_'}, [], [{{six, '$1'}}]},
                        {{'$1', '_', 0, '_'}, [], [{{zero, '$1'}}]}])),
    show("andalso/orelse",
         ets:select(T, [{{'$1', '_', '$2', '$3'},
                         [{'orelse', {'andalso', {'>', '$1', 9}, {'==', '$3', even}},
                           {'==', '$2', 1}}],
                         ['$1']}])),
    show("guard list is and",
         ets:select(T, [{{'$1', '_', '$2', '_'}, [{'>', '$1', 3}, {'<', '$2', 3}], ['$1']}])),
    show("is_atom/element/const",
         ets:select(T, [{'$1', [{is_atom, {element, 4, '$1'}}, {'==', {element, 1, '$1'}, 7}],
                         [{const, {seven, found}}]}])),
    show("arith in guard",
         ets:select(T, [{{'$1', '_', '_', '_'}, [{'==', {'rem', '$1', 5}, 0}], [{'-', '$1', 1}]}])),
    show("hash table sorted",
         lists:sort(ets:select(H, [{{'$1', '_', '$2', '_'}, [{'==', '$2', 3}], ['$1']}]))),
    %% fun2ms
    MS1 = ets:fun2ms(fun({K, N, W, odd}) when W >= 5 -> {K, N} end),
    show("fun2ms spec", MS1),
    show("fun2ms select", ets:select(T, MS1)),
    MS2 = ets:fun2ms(fun(Obj = {K, _, _, _}) when K > 10 -> Obj end),
    show("fun2ms object", ets:select(T, MS2)),
    Limit = 4,
    MS3 = ets:fun2ms(fun({K, _, W, P}) when K =< Limit, P =:= even -> {P, K * 100 + W} end),
    show("fun2ms with bound var", ets:select(T, MS3)),
    MS4 = ets:fun2ms(fun({K, _, W, _}) when is_integer(W), W =/= 0 -> K end),
    show("select_count", ets:select_count(T, ets:fun2ms(fun({_, _, W, _}) when W > 3 -> true end))),
    show("select_count hash", ets:select_count(H, [{{'_', '_', '_', odd}, [], [true]}])),
    show("select_count none", ets:select_count(T, [{{'_', '_', 99, '_'}, [], [true]}])),
    %% limit and continuation
    {Ch1, Cont1} = ets:select(T, MS4, 3),
    show("chunk 1", Ch1),
    {Ch2, Cont2} = ets:select(Cont1),
    show("chunk 2", Ch2),
    {Ch3, Cont3} = ets:select(Cont2),
    show("chunk 3", Ch3),
    {Ch4, Cont4} = ets:select(Cont3),
    show("chunk 4", Ch4),
    show("chunk 4 was the last", Cont4 =:= '$end_of_table'),
    show("hash chunks union sorted", lists:sort(chunks(ets:select(H, MS4, 4)))),
    {R1, RC} = ets:select_reverse(T, MS4, 4),
    show("reverse chunk 1", R1),
    {R2, _} = ets:select_reverse(RC),
    show("reverse chunk 2", R2),
    show("select_reverse all", ets:select_reverse(T, [{{'$1', '_', '_', even}, [], ['$1']}])),
    %% select_replace: keys must stay the same
    show("select_replace",
         ets:select_replace(T, [{{'$1', '$2', '$3', odd}, [{'<', '$1', 4}],
                                 [{{'$1', '$2', {'+', '$3', 100}, odd}}]}])),
    show("after replace", ets:select(T, [{{'$1', '_', '$2', '_'}, [{'<', '$1', 5}], [{{'$1', '$2'}}]}])),
    %% select_delete: only clauses returning true delete
    show("select_delete", ets:select_delete(T, [{{'_', '_', '$1', '_'}, [{'>', '$1', 99}], [true]}])),
    show("select_delete non-true body", ets:select_delete(T, [{{'_', '_', '_', '_'}, [], [false]}])),
    show("keys left", ets:select(T, [{{'$1', '_', '_', '_'}, [], ['$1']}])),
    show("select_delete fun2ms",
         ets:select_delete(T, ets:fun2ms(fun({_, _, _, even}) -> true end))),
    show("keys left", ets:select(T, [{{'$1', '_', '_', '_'}, [], ['$1']}])),
    show("select_delete hash", ets:select_delete(H, [{'_', [], [true]}])),
    show("hash size", ets:info(H, size)),
    %% match_spec_run and test_ms
    MS5 = ets:fun2ms(fun({A, B}) when A > B -> {B, A} end),
    show("match_spec_run", ets:match_spec_run([{1, 2}, {5, 3}, {9, 0}], ets:match_spec_compile(MS5))),
    show("test_ms match", ets:test_ms({7, 4}, MS5)),
    show("test_ms no match", ets:test_ms({1, 4}, MS5)),
    show("bad spec", try ets:select(T, [{bad}]) catch error:badarg -> badarg end),
    ok.

item_name(I) -> list_to_atom("item" ++ integer_to_list(I)).

chunks('$end_of_table') -> [];
chunks({L, C}) -> L ++ chunks(ets:select(C)).

show(Label, Value) -> io:format("~s: ~p~n", [Label, Value]).
