-module(exceptions_deep_unwind).
-export([start/0]).

%% Exceptions that unwind deep recursion, and many exceptions raised and caught
%% in a loop (the stack must stay bounded).
down(0) -> throw(bottom);
down(N) -> 1 + down(N - 1).

down_error(0, Acc) -> error({bottom, Acc});
down_error(N, Acc) -> [N | down_error(N - 1, Acc + 1)].

loop(0, Acc) -> Acc;
loop(N, Acc) ->
    V = try
            case N rem 3 of
                0 -> throw(N);
                1 -> error(N);
                _ -> exit(N)
            end
        catch
            throw:X -> X;
            error:X -> -X;
            exit:X -> 2 * X
        end,
    loop(N - 1, Acc + V).

start() ->
    erlang:display(try down(100000) catch throw:R -> {caught, R} end),
    erlang:display(try down_error(50000, 0) catch error:R2 -> {caught, R2} end),
    erlang:display(loop(100000, 0)),
    erlang:display(catch down(10)),
    ok.
