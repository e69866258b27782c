-module(bitsyntax_zero_sizes).
-export([start/0, id/1]).

%% Zero-size segments and empty binaries: <<X:0>>, binaries of size 0 from
%% variables, matching the empty rest.
id(X) -> X.

start() ->
    Z = ?MODULE:id(0),
    erlang:display(<<(?MODULE:id(5)):Z>>),
    erlang:display(<<(?MODULE:id(<<"abc">>)):Z/binary>>),
    <<A:Z, B:Z/binary, Rest/binary>> = ?MODULE:id(<<"x">>),
    erlang:display({A, B, Rest}),
    <<>> = ?MODULE:id(<<>>),
    erlang:display(<<<<>>/binary, <<>>/binary>>),
    erlang:display(byte_size(<< <<>> || _ <- lists:seq(1, 100) >>)),
    <<Head:0/bits, All/bits>> = ?MODULE:id(<<1:1>>),
    erlang:display({Head, All}),
    ok.
