-module(display_type_tests).
-export([start/0]).

%% Type-test BIFs on one sample of every type (pids, refs and local funs are
%% classified but never printed).
-record(point, {x, y}).

classify(X) ->
    [T || {T, F} <- [{atom, fun erlang:is_atom/1}, {binary, fun erlang:is_binary/1},
                     {bitstring, fun erlang:is_bitstring/1}, {boolean, fun erlang:is_boolean/1},
                     {float, fun erlang:is_float/1}, {function, fun erlang:is_function/1},
                     {integer, fun erlang:is_integer/1}, {list, fun erlang:is_list/1},
                     {map, fun erlang:is_map/1}, {number, fun erlang:is_number/1},
                     {pid, fun erlang:is_pid/1}, {port, fun erlang:is_port/1},
                     {reference, fun erlang:is_reference/1}, {tuple, fun erlang:is_tuple/1}],
          F(X)].

start() ->
    Samples = [{atom, ok}, {bool, true}, {int, 42}, {bigint, 1 bsl 100}, {float, 1.5},
               {nil, []}, {list, [1]}, {improper, [1 | 2]}, {tuple, {1}}, {empty_tuple, {}},
               {map, #{}}, {binary, <<1>>}, {bits, <<1:1>>}, {extfun, fun lists:map/2},
               {localfun, fun(X) -> X end}, {pid, self()}, {ref, make_ref()}],
    lists:foreach(fun({Name, X}) -> erlang:display({Name, classify(X)}) end, Samples),
    erlang:display(is_function(fun lists:map/2, 2)),
    erlang:display(is_function(fun lists:map/2, 1)),
    %% Outside guards, an arity that is not a non-negative integer is badarg.
    Arity = fun(F, A) -> try is_function(F, A) catch error:R -> R end end,
    erlang:display([Arity(F, A) || F <- [fun lists:map/2, fun(_) -> ok end, x],
                                   A <- [1, 2, -1, 1 bsl 70, -(1 bsl 70), one, 1.0]]),
    erlang:display(is_record({point, 1, 2}, point, 3)),
    erlang:display(is_record({point, 1, 2}, point)),
    erlang:display(is_record({other, 1, 2}, point, 3)),
    ok.
