-module(stdlib_sort_fun).
-export([start/0]).

%% lists:sort/2 with custom orderings: descending, by key, multi-key, case
%% insensitive, stability, and sorting 20,000 pseudo-random numbers.
-record(emp, {name, dept, salary}).

lcg(Seed) -> (Seed * 1103515245 + 12345) rem 2147483648.

randoms(0, _, Acc) -> Acc;
randoms(N, S, Acc) -> S2 = lcg(S), randoms(N - 1, S2, [S2 rem 100000 | Acc]).

start() ->
    erlang:display(lists:sort(fun(A, B) -> A >= B end, [3, 1, 4, 1, 5, 9, 2, 6])),
    Emps = [#emp{name = "ann", dept = eng, salary = 120}, #emp{name = "bob", dept = ops, salary = 90},
            #emp{name = "cid", dept = eng, salary = 100}, #emp{name = "dee", dept = ops, salary = 90},
            #emp{name = "eve", dept = hr, salary = 70}],
    ByDeptThenSalaryDesc = lists:sort(fun(#emp{dept = D1, salary = S1}, #emp{dept = D2, salary = S2}) ->
                                              {D1, -S1} =< {D2, -S2}
                                      end, Emps),
    erlang:display([N || #emp{name = N} <- ByDeptThenSalaryDesc]),
    erlang:display([N || #emp{name = N} <- lists:keysort(#emp.salary, Emps)]),
    CaseInsensitive = lists:sort(fun(A, B) -> string:lowercase(A) =< string:lowercase(B) end,
                                 ["banana", "Apple", "cherry", "apple", "Banana"]),
    erlang:display(CaseInsensitive),
    ByLength = lists:sort(fun(A, B) -> length(A) =< length(B) end, ["ccc", "a", "bb", "d", "ee"]),
    erlang:display(ByLength),
    R = randoms(20000, 42, []),
    S = lists:sort(R),
    erlang:display({length(S), hd(S), lists:last(S), lists:sum(S)}),
    erlang:display(lists:sublist(S, 10)),
    erlang:display(lists:sort(fun(A, B) -> A > B end, R) =:= lists:reverse(S)),
    erlang:display(length(lists:usort(R))),
    ok.
