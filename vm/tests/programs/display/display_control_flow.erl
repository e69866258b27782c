-module(display_control_flow).
-export([start/0, id/1]).

%% case, if, multi-clause functions, nested case, variables bound in branches.
id(X) -> X.

classify(N) ->
    case N of
        0 -> zero;
        1 -> one;
        {X, Y} when X > Y -> {desc, X - Y};
        {X, _} -> {asc_or_eq, X};
        [_ | _] = L -> {list, length(L)};
        _ when is_atom(N) -> {atom, N};
        _ -> other
    end.

sign(N) ->
    if N > 0 -> positive;
       N < 0 -> negative;
       true -> zero
    end.

grade(S) ->
    if S >= 90 -> a;
       S >= 80 -> b;
       S >= 70 -> c;
       true -> f
    end.

both(A, B) ->
    R = case A of
            true ->
                case B of
                    true -> both;
                    false -> only_a
                end;
            false when B -> only_b;
            false -> neither
        end,
    R.

bound_in_branches(X) ->
    case X rem 2 of
        0 -> Msg = even, Val = X div 2;
        _ -> Msg = odd, Val = 3 * X + 1
    end,
    {Msg, Val}.

collatz(1, Steps) -> Steps;
collatz(N, Steps) -> {_, Next} = bound_in_branches(N), collatz(Next, Steps + 1).

start() ->
    erlang:display([classify(?MODULE:id(X)) || X <- [0, 1, {5, 2}, {2, 5}, [a, b], foo, 3.0]]),
    erlang:display([sign(?MODULE:id(X)) || X <- [5, -5, 0, 0.0, -0.1]]),
    erlang:display([grade(?MODULE:id(X)) || X <- [95, 85, 75, 10, 90, 80]]),
    erlang:display([both(A, B) || A <- [true, false], B <- [true, false]]),
    erlang:display([bound_in_branches(?MODULE:id(X)) || X <- [10, 7]]),
    erlang:display([collatz(?MODULE:id(X), 0) || X <- [1, 6, 7, 27, 97]]),
    Y = begin A1 = ?MODULE:id(3), A1 * A1 end,
    erlang:display(Y),
    ok.
