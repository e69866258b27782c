-module(display_int_boundaries).
-export([start/0, id/1]).

%% Integers around the small/bignum boundaries (2^27, 2^31, 2^59, 2^60, 2^63, 2^64)
%% computed at run time so the VM does the arithmetic.
id(X) -> X.

pow2(0) -> 1;
pow2(N) -> 2 * pow2(N - 1).

start() ->
    lists:foreach(
      fun(E) ->
              P = pow2(?MODULE:id(E)),
              erlang:display({E, P - 1, P, P + 1}),
              erlang:display({neg, -P - 1, -P, -P + 1})
      end,
      [27, 28, 31, 32, 59, 60, 61, 62, 63, 64, 65, 127, 128]),
    Max = ?MODULE:id(576460752303423487),
    erlang:display(Max),
    erlang:display(Max + 1),
    erlang:display(Max + 1 - 1),
    erlang:display(-Max - 1),
    erlang:display(-Max - 2),
    erlang:display(-Max - 2 + 1),
    erlang:display(is_integer(Max + 1)),
    erlang:display((Max + 1) div 2),
    erlang:display(18446744073709551615),
    erlang:display(18446744073709551616),
    erlang:display(-9223372036854775808),
    erlang:display(-9223372036854775809),
    erlang:display(9223372036854775807 + ?MODULE:id(1)),
    ok.
