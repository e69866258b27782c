-module(bitsyntax_var_sizes).
-export([start/0, id/1]).

%% Segment sizes taken from variables bound earlier in the same pattern, from
%% function arguments, and from arithmetic expressions.
id(X) -> X.

take(N, Bin) ->
    <<Head:N/binary, Tail/binary>> = Bin,
    {Head, Tail}.

field(Size, Bin) ->
    <<V:Size, _/bits>> = Bin,
    V.

strings(<<>>) -> [];
strings(<<Len:8, Str:Len/binary, Rest/binary>>) -> [Str | strings(Rest)].

start() ->
    erlang:display(take(?MODULE:id(2), <<"hello">>)),
    erlang:display([field(S, <<16#F0F0:16>>) || S <- ?MODULE:id([1, 4, 7, 12, 16])]),
    erlang:display(strings(?MODULE:id(<<3, "one", 3, "two", 5, "three", 0>>))),
    N = ?MODULE:id(3),
    erlang:display(<<(?MODULE:id(5)):N, (?MODULE:id(1)):(N * 2 - 1)>>),
    <<X:(N + 1), Y:(N * 4)/little>> = ?MODULE:id(<<16#AB, 16#CD>>),
    erlang:display({X, Y}),
    Size = ?MODULE:id(24),
    <<V:Size/little-signed>> = ?MODULE:id(<<255, 255, 255>>),
    erlang:display(V),
    W = ?MODULE:id(4),
    erlang:display(<< <<I:W>> || I <- lists:seq(0, 15) >>),
    ok.
