-module(display_funs).
-export([start/0, double/1]).

%% Funs: local funs, closures capturing variables, external funs (fun M:F/A),
%% higher-order functions, recursive funs via named funs, funs returning funs.
%% Local funs are never printed (their printed form contains compiler hashes).
double(X) -> 2 * X.

adder(N) -> fun(X) -> X + N end.

compose(F, G) -> fun(X) -> F(G(X)) end.

counter(Start) ->
    fun(inc) -> counter(Start + 1);
       (get) -> Start
    end.

start() ->
    Sq = fun(X) -> X * X end,
    erlang:display(Sq(7)),
    Add5 = adder(5),
    erlang:display(Add5(10)),
    erlang:display([(adder(N))(100) || N <- [1, 2, 3]]),
    erlang:display(lists:map(Sq, [1, 2, 3, 4])),
    erlang:display(lists:map(fun ?MODULE:double/1, [1, 2, 3])),
    erlang:display(lists:map(fun double/1, [4, 5])),
    Map = fun lists:map/2,
    erlang:display(Map),
    erlang:display(fun erlang:abs/1),
    erlang:display(Map(fun erlang:abs/1, [-1, -2, 3])),
    erlang:display((compose(Sq, Add5))(1)),
    erlang:display((compose(Add5, Sq))(1)),
    C = counter(0),
    C3 = ((C(inc))(inc))(inc),
    erlang:display({C(get), C3(get)}),
    Fact = fun F(0) -> 1; F(N) -> N * F(N - 1) end,
    erlang:display(Fact(20)),
    A = 1, B = {two}, D = "three",
    Capture = fun(X) -> {A, B, D, X} end,
    erlang:display(Capture(four)),
    erlang:display(lists:foldl(fun(X, Acc) -> [X | Acc] end, [], [a, b, c])),
    erlang:display(lists:filter(fun(X) -> X rem 2 =:= 0 end, lists:seq(1, 10))),
    erlang:display(erlang:fun_info(Map, arity)),
    erlang:display(erlang:fun_info(Sq, arity)),
    erlang:display(erlang:fun_info(Map, module)),
    erlang:display(erlang:fun_info(Map, name)),
    erlang:display(is_function(Sq, 1)),
    erlang:display(apply(Sq, [9])),
    erlang:display(apply(lists, reverse, [[1, 2, 3]])),
    erlang:display((fun() -> no_args end)()),
    Mod = lists, Fn = sum,
    erlang:display(Mod:Fn([1, 2, 3])),
    Ext = fun Mod:Fn/1,
    erlang:display(Ext([10, 20])),
    erlang:display(Ext),
    ok.
