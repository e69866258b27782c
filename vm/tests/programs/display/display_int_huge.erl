-module(display_int_huge).
-export([start/0]).

%% Huge integers: factorials, powers, and their arithmetic.
fact(0) -> 1;
fact(N) -> N * fact(N - 1).

pow(_, 0) -> 1;
pow(B, E) when E rem 2 =:= 0 -> H = pow(B, E div 2), H * H;
pow(B, E) -> B * pow(B, E - 1).

digits(0, Acc) -> Acc;
digits(N, Acc) -> digits(N div 10, Acc + 1).

digit_sum(0, Acc) -> Acc;
digit_sum(N, Acc) -> digit_sum(N div 10, Acc + N rem 10).

start() ->
    F30 = fact(30),
    erlang:display(F30),
    F100 = fact(100),
    erlang:display(F100),
    erlang:display(digits(F100, 0)),
    erlang:display(digit_sum(F100, 0)),
    erlang:display(-F100),
    erlang:display(F100 div fact(98)),
    erlang:display(F100 rem 1000000007),
    P = pow(2, 1000),
    erlang:display(P),
    erlang:display(digits(P, 0)),
    erlang:display(pow(3, 200) - pow(2, 300)),
    erlang:display(pow(-7, 77)),
    erlang:display(pow(10, 50) + 1),
    erlang:display((pow(10, 50) + 1) * (pow(10, 50) - 1)),
    erlang:display(pow(10, 50) * pow(10, 50) =:= pow(10, 100)),
    erlang:display(fact(200) div fact(199)),
    ok.
