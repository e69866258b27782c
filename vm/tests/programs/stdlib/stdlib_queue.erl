-module(stdlib_queue).
-export([start/0]).

%% queue: in/out at both ends, from_list/to_list, len, peek, reverse, join,
%% split, filter, member, and the Okasaki API (cons, head, tail, snoc, daeh...).
start() ->
    Q0 = queue:new(),
    erlang:display(queue:is_empty(Q0)),
    Q1 = lists:foldl(fun queue:in/2, Q0, [1, 2, 3, 4, 5]),
    erlang:display(queue:to_list(Q1)),
    erlang:display(queue:len(Q1)),
    {{value, H}, Q2} = queue:out(Q1),
    erlang:display({H, queue:to_list(Q2)}),
    {{value, T}, Q3} = queue:out_r(Q2),
    erlang:display({T, queue:to_list(Q3)}),
    erlang:display(queue:out(queue:new())),
    Q4 = queue:in_r(0, Q3),
    erlang:display(queue:to_list(Q4)),
    erlang:display({queue:peek(Q4), queue:peek_r(Q4), queue:peek(queue:new())}),
    erlang:display(queue:to_list(queue:reverse(Q4))),
    erlang:display(queue:to_list(queue:join(Q4, queue:from_list([a, b])))),
    {A, B} = queue:split(2, Q4),
    erlang:display({queue:to_list(A), queue:to_list(B)}),
    erlang:display(queue:to_list(queue:filter(fun(X) -> X rem 2 =:= 0 end, Q4))),
    erlang:display({queue:member(3, Q4), queue:member(9, Q4)}),
    erlang:display({queue:head(Q4), queue:last(Q4), queue:to_list(queue:tail(Q4))}),
    erlang:display(queue:to_list(queue:snoc(queue:cons(first, Q4), last))),
    erlang:display(queue:to_list(queue:drop(queue:drop_r(Q4)))),
    Big = lists:foldl(fun queue:in/2, queue:new(), lists:seq(1, 10000)),
    erlang:display(drain(Big, 0)),
    ok.

drain(Q, Acc) ->
    case queue:out(Q) of
        {empty, _} -> Acc;
        {{value, V}, Q2} -> drain(Q2, Acc + V)
    end.
