%% The smallest AtomVM program in Erlang: AtomVM calls start/0.
-module(hello_erlang).
-export([start/0]).

start() ->
    io:format("Hello from Erlang on ~p!~n", [atomvm:platform()]),
    io:format("~p squared is ~p~n", [12, square(12)]),
    ok.

square(X) -> X * X.
