-module(bitsyntax_append_loop).
-export([start/0]).

%% Building binaries by repeated appending (<<Acc/binary, X>>) in loops, and
%% appending bits one at a time.
build(0, Acc) -> Acc;
build(N, Acc) -> build(N - 1, <<Acc/binary, (N rem 256)>>).

build_bits(0, Acc) -> Acc;
build_bits(N, Acc) -> build_bits(N - 1, <<Acc/bits, (N band 1):1>>).

sum(<<>>, S) -> S;
sum(<<X, R/binary>>, S) -> sum(R, S + X).

start() ->
    B = build(100000, <<>>),
    erlang:display(byte_size(B)),
    erlang:display(sum(B, 0)),
    erlang:display(binary_part(B, 0, 10)),
    Bits = build_bits(1001, <<>>),
    erlang:display(bit_size(Bits)),
    erlang:display(binary_part(<<Bits/bits, 0:7>>, 0, 4)),
    Two = {build(3, <<"x">>), build(3, <<"y">>)},
    erlang:display(Two),
    Shared = build(2, <<"base">>),
    A1 = <<Shared/binary, "-a">>,
    A2 = <<Shared/binary, "-b">>,
    erlang:display({Shared, A1, A2}),
    ok.
