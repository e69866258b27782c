-module(display_long_atoms).
%% min_otp: 28
-export([start/0, id/1]).

%% Atoms whose UTF-8 text is longer than 255 bytes (OTP 28's long-atom encoding in the
%% atom table), as literals and at run time; the 255-character limit.
id(X) -> X.

start() ->
    Long = 'ééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééé',
    io:format("~w ~w~n", [length(atom_to_list(Long)), byte_size(atom_to_binary(Long))]),
    io:format("~ts~n", [Long]),
    Made = list_to_atom(lists:duplicate(255, 16#3bb)),
    io:format("~w ~w~n", [length(atom_to_list(Made)), Made =:= ?MODULE:id(Made)]),
    io:format("~w~n", [Long =:= binary_to_atom(atom_to_binary(?MODULE:id(Long)))]),
    io:format("~p~n", [try list_to_atom(lists:duplicate(256, $a)) catch error:R -> R end]),
    io:format("~w~n", [binary_to_term(term_to_binary(Long)) =:= Long]),
    io:format("~w~n", [byte_size(term_to_binary(Long))]),
    ok.
