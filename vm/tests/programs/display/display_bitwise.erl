-module(display_bitwise).
-export([start/0, id/1]).

%% bsl bsr band bor bxor bnot on small and big integers, positive and negative.
id(X) -> X.

start() ->
    X = ?MODULE:id(2#1100101011),
    Y = ?MODULE:id(2#1010110101),
    erlang:display({X band Y, X bor Y, X bxor Y, bnot X, bnot -1, bnot 0}),
    erlang:display([?MODULE:id(1) bsl N || N <- [0, 1, 7, 8, 27, 28, 59, 60, 63, 64, 100]]),
    erlang:display([?MODULE:id(-1) bsl N || N <- [0, 1, 59, 60, 64]]),
    erlang:display([?MODULE:id(1024) bsr N || N <- [0, 1, 5, 10, 11, 100]]),
    erlang:display([?MODULE:id(-1024) bsr N || N <- [0, 1, 5, 10, 11, 100]]),
    erlang:display(?MODULE:id(5) bsl -1),
    erlang:display(?MODULE:id(5) bsr -2),
    Big = ?MODULE:id(1 bsl 100 + 12345),
    erlang:display(Big band 16#FFFF),
    erlang:display(Big bor 1),
    erlang:display(Big bxor Big),
    erlang:display(Big bxor (1 bsl 100)),
    erlang:display(bnot Big),
    erlang:display(Big bsr 90),
    erlang:display(Big bsr 100),
    erlang:display(Big bsl 30),
    erlang:display((-Big) band 16#FFFFFFFF),
    erlang:display((-Big) bor 255),
    erlang:display((-Big) bxor -1),
    erlang:display((-Big) bsr 95),
    erlang:display(-1 band ?MODULE:id(1 bsl 70)),
    erlang:display(?MODULE:id(16#F0F0F0F0F0F0F0F0F0) band ?MODULE:id(16#0FF00FF00FF00FF00F)),
    ok.
