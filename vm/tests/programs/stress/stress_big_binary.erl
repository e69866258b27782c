-module(stress_big_binary).
-export([start/0]).

%% A 5 MB binary built by appending, matched in a loop, and sent to another process.
start() ->
    Bin = build(<<>>, 0),
    erlang:display(byte_size(Bin)),
    erlang:display(checksum(Bin, 0)),
    Self = self(),
    spawn(fun() -> receive B -> Self ! {size, byte_size(B)} end end) ! Bin,
    receive {size, N} -> erlang:display(N) end.

build(Acc, 5000) -> Acc;
build(Acc, I) -> build(<<Acc/binary, (binary:copy(<<(I rem 256)>>, 1000))/binary>>, I + 1).

checksum(<<X:32, Rest/binary>>, Acc) -> checksum(Rest, (Acc + X) rem 1000000007);
checksum(<<>>, Acc) -> Acc.
