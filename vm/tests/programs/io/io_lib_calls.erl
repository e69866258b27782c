-module(io_lib_calls).
-export([start/0]).

%% io_lib:format/2 returns a (deep) character list; flattening, lengths, and
%% building strings before printing them with io:put_chars.
start() ->
    D = io_lib:format("~p-~s-~B", [atom, "str", 42]),
    io:format("~p~n", [lists:flatten(D)]),
    io:format("~p~n", [iolist_to_binary(D)]),
    io:format("~p~n", [length(lists:flatten(io_lib:format("~10s", ["x"])))]),
    Lines = [io_lib:format("line ~2..0B: ~p~n", [I, I * I]) || I <- lists:seq(1, 5)],
    io:put_chars(Lines),
    io:format("~s~n", [io_lib:format("~.3f", [2 / 3])]),
    io:format("~p~n", [lists:flatten(io_lib:format("~w", [{a, "b", <<"c">>}]))]),
    io:format("~p~n", [lists:flatten(io_lib:fwrite("~e", [1.0]))]),
    io:format("~p~n", [io_lib:write({x, [1, 2]})]),
    io:format("~p~n", [lists:flatten(io_lib:write_atom('needs quotes'))]),
    io:format("~p~n", [lists:flatten(io_lib:write_string("q\"s"))]),
    io:format("~p~n", [io_lib:printable_list("abc")]),
    io:format("~p~n", [io_lib:printable_list([1, 2])]),
    io:format("~p~n", [lists:flatten(io_lib:print(lists:seq(1, 30), 1, 40, -1))]),
    ok.
