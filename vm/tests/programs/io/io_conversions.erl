-module(io_conversions).
-export([start/0]).

%% Conversion BIF round trips printed with ~p: integer/list/binary/float/atom.
start() ->
    Ints = [0, 7, -7, 1 bsl 62, -(1 bsl 62), 1 bsl 64, 123456789012345678901234567890],
    [io:format("~p ~p ~p~n", [integer_to_list(I), integer_to_binary(I, 16),
                              list_to_integer(integer_to_list(I)) =:= I]) || I <- Ints],
    Floats = [0.0, 1.5, -2.25, 0.1, 1.0e100, 1.0e-100, 123456.789],
    [io:format("~p ~p ~p~n", [float_to_list(F), float_to_list(F, [short]),
                              list_to_float(float_to_list(F)) =:= F]) || F <- Floats],
    io:format("~p~n", [[float_to_list(3.14159, [{decimals, D}]) || D <- [0, 1, 3, 6]]]),
    io:format("~p~n", [[float_to_binary(2.5e-7, [{scientific, D}]) || D <- [1, 5]]]),
    io:format("~p~n", [float_to_list(100.0, [{decimals, 3}, compact])]),
    Atoms = [ok, 'Hello World', '', 'a\nb'],
    [io:format("~p ~p ~p~n", [atom_to_list(A), atom_to_binary(A),
                              list_to_atom(atom_to_list(A)) =:= A]) || A <- Atoms],
    io:format("~p~n", [binary_to_list(<<"bytes", 0, 255>>)]),
    io:format("~p~n", [list_to_binary([104, "ell", <<"o">>])]),
    io:format("~p~n", [[list_to_integer(S, B) || {S, B} <- [{"ff", 16}, {"-777", 8}, {"z", 36}, {"1010", 2}]]]),
    io:format("~p~n", [[binary_to_integer(<<"123">>), binary_to_float(<<"1.0e3">>)]]),
    io:format("~p~n", [tuple_to_list(list_to_tuple([a, "b", 3]))]),
    ok.
