-module(exceptions_after).
-export([start/0, id/1]).

%% try ... after: the after block runs on normal return, on each exception class,
%% and its value is discarded; ordering of side effects is shown with display.
id(X) -> X.

guarded(F) ->
    try F()
    after
        erlang:display(after_ran)
    end.

start() ->
    erlang:display(guarded(fun() -> ?MODULE:id(result) end)),
    erlang:display(try guarded(fun() -> throw(?MODULE:id(t)) end) catch C1:R1 -> {C1, R1} end),
    erlang:display(try guarded(fun() -> error(?MODULE:id(e)) end) catch C2:R2 -> {C2, R2} end),
    erlang:display(try guarded(fun() -> exit(?MODULE:id(x)) end) catch C3:R3 -> {C3, R3} end),
    R = try
            erlang:display(body),
            ?MODULE:id(body_value)
        catch
            _:_ -> erlang:display(not_reached)
        after
            erlang:display(in_after),
            after_value_ignored
        end,
    erlang:display(R),
    R2b = try
              try throw(?MODULE:id(inner))
              after erlang:display(inner_after)
              end
          catch throw:V -> erlang:display({outer_catch, V}), caught
          after erlang:display(outer_after)
          end,
    erlang:display(R2b),
    R3b = try error(?MODULE:id(e1))
          catch error:_ -> erlang:display(in_catch), from_catch
          after erlang:display(after_catch)
          end,
    erlang:display(R3b),
    ok.
