-module(display_apply).
-export([start/0, f/0, f/1, f/2]).

%% Dynamic calls: apply/2,3, M:F(Args) with variable M and F, fun M:F/A with variables,
%% erlang:function_exported/3 on a loaded module.
f() -> zero_args.
f(A) -> {one_arg, A}.
f(A, B) -> {two_args, A, B}.

start() ->
    erlang:display(apply(?MODULE, f, [])),
    erlang:display(apply(?MODULE, f, [1])),
    erlang:display(apply(?MODULE, f, [1, 2])),
    M = ?MODULE,
    F = f,
    erlang:display(M:F(x)),
    erlang:display(M:F(x, y)),
    Fun = fun M:F/2,
    erlang:display(Fun(p, q)),
    erlang:display(Fun),
    erlang:display(apply(fun(X, Y) -> X - Y end, [10, 3])),
    erlang:display(apply(fun erlang:'+'/2, [2, 3])),
    erlang:display(erlang:'*'(6, 7)),
    erlang:display(erlang:function_exported(?MODULE, f, 2)),
    erlang:display(erlang:function_exported(?MODULE, f, 3)),
    erlang:display(erlang:function_exported(?MODULE, start, 0)),
    erlang:display([apply(erlang, Op, [12, 5]) || Op <- ['+', '-', '*', 'div', 'rem', 'band', 'bor', 'bxor', 'bsl', 'bsr']]),
    erlang:display([erlang:Op(3, 4) || Op <- ['<', '>', '=<', '>=', '==', '/=']]),
    erlang:display(lists:map(fun erlang:length/1, [[], [a], [a, b]])),
    ok.
