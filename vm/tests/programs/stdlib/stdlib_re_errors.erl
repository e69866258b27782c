-module(stdlib_re_errors).
-export([start/0]).

p(X) -> io:format("~w~n", [X]).

%% The class and reason of an exception (stack traces differ between VMs).
e(F) ->
    try F() of
        V -> V
    catch
        C:R -> {C, R}
    end.

%% The formatted exception, down to re's own frame: the error_info text.
f(F) ->
    try F() catch
        C:R:S ->
            Trim = fun(M, _, _) -> M =/= re end,
            io:format("~s~n", [erl_error:format_exception(C, R, S, #{stack_trim_fun => Trim})])
    end.

start() ->
    [p({R, re:compile(R)}) || R <- ["a(", "a[", "*", "x**", "\\", "a{3,2}", "a)",
                                   "(?z)", "\\1", "[z-a]", "(?<n>a)(?<n>b)",
                                   "(?P<1a>x)", "a{99999}", "(*FOO)", "\\ca\\c"]],
    p(re:run("a", "(", [report_errors])),
    p(re:run("a", "[", [report_errors, global])),
    p(e(fun() -> re:run("a", "(") end)),
    p(e(fun() -> re:run("a", "(", [global]) end)),
    p(re:compile("x(", [unicode, caseless])),
    p(re:compile("ok(", [extended])),
    p(e(fun() -> re:compile(foo) end)),
    p(e(fun() -> re:compile("a", [bogus]) end)),
    {ok, P} = re:compile(<<"é(x)"/utf8>>, [unicode]),
    p({element(2, P), element(3, P)}),
    p(re:compile(<<"(*UTF)a">>, [never_utf])),
    f(fun() -> re:run("a", "(") end),
    f(fun() -> re:compile(foo) end),
    f(fun() -> re:run(1, "a") end),
    f(fun() -> re:replace("a", "(", "b") end),
    f(fun() -> re:split(a, "x") end),
    ok.
