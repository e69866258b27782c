-module(stdlib_json).
%% min_otp: 27
-export([start/0]).

%% OTP 27's json module: encoding every kind of term, decoding with and without
%% options, formatting, and the errors of malformed input.
catching(F) ->
    try F() of V -> {ok, V} catch C:R -> {C, R} end.

start() ->
    Terms = [1, -3, 2.5, 1.0e300, true, false, null, <<"text">>, <<"é \"q\" \n\t"/utf8>>,
             [1, 2, 3], [], #{}, #{<<"a">> => 1}, #{a => [#{b => null}]}, [[[]]],
             <<"\x{1F600}"/utf8>>, 123456789012345678901234567890],
    [io:format("~s~n", [json:encode(T)]) || T <- Terms],
    io:format("~p~n", [catching(fun() -> json:encode({tuple}) end)]),
    io:format("~p~n", [catching(fun() -> json:encode(<<255>>) end)]),
    Docs = [<<"{\"a\": [1, 2.5, -0, 1e3, true, false, null], \"b\": {\"c\": \"\\u00e9\\ud83d\\ude00\"}}">>,
            <<"  [ ]  ">>, <<"\"\\n\\t\\\\\\/\"">>, <<"12345678901234567890123">>, <<"-1.5E-3">>],
    [io:format("~w~n", [json:decode(D)]) || D <- Docs],
    Bad = [<<"{">>, <<"[1,]">>, <<"tru">>, <<"\"abc">>, <<"01">>, <<"{\"a\" 1}">>, <<"[1] x">>,
           <<"\"\\x\"">>, <<255>>],
    [io:format("~p~n", [catching(fun() -> json:decode(D) end)]) || D <- Bad],
    {Acc, _, Rest} = json:decode(<<"[1,2] tail">>, ok, #{}),
    io:format("~p~n", [{Acc, Rest}]),
    Decoders = #{null => nil, array_finish => fun(L, A) -> {list_to_tuple(L), A} end},
    io:format("~p~n", [json:decode(<<"[null, [1, null]]">>, ok, Decoders)]),
    io:format("~s~n", [json:format(#{<<"k">> => [1, #{<<"n">> => null}], <<"e">> => []})]),
    io:format("~s~n", [json:encode(#{<<"x">> => 1}, fun(T, E) -> json:encode_value(T, E) end)]),
    ok.
