-module(io_erl_scan).
-export([start/0]).

%% erl_scan, erl_parse and erl_eval from stdlib: tokenize, parse and evaluate
%% expressions, printing tokens and results with ~p.
start() ->
    {ok, Tokens, _} = erl_scan:string("X = 1 + 2 * 3, [X, atom, \"s\"]."),
    io:format("~p~n", [[element(1, T) || T <- Tokens]]),
    {ok, Exprs} = erl_parse:parse_exprs(Tokens),
    {value, V, Bindings} = erl_eval:exprs(Exprs, erl_eval:new_bindings()),
    io:format("~p~n", [V]),
    io:format("~p~n", [erl_eval:bindings(Bindings)]),
    Eval = fun(S) ->
                   {ok, T, _} = erl_scan:string(S),
                   {ok, E} = erl_parse:parse_exprs(T),
                   {value, R, _} = erl_eval:exprs(E, []),
                   R
           end,
    io:format("~p~n", [Eval("lists:sum([N * N || N <- lists:seq(1, 10)]).")]),
    io:format("~p~n", [Eval("case {a, 1} of {a, N} when N > 0 -> pos; _ -> other end.")]),
    io:format("~p~n", [Eval("F = fun(X) -> X * 2 end, F(21).")]),
    io:format("~p~n", [Eval("<<A:4, B:4>> = <<16#5F>>, {A, B}.")]),
    io:format("~p~n", [Eval("#{a => 1, b => 2}.")]),
    {ok, Form} = erl_parse:parse_term(element(2, erl_scan:string("{config, [1, 2], \"str\"}."))),
    io:format("~p~n", [Form]),
    io:format("~s~n", [erl_pp:expr(hd(Exprs))]),
    ok.
