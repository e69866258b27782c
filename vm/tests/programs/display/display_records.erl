-module(display_records).
-export([start/0, id/1]).

%% Records: creation with defaults, field access, update, matching, record_info,
%% records are tuples, nested records, is_record guards.
-record(point, {x = 0, y = 0}).
-record(person, {name, age = 0, address = #point{}}).
-record(empty, {}).

id(X) -> X.

area({rect, #point{x = X1, y = Y1}, #point{x = X2, y = Y2}}) -> abs(X2 - X1) * abs(Y2 - Y1).

older(#person{age = A} = P) when A < 100 -> P#person{age = A + 1};
older(P) -> P.

kind(R) when is_record(R, point) -> point;
kind(R) when is_record(R, person) -> person;
kind(_) -> unknown.

start() ->
    P0 = #point{},
    P1 = #point{x = 3},
    P2 = ?MODULE:id(#point{x = 1, y = 2}),
    erlang:display(P0),
    erlang:display(P1),
    erlang:display(P2),
    erlang:display(P2#point.x + P2#point.y),
    erlang:display(P2#point{y = 20}),
    erlang:display(#point.y),
    erlang:display(record_info(fields, person)),
    erlang:display(record_info(size, person)),
    Bob = #person{name = "Bob"},
    erlang:display(Bob),
    erlang:display(older(Bob)),
    erlang:display(older(Bob#person{age = 100})),
    erlang:display((Bob#person.address)#point.x),
    Nested = Bob#person{address = #point{x = 7, y = 8}},
    erlang:display(Nested#person.address#point.y),
    erlang:display(area({rect, #point{x = 1, y = 1}, #point{x = 4, y = 5}})),
    erlang:display([kind(X) || X <- [P1, Bob, {point, 1}, #empty{}, foo]]),
    erlang:display(#empty{}),
    erlang:display(element(1, P2)),
    erlang:display(P2 =:= {point, 1, 2}),
    #point{x = X} = P2,
    erlang:display(X),
    erlang:display([Y || #point{y = Y} <- [P0, P1, P2, {other, 1, 2}]]),
    ok.
