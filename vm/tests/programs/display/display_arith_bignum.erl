-module(display_arith_bignum).
-export([start/0, id/1]).

%% Arithmetic where operands and/or results are bignums, including results that
%% shrink back into small integers.
id(X) -> X.

start() ->
    A = ?MODULE:id(123456789012345678901234567890),
    B = ?MODULE:id(987654321098765432109876543210),
    S = ?MODULE:id(1000000007),
    erlang:display(A + B),
    erlang:display(A - B),
    erlang:display(B - A),
    erlang:display(A * B),
    erlang:display(B div A),
    erlang:display(B rem A),
    erlang:display(A * S),
    erlang:display(A div S),
    erlang:display(A rem S),
    erlang:display(-A div S),
    erlang:display(-A rem S),
    erlang:display(A div -S),
    erlang:display(A rem -S),
    erlang:display(B - B),
    erlang:display((A + 1) - A),
    erlang:display(A * 0),
    erlang:display(A * -1),
    erlang:display(A div A),
    erlang:display(A * A * A),
    M = ?MODULE:id(16#FFFFFFFFFFFFFFFF),
    erlang:display(M * M),
    erlang:display(M + 1),
    erlang:display(M * M div M),
    erlang:display((M * M) rem (M - 1)),
    erlang:display(?MODULE:id(4611686018427387904) * 2),
    erlang:display(?MODULE:id(-4611686018427387904) * 2),
    erlang:display(?MODULE:id(3037000499) * 3037000499),
    erlang:display(?MODULE:id(3037000500) * 3037000500),
    erlang:display(A =:= 123456789012345678901234567890),
    erlang:display(A < B),
    erlang:display(-A < -B),
    ok.
