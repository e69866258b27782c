-module(uncaught_badmatch).
-export([start/0, id/1]).

%% A badmatch deep inside recursion, not caught; the handler on the way up does not
%% match the class, and the `after` blocks run (their output appears) before exit 1.
id(X) -> X.

walk(0) -> {ok, _} = ?MODULE:id({error, reached_bottom});
walk(N) ->
    try walk(N - 1)
    catch throw:_ -> wrong_class
    after
        case N rem 25 of
            0 -> erlang:display({unwinding, N});
            _ -> ok
        end
    end.

start() ->
    erlang:display(start),
    walk(100),
    erlang:display(not_reached).
