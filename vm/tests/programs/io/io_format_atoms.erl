-module(io_format_atoms).
-export([start/0]).

%% Atom quoting by io_lib (~p and ~w): reserved words, capitals, special
%% characters, @ and . inside atoms, and ~s of atoms (never quoted).
start() ->
    Atoms = [ok, 'Ok', 'hello world', '', 'a.b', 'a@b', a_b, 'a-b', 'if', 'case', 'end',
             'receive', 'fun', 'when', 'and', 'div', 'maybe', 'else', '_', '_x', 'x_', 'don\'t',
             'new\nline', '42', 'a1', 'café', 'true', '[]', '{}', '+', '=:=', 'aB@c.d'],
    [io:format("~p ~w ~s~n", [A, A, A]) || A <- Atoms],
    ok.
