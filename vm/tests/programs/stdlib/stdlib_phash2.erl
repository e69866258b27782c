-module(stdlib_phash2).
-export([start/0]).

%% erlang:phash2/1,2 values (portable: they must be identical on every VM) for
%% many kinds of terms.
start() ->
    Terms = [0, 1, -1, 255, 256, 1 bsl 27, 1 bsl 32, 1 bsl 64, -(1 bsl 64), 1 bsl 200,
             0.0, 1.0, -1.5, 3.141592653589793, 1.0e100,
             a, ok, '', 'hello world', true, [], [1], [1, 2, 3], "abc", [a | b],
             {}, {a}, {1, 2}, {a, "b", <<"c">>}, <<>>, <<0>>, <<"abc">>, <<1:3>>, <<"abc", 1:1>>,
             #{}, #{a => 1}, #{a => 1, b => 2}, maps:from_list([{I, I} || I <- lists:seq(1, 40)]),
             fun lists:map/2, lists:seq(1, 100), list_to_binary(lists:seq(0, 255))],
    lists:foreach(fun(T) -> erlang:display({erlang:phash2(T), erlang:phash2(T, 1000)}) end, Terms),
    erlang:display(erlang:phash2({nested, [deep, {structure, [1, 2, #{k => [v]}]}]})),
    ok.
