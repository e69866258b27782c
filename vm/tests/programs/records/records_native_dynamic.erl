-module(records_native_dynamic).
%% min_otp: 29
-export([start/0]).

%% OTP 29 native records built at run time (records:create/4, records:update/4), an
%% exported record of another module (#records_native_basics:point{}), and records
%% crossing processes and the external term format.
catching(F) ->
    try F() of V -> {ok, V} catch C:R -> {C, R} end.

start() ->
    R = records:create(shapes, square, [{side, 3}, {color, red}], #{is_exported => true}),
    io:format("~p~n", [R]),
    io:format("~p~n", [records:update(R, shapes, square, #{color => blue})]),
    io:format("~p~n", [records:update(R, shapes, '_', #{})]),
    io:format("~p~n", [[records:get(side, R), records:get_field_names(R), records:is_exported(R)]]),
    io:format("~p~n", [catching(fun() -> records:update(R, shapes, square, #{area => 9}) end)]),
    io:format("~p~n", [catching(fun() -> records:update(R, shapes, circle, #{}) end)]),
    io:format("~p~n", [catching(fun() -> records:create(shapes, square, [{side, 1}, {side, 2}],
                                                        #{is_exported => true}) end)]),
    io:format("~p~n", [catching(fun() -> records:create(shapes, square, [{1, 1}],
                                                        #{is_exported => true}) end)]),
    io:format("~p~n", [catching(fun() -> records:create(shapes, square, [], #{}) end)]),
    io:format("~p~n", [catching(fun() -> records:create(shapes, square, [], not_a_map) end)]),
    %% A record of a module that is not loaded is `badrecord` (OTP 29.1 does not load it).
    io:format("~p~n", [catching(fun() -> #records_native_basics:point{} end)]),
    0 = records_native_basics:id(0),
    E = #records_native_basics:point{y = 7},
    io:format("~p~n", [{E, E#records_native_basics:point.y, records:is_exported(E)}]),
    io:format("~p~n", [case E of #records_native_basics:point{x = X} -> {x, X} end]),
    io:format("~p~n", [catching(fun() -> #records_native_basics:person{} end)]),
    io:format("~p~n", [catching(fun() -> #no_such_module:point{} end)]),
    B = term_to_binary(R),
    io:format("~w~n", [B]),
    io:format("~p~n", [{binary_to_term(B) =:= R, binary_to_term(term_to_binary(E)) =:= E}]),
    io:format("~p~n", [erlang:external_size(E)]),
    Self = self(),
    Pid = spawn(fun() -> receive {From, T} -> From ! {echo, T} end end),
    Pid ! {Self, [E, R]},
    receive {echo, Back} -> io:format("~p~n", [Back =:= [E, R]]) end,
    ok.
