-module(display_binary_comprehensions).
-export([start/0]).

%% Binary comprehensions: << ... || ... >> with list and binary generators.
start() ->
    erlang:display(<< <<X>> || X <- [1, 2, 3] >>),
    erlang:display(<< <<(X + 1)>> || <<X>> <= <<"HAL">> >>),
    erlang:display(<< <<X:4>> || X <- [1, 2, 3, 4] >>),
    erlang:display(<< <<X:3>> || X <- [1, 2, 3] >>),
    erlang:display(<< <<X:16/little>> || X <- [1, 256] >>),
    erlang:display(<< <<B:1>> || <<B:1>> <= <<16#A5>> >>),
    erlang:display(<< <<(B bxor 1):1>> || <<B:1>> <= <<16#A5>> >>),
    erlang:display(<< <<X>> || <<X>> <= <<1, 2, 3, 4, 5, 6>>, X rem 2 =:= 0 >>),
    erlang:display(<< <<Bin/binary, ",">> || Bin <- [<<"a">>, <<"bc">>, <<>>] >>),
    erlang:display(<< <<X:8, Y:8>> || X <- [1, 2], Y <- [10, 20] >>),
    erlang:display(<< <<(C - 32)>> || <<C>> <= <<"hello">>, C >= $a, C =< $z >>),
    erlang:display(<< <<X>> || X <- [] >>),
    erlang:display([X || <<X:16>> <= <<1, 2, 3, 4, 5>>]),
    erlang:display(<< <<(byte_size(W))>> || W <- [<<"one">>, <<"three">>] >>),
    erlang:display(byte_size(<< <<X:32>> || X <- lists:seq(1, 10000) >>)),
    ok.
