-module(io_format_depth).
-export([start/0]).

%% ~P and ~W limit the printing depth (elided parts print as ...); records and
%% nested tuples with ~p.
-record(node, {value, left = nil, right = nil}).

tree(0) -> nil;
tree(N) -> #node{value = N, left = tree(N - 1), right = tree(N - 1)}.

start() ->
    T = tree(3),
    io:format("~p~n", [T]),
    io:format("~P~n", [T, 4]),
    io:format("~W~n", [T, 3]),
    io:format("~P~n", [lists:seq(1, 20), 5]),
    io:format("~W~n", [{a, [b, [c, [d, [e]]]]}, 4]),
    io:format("~P~n", [#{a => #{b => #{c => 1}}}, 3]),
    io:format("~P~n", [<<"a binary that is long enough">>, 3]),
    io:format("~P~n", ["a string", 2]),
    ok.
