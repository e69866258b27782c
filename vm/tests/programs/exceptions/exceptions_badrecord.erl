-module(exceptions_badrecord).
-export([start/0, id/1]).

%% {badrecord, ...} from record field access and update on non-records or on
%% records of another type.
-record(point, {x = 0, y = 0}).
-record(line, {from, to}).

id(X) -> X.

start() ->
    erlang:display(try (?MODULE:id({not_a_point, 1, 2}))#point.x catch C1:R1 -> {C1, R1} end),
    erlang:display(try (?MODULE:id(#line{}))#point.y catch C2:R2 -> {C2, R2} end),
    erlang:display(try (?MODULE:id(atom))#point{x = 5} catch C3:R3 -> {C3, R3} end),
    erlang:display(try (?MODULE:id({point, 1}))#point.x catch C4:R4 -> {C4, R4} end),
    erlang:display((?MODULE:id(#point{x = 3}))#point.x),
    ok.
