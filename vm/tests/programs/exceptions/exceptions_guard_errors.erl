-module(exceptions_guard_errors).
-export([start/0, id/1]).

%% An exception inside a guard makes the guard fail (no exception escapes); in
%% `;`-separated guard sequences only the failing guard is skipped.
id(X) -> X.

f(X) when length(X) > 1 -> long_list;
f(X) when X + 1 > 10 -> big_number;
f(X) when element(2, X) =:= b -> second_is_b;
f(X) when map_get(k, X) =:= 1 -> map_k_1;
f(X) when byte_size(X) > 2 -> long_binary;
f(_) -> no_guard_matched.

g(X) when hd(X) =:= 1; X =:= special -> matched;
g(_) -> not_matched.

h(X) when 1 / X > 0.5 -> big_inverse;
h(_) -> small_or_bad.

start() ->
    erlang:display([f(?MODULE:id(V)) || V <- [[1, 2], 20, {a, b}, #{k => 1}, <<"abc">>, atom,
                                               [1], 5, {a}, #{}, <<"a">>, "abc"]]),
    erlang:display([g(?MODULE:id(V)) || V <- [[1], special, [], 1, [2]]]),
    erlang:display([h(?MODULE:id(V)) || V <- [1, 0, 4, a, 0.0]]),
    A = ?MODULE:id(a),
    erlang:display(if A + 1 > 0 -> yes; true -> guard_failed end),
    erlang:display(case ?MODULE:id(x) of Y when tuple_size(Y) > 0 -> tuple; _ -> not_tuple end),
    ok.
