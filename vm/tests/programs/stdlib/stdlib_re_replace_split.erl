-module(stdlib_re_replace_split).
-export([start/0]).

p(X) -> io:format("~p~n", [X]).

%% The class and reason of an exception (stack traces differ between VMs).
e(F) ->
    try F() of
        V -> V
    catch
        C:R -> {C, R}
    end.

start() ->
    p(re:replace("abcd", "c", "[&]", [{return, list}])),
    p(re:replace("abcd", "c", "[\\&]", [{return, list}])),
    p(re:replace("abcbd", "b", "X", [global, {return, binary}])),
    p(re:replace("abcbd", "b", "X", [{return, binary}])),
    p(iolist_to_binary(re:replace("joe@host ann@box", "(\\w+)@(\\w+)", "\\2:\\1", [global]))),
    p(re:replace("a1b22", "\\d+", "<\\0>", [global, {return, list}])),
    p(re:replace("abc", "", "-", [global, {return, list}])),
    p(re:replace("abc", "x*", "-", [global, {return, list}])),
    %% A fun as the replacement: OTP 27 and later (badarg before).
    p(e(fun() ->
                re:replace("abcd", ".(.)",
                           fun(Whole, [<<C>>]) -> <<$#, Whole/binary, $-, (C - $a + $A), $#>> end,
                           [{return, list}])
        end)),
    p(re:replace("héllo", "é", "e", [unicode, {return, list}])),
    p(re:replace("héllo", "l", "L", [unicode, global, {return, binary}])),
    p(re:replace("AbC", "b", "x", [caseless, {return, list}])),
    p(re:replace("a\nb", "^", ">", [multiline, global, {return, list}])),
    p(re:split("Erlang", "[ln]", [{return, list}])),
    p(re:split("Erlang", "([ln])", [{return, list}])),
    p(re:split("Erlang", "([ln])", [{return, list}, group])),
    p(re:split("Erlang", "[lg]", [{return, list}])),
    p(re:split("Erlang", "[lg]", [{return, list}, trim])),
    p(re:split("Erlang", "[lg]", [{return, list}, {parts, 2}])),
    p(re:split("Erlang", "[lg]", [{return, list}, {parts, 0}])),
    p(re:split("a,b,,c,,", ",", [{return, binary}])),
    p(re:split("a,b,,c,,", ",", [{return, binary}, trim])),
    p(re:split("abc", "", [{return, list}])),
    p(re:split("", ",", [{return, list}])),
    p(re:split("a b  c", "\\s+")),
    p(re:split("añb", "ñ", [unicode, {return, list}])),
    {ok, MP} = re:compile(";"),
    p(re:split("x;y;z", MP, [{return, list}])),
    p(e(fun() -> re:replace("abc", "(", "x") end)),
    p(e(fun() -> re:split("abc", "(") end)),
    p(e(fun() -> re:replace("abc", "b", "x", [{return, atom}]) end)),
    ok.
