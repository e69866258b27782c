-module(records_native_basics).
%% min_otp: 29
-export([start/0, id/1]).

%% OTP 29 native records defined and used in one module: creation with defaults,
%% field access, update, matching, printing, the records BIFs, errors.
-record #point{x = 0, y = 0}.
-record #person{name, age = 0, tags = []}.
-export_record([point]).

id(X) -> X.

catching(F) ->
    try F() of V -> {ok, V} catch C:R -> {C, R} end.

start() ->
    P = #point{x = 1},
    Q = P#point{y = 5},
    io:format("~p ~w~n", [P, Q]),
    erlang:display([P, Q]),
    io:format("~p~n", [{P#point.x, P#point.y, Q#point.y}]),
    #point{x = X, y = Y} = ?MODULE:id(Q),
    io:format("~p~n", [{X, Y}]),
    Ann = #person{name = "Ann", tags = [a, b]},
    io:format("~p~n", [Ann]),
    io:format("~p~n", [(?MODULE:id(Ann))#person{age = 41}]),
    io:format("~p~n", [[is_record(P), is_record({point, 1, 2}), is_tuple(P), is_map(P),
                        is_record(?MODULE:id(P), records_native_basics, point),
                        is_record(?MODULE:id(Ann), records_native_basics, point)]]),
    io:format("~p~n", [[records:get_module(P), records:get_name(P),
                        records:get_field_names(Ann), records:is_exported(P),
                        records:is_exported(Ann), records:get(age, Ann)]]),
    io:format("~p~n", [records:get_definition(?MODULE, person)]),
    io:format("~p~n", [case ?MODULE:id(Ann) of
                           #point{} -> point;
                           #person{name = N, age = 0} -> {person, N};
                           _ -> other
                       end]),
    io:format("~p~n", [case ?MODULE:id(Q) of #_{y = YY} -> {any, YY}; _ -> none end]),
    F = fun(#point{x = Xf}) -> Xf; (_) -> no end,
    io:format("~p~n", [[F(P), F(Ann), F({point, 1, 2})]]),
    io:format("~p~n", [[P =:= #point{x = 1}, P == Q, P =:= Q,
                        #point{x = 1} == #point{x = 1.0}, P < Q, Q < Ann,
                        {a} < P, P < #{}]]),
    io:format("~p~n", [lists:sort([#{}, Q, {z}, Ann, P, 1, #point{x = -1}])]),
    io:format("~p~n", [catching(fun() -> (?MODULE:id({x}))#point.x end)]),
    io:format("~p~n", [catching(fun() -> (?MODULE:id(Ann))#point.x end)]),
    io:format("~p~n", [catching(fun() -> (?MODULE:id(Ann))#point{y = 2} end)]),
    io:format("~p~n", [catching(fun() -> records:get(z, P) end)]),
    io:format("~p~n", [catching(fun() -> records:get_module({a}) end)]),
    io:format("~p~n", [catching(fun() -> records:get_field_names({a}) end)]),
    io:format("~p~n", [catching(fun() -> tuple_size(?MODULE:id(P)) end)]),
    io:format("~p~n", [catching(fun() -> element(1, ?MODULE:id(P)) end)]),
    ok.
