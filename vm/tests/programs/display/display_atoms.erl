-module(display_atoms).
-export([start/0]).

%% Atoms, including ones erlang:display/1 prints quoted, and atom BIFs.
start() ->
    lists:foreach(fun erlang:display/1,
                  [ok, hello_world, 'Hello', 'hello world', '', 'a.b', 'x-y', 'ok$', '_x', a1,
                   'a@b', aB_1, true, false, undefined, 'if', 'case', 'end', '[]', '{}',
                   '+', '\'', 'don\'t', 'a\nb', 'tab\there', '123', 'CamelCase']),
    erlang:display(list_to_atom("made_" ++ integer_to_list(42))),
    erlang:display(atom_to_list('Quoted Atom')),
    erlang:display(atom_to_binary(hello)),
    erlang:display(binary_to_atom(<<"from_binary">>)),
    erlang:display(list_to_existing_atom("ok")),
    erlang:display(length(atom_to_list('hello world'))),
    erlang:display(is_atom('')),
    erlang:display([true, false] =:= [true, 'false']),
    ok.
