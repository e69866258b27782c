-module(display_guards).
-export([start/0]).

%% Guards: type tests, comparisons, arithmetic and BIFs in guards, `,` and `;`,
%% andalso/orelse, and guard expressions that fail (which just make the guard false).
kind(X) when is_integer(X), X > 100 -> big_int;
kind(X) when is_integer(X), X < 0; is_float(X), X < 0 -> negative;
kind(X) when is_integer(X) -> int;
kind(X) when is_float(X) -> float;
kind(X) when is_atom(X), X =/= undefined -> atom;
kind(X) when is_tuple(X), tuple_size(X) =:= 2, element(1, X) =:= pair -> pair;
kind(X) when is_list(X), length(X) > 3 -> long_list;
kind(X) when is_list(X) -> list;
kind(X) when is_map(X), map_size(X) > 0 -> map;
kind(X) when is_binary(X), byte_size(X) rem 2 =:= 0 -> even_binary;
kind(_) -> other.

g1(X) when (X rem 3 =:= 0) andalso (X rem 5 =:= 0) -> fizzbuzz;
g1(X) when X rem 3 =:= 0 orelse X < 0 -> fizz_or_neg;
g1(X) when not (X rem 5 =/= 0) -> buzz;
g1(X) -> X.

bad(X) when hd(X) =:= a -> head_a;
bad(X) when element(1, X) =:= b -> elem_b;
bad(X) when X + 1 > 5 -> plus;
bad(_) -> fallback.

in_range(X) when X >= 1, X =< 10 -> true;
in_range(_) -> false.

start() ->
    erlang:display([kind(X) || X <- [500, -3, -2.5, 7, 2.5, ok, undefined, {pair, 1}, {pair, 1, 2},
                                      [1, 2, 3, 4], [1], #{a => 1}, #{}, <<1, 2>>, <<1>>]]),
    erlang:display([g1(X) || X <- [15, 9, -1, 10, 7, 30, 0]]),
    erlang:display([bad(X) || X <- [[a], {b}, 10, atom, [], {}, "abc", 1.5]]),
    erlang:display([in_range(X) || X <- [0, 1, 5, 10, 11, 5.5, a]]),
    erlang:display([X || X <- [1, a, 2.0, "s", 3], is_number(X)]),
    erlang:display([X || X <- [{1}, {1, 2}, 3, {a, b, c}], tuple_size(X) > 1]),
    ok.
