-module(stdlib_re_run).
-export([start/0]).

p(X) -> io:format("~w~n", [X]).

%% The class and reason of an exception (stack traces differ between VMs).
e(F) ->
    try F() of
        V -> V
    catch
        C:R -> {C, R}
    end.

start() ->
    %% Plain runs, captures and their types.
    p(re:run("abcabc", "b")),
    p(re:run("abcabc", "x")),
    p(re:run(<<"ABCabcdABC">>, ".*((?<FOO>abdd)|a(..d)).*")),
    p(re:run("ABCabcdABC", ".*((?<FOO>abdd)|a(..d)).*", [{capture, all, binary}])),
    p(re:run("ABCabcdABC", ".*((?<FOO>abdd)|a(..d)).*", [{capture, all, list}])),
    p(re:run("ABCabcdABC", ".*(?<FOO>abcd).*", [{capture, ['FOO']}])),
    p(re:run("ABCabcdABC", ".*(?<FOO>abcd).*", [{capture, ["FOO", <<"FOO">>, 1, 7, nope], binary}])),
    p(re:run("a", "(a)|(b)")),
    p(re:run("b", "(a)|(b)", [{capture, all_but_first, list}])),
    p(re:run("abc", "b", [{capture, first, list}])),
    p(re:run("abc", "b", [{capture, none}])),
    p(re:run("abc", "b", [{capture, []}])),
    p(re:run("AA", "(?<A>A)|(?<B>B)|(?<C>C)", [{capture, all_names, binary}])),
    p(re:run("AA", "(A)", [{capture, all_names}])),
    %% Precompiled patterns.
    {ok, MP} = re:compile("(?<year>\\d{4})-(?<mon>\\d\\d)"),
    p({element(1, MP), element(2, MP), element(3, MP), element(4, MP)}),
    p(re:inspect(MP, namelist)),
    p(re:run("on 2023-07 and 1999-12", MP, [global, {capture, all_names, binary}])),
    p(re:run("on 2023-07", MP, [{offset, 4}])),
    p(re:run("on 2023-07", MP, [{offset, 5}])),
    {ok, Dup} = re:compile("(?<C>A)|(?<B>B)|(?<C>C)", [dupnames]),
    p(re:inspect(Dup, namelist)),
    p(re:run("C", Dup, [{capture, ['C', 'B'], index}])),
    p(re:run("A", Dup, [{capture, all_names, list}])),
    {ok, Crlf} = re:compile("a", [{newline, crlf}]),
    p(element(4, Crlf)),
    %% Global matching, empty matches included.
    p(re:run("cat", "(|at)", [global])),
    p(re:run("abcabc", "(b)(c)", [global, {capture, all_but_first, binary}])),
    p(re:run("ab", "", [global])),
    p(re:run("", "x*", [global])),
    p(re:run("axxb", "x*", [global, {capture, first, list}])),
    p(re:run("abc", "(?=b)|bc", [global])),
    p(re:run("a\r\nb", "", [global, {newline, crlf}])),
    p(re:run("aéb", "", [global, unicode])),
    p(re:run("cacb", "c(a|b)", [global, {capture, [1], list}])),
    p(re:run("abab", "b", [global, {offset, 2}])),
    p(re:run("abab", "b", [global, {offset, 9}])),
    %% Compile options.
    p(re:run("hello\nworld", "^w", [multiline])),
    p(re:run("hello\nworld", "^w", [])),
    p(re:run("HeLLo", "hello", [caseless, {capture, none}])),
    p(re:run("aaa", "a+?", [ungreedy, {capture, first, list}])),
    p(re:run("ab", "(a)(?:b)(?<n>.)?", [no_auto_capture])),
    p(re:run("abc", "b", [anchored])),
    p(re:run("abc", "b", [{offset, 1}, anchored])),
    p(re:run("a\nb", "b", [firstline])),
    p(re:run("ab\nb", "b", [firstline])),
    p(re:run("a\n", "a$", [dollar_endonly])),
    p(re:run("a\n", "a$", [])),
    p(re:run("a b", "a b # comment", [extended])),
    p(re:run("a\nb", "a.b", [dotall])),
    p(re:run("a\r\nb", "a$", [multiline, {newline, crlf}])),
    p(re:run("a\rb", "a$", [multiline, {newline, cr}])),
    p(re:run("a\r\nb", "\\R", [bsr_anycrlf])),
    p(re:run("aaa", "a", [notempty])),
    p(re:run("", "a*", [notempty])),
    p(re:run("xaa", "a*", [notempty_atstart, {capture, first}])),
    %% Unicode.
    p(re:run("caféé!", "é+", [unicode])),
    p(re:run("caféé!", "é+", [unicode, {capture, all, list}])),
    p(re:run(<<"caféé!"/utf8>>, <<"é+"/utf8>>, [unicode, {capture, all, binary}])),
    p(re:run(<<"caf", 233, "!">>, <<233>>, [])),
    p(re:run("caf" ++ [233] ++ "!", [233], [{capture, all, list}])),
    p(re:run("ÀbÇdÉ", "\\p{Lu}", [unicode, global, {capture, all, list}])),
    p(re:run("ß", "^\\w$", [unicode, ucp])),
    p(re:run("ÀÉ", "^.$", [unicode])),
    p(re:run([$a, <<"é"/utf8>>, "b"], "é", [unicode])),
    {ok, U} = re:compile("(\\w)+", [unicode, ucp]),
    p(element(3, U)),
    p(re:run("żółw x", U, [{capture, all, list}])),
    p(e(fun() -> re:run(<<255>>, "a", [unicode]) end)),
    %% Limits.
    p(re:run("aaaaaaaaaaaaaaaaaaaaaaaz", "(a+)*b", [{match_limit, 1}, report_errors])),
    p(re:run("aaaaaaaaaaaaaaaaaaaaaaaz", "(a+)*b", [{match_limit, 1}])),
    p(re:run("aaaaaaaaaaaaaaaaaaaaaaaz", "(a+)*b", [{match_limit_recursion, 1}, report_errors])),
    p(re:run("aaaz", "(a+)*z", [{match_limit, 100000}, report_errors])),
    %% internal_run, as re.erl calls it.
    p(re:internal_run("abc", "b", [], true)),
    p(e(fun() -> re:internal_run("abc", "b", [], sometimes) end)),
    %% Bad arguments.
    p(e(fun() -> re:run("abc", "b", [bogus]) end)),
    p(e(fun() -> re:run("abc", MP, [caseless]) end)),
    p(e(fun() -> re:run("abc", "b", [{capture, all, atom}]) end)),
    p(e(fun() -> re:run(abc, "b") end)),
    p(e(fun() -> re:run("abc", {re_pattern, 0, 0, 0, <<"junk">>}) end)),
    p(e(fun() -> re:compile("a", [global]) end)),
    p(e(fun() -> re:inspect(MP, other) end)),
    p(re:version() =:= re:version()),
    ok.
