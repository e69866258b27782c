-module(display_int_small).
-export([start/0, id/1]).

%% Small integers, zero and negatives, printed with erlang:display/1.
id(X) -> X.

start() ->
    erlang:display(0),
    erlang:display(1),
    erlang:display(-1),
    erlang:display(42),
    erlang:display(-42),
    erlang:display(255),
    erlang:display(256),
    erlang:display(65535),
    erlang:display(-65536),
    erlang:display(2147483647),
    erlang:display(-2147483648),
    erlang:display(4294967296),
    erlang:display($a),
    erlang:display($\n),
    erlang:display(16#ff),
    erlang:display(2#101010),
    erlang:display(36#zz),
    erlang:display(1_000_000),
    erlang:display(?MODULE:id(7) - ?MODULE:id(10)),
    erlang:display([?MODULE:id(N) * -1 || N <- [0, 1, 2, 3]]),
    erlang:display({?MODULE:id(-0), ?MODULE:id(+5)}),
    ok.
