-module(display_conversions).
-export([start/0, id/1]).

%% Conversion BIFs between integers, floats, atoms, lists and binaries.
id(X) -> X.

start() ->
    erlang:display(integer_to_list(?MODULE:id(12345))),
    erlang:display(integer_to_list(?MODULE:id(-255), 16)),
    erlang:display(integer_to_list(?MODULE:id(255), 2)),
    erlang:display(integer_to_list(?MODULE:id(1 bsl 64), 36)),
    erlang:display(integer_to_binary(?MODULE:id(1 bsl 70))),
    erlang:display(integer_to_binary(?MODULE:id(3000), 16)),
    erlang:display(list_to_integer("-00042")),
    erlang:display(list_to_integer("ff", 16)),
    erlang:display(list_to_integer("123456789012345678901234567890")),
    erlang:display(binary_to_integer(<<"zz">>, 36)),
    erlang:display(float_to_list(?MODULE:id(1.5))),
    erlang:display(float_to_list(?MODULE:id(0.1))),
    erlang:display(float_to_list(?MODULE:id(3.14159), [{decimals, 2}])),
    erlang:display(float_to_list(?MODULE:id(1.0e10), [{scientific, 3}])),
    erlang:display(float_to_list(?MODULE:id(0.1), [short])),
    erlang:display(float_to_binary(?MODULE:id(2.5), [{decimals, 4}, compact])),
    erlang:display(list_to_float("2.5e3")),
    erlang:display(binary_to_float(<<"-0.125">>)),
    erlang:display(atom_to_list(?MODULE:id(hello))),
    erlang:display(list_to_atom("world")),
    erlang:display(atom_to_binary(?MODULE:id('with space'), utf8)),
    erlang:display(list_to_binary("abc")),
    erlang:display(binary_to_list(<<"xyz">>)),
    erlang:display(tuple_to_list({1, {2}, [3]})),
    erlang:display(list_to_tuple([a, b])),
    erlang:display(integer_to_list(0)),
    erlang:display(float(?MODULE:id(1 bsl 60))),
    erlang:display(trunc(?MODULE:id(1.0e25))),
    erlang:display(round(?MODULE:id(-1.5e19))),
    erlang:display(list_to_integer(integer_to_list(?MODULE:id(-(1 bsl 90))))),
    ok.
