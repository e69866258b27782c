-module(exceptions_error2).
-export([start/0, id/1]).

%% erlang:error/2 and error/3: the arguments and options go into the stack trace,
%% which is not printed; only class and reason are.
id(X) -> X.

check(X) when is_integer(X) -> X;
check(X) -> erlang:error(not_an_integer, [X]).

start() ->
    erlang:display(try check(?MODULE:id(5)) catch C1:R1 -> {C1, R1} end),
    erlang:display(try check(?MODULE:id(five)) catch C2:R2 -> {C2, R2} end),
    erlang:display(try erlang:error(?MODULE:id({reason, 1}), [a, b]) catch C3:R3 -> {C3, R3} end),
    erlang:display(try erlang:error(?MODULE:id(r3), [x], [{error_info, #{module => ?MODULE}}])
                   catch C4:R4 -> {C4, R4} end),
    erlang:display(try erlang:error(?MODULE:id(none), none) catch C5:R5 -> {C5, R5} end),
    erlang:display(try check(?MODULE:id(2.0)) catch error:R6:S6 -> {R6, is_list(S6)} end),
    ok.
