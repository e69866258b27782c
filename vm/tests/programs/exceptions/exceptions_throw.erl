-module(exceptions_throw).
-export([start/0, id/1]).

%% throw/1 caught by try/catch with explicit and implicit (throw is the default) class.
id(X) -> X.

thrower(N) when N > 3 -> throw({too_big, N});
thrower(N) -> N * 10.

start() ->
    erlang:display(try thrower(?MODULE:id(2)) catch throw:T1 -> {caught, T1} end),
    erlang:display(try thrower(?MODULE:id(5)) catch throw:T2 -> {caught, T2} end),
    erlang:display(try thrower(?MODULE:id(7)) catch T3 -> {default_class, T3} end),
    erlang:display(try throw(?MODULE:id(plain_atom)) catch Class:Reason -> {Class, Reason} end),
    erlang:display(try throw(?MODULE:id([1, 2, 3])) catch throw:[H | _] -> {head, H} end),
    erlang:display(try throw(?MODULE:id({a, 1})) catch throw:{b, _} -> b; throw:{a, N1} -> {a, N1} end),
    erlang:display(lists:map(fun(X) -> try thrower(X) catch throw:{too_big, V} -> -V end end,
                             [1, 2, 3, 4, 5])),
    Found = try
                lists:foreach(fun(X) when X > 10 -> throw({found, X}); (_) -> ok end,
                              ?MODULE:id([1, 5, 12, 3, 20])),
                not_found
            catch throw:{found, X} -> X
            end,
    erlang:display(Found),
    ok.
