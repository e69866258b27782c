-module(display_improper).
-export([start/0, id/1]).

%% Improper lists and cons cells.
id(X) -> X.

start() ->
    erlang:display([1 | 2]),
    erlang:display([1, 2 | 3]),
    erlang:display([a | b]),
    erlang:display([[] | []]),
    erlang:display([1 | [2 | [3 | []]]]),
    erlang:display([$a, $b | c]),
    erlang:display([$a, $b | "c"]),
    erlang:display([1 | {2}]),
    erlang:display([1 | <<2>>]),
    erlang:display([[1 | 2] | [3 | 4]]),
    X = ?MODULE:id([x | y]),
    [H | T] = X,
    erlang:display({H, T}),
    erlang:display(hd(X)),
    erlang:display(tl(X)),
    erlang:display(is_list(X)),
    erlang:display(try length(X) catch error:R -> {caught, R} end),
    erlang:display(iolist_to_binary([$a, [$b | <<"c">>] | <<"d">>])),
    erlang:display(lists:reverse([1, 2], [3 | 4])),
    ok.
