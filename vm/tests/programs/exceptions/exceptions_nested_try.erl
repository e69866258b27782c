-module(exceptions_nested_try).
-export([start/0, id/1]).

%% Nested try: inner handlers that do not match let the exception through; handlers
%% that raise a new exception; exceptions in catch clauses; deep nesting.
id(X) -> X.

level(0, Class) -> erlang:Class(?MODULE:id({bottom, Class}));
level(N, Class) ->
    try level(N - 1, Class)
    catch
        throw:{bottom, _} = T when N =:= 2 -> {caught_throw_at, N, T}
    end.

start() ->
    erlang:display(try level(5, throw) catch C0:E0 -> {top, C0, E0} end),
    erlang:display(try level(5, error) catch C1:E1 -> {top, C1, E1} end),
    erlang:display(try level(5, exit) catch C2:E2 -> {top, C2, E2} end),
    R = try
            try error(?MODULE:id(first))
            catch error:first -> throw(?MODULE:id(second))
            end
        catch throw:second -> {converted, second}
        end,
    erlang:display(R),
    R2 = try
             try throw(?MODULE:id(a))
             catch throw:b -> wrong
             end
         catch throw:a -> {outer_got, a}
         end,
    erlang:display(R2),
    R3 = try
             try ?MODULE:id(ok) of
                 ok -> error(?MODULE:id(in_of))
             catch error:in_of -> inner_wrong
             end
         catch error:E -> {outer_got, E}
         end,
    erlang:display(R3),
    R4 = try
             try throw(?MODULE:id(x))
             catch throw:x -> erlang:display(in_inner_catch), exit(?MODULE:id(from_catch))
             after erlang:display(inner_after)
             end
         catch exit:Why -> {outer, Why}
         end,
    erlang:display(R4),
    ok.
