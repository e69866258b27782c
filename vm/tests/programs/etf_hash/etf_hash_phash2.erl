-module(etf_hash_phash2).
-export([start/0, id/1]).

%% erlang:phash2/1,2 of many kinds of terms (portable values: every VM must agree).
id(X) -> X.

terms() ->
    [0, 1, -1, 2, 255, 256, -255, 1000, -1000, 65535, 65536,
     134217727, 134217728, -134217728, -134217729,
     1 bsl 31, 1 bsl 32, (1 bsl 32) - 1, -(1 bsl 32), 1 bsl 59, (1 bsl 59) - 1, -(1 bsl 59),
     1 bsl 60, -(1 bsl 60), 1 bsl 64, -(1 bsl 64), 1 bsl 200, -(1 bsl 200) + 7,
     123456789012345678901234567890,
     0.0, -0.0, 1.0, -1.0, 0.5, -1.5, 3.141592653589793, 1.0e100, -1.0e-100, 2.5e-310,
     a, b, ok, error, '', 'hello world', 'Hello', true, false, undefined,
     'a_very_long_atom_name_that_goes_on_and_on_and_on_for_quite_a_while',
     'caf\x{e9}', '\x{e9}t\x{e9}', '\x{3bb}x', '\x{1F600}',
     [], [0], [1], [255], [256], [-1], [1, 2], [1, 2, 3], [1, 2, 3, 4], [1, 2, 3, 4, 5],
     "abc", "hello world", "hello world, this is a longer string of bytes",
     [a], [a, b], [a | b], [1 | 2], [1, 2 | 3], [[]], [[], []], [[1], [2]],
     [1, a, 2, b], [1, 2, a, 3, 4, 5, 6, 7], [300, 1, 2], [1, 2, 300], "ab" ++ [1000] ++ "cd",
     {}, {a}, {1}, {[]}, {a, b}, {1, 2}, {a, "b", <<"c">>}, {{}}, {{{}}}, {1, {2, {3, {4}}}},
     list_to_tuple(lists:seq(1, 40)),
     <<>>, <<0>>, <<1>>, <<"a">>, <<"ab">>, <<"abc">>, <<"abcd">>, <<"abcdefghijk">>,
     <<"abcdefghijkl">>, <<"abcdefghijklm">>, <<"abcdefghijklmnopqrstuvwxyz0123456789">>,
     list_to_binary(lists:seq(0, 255)), list_to_binary(lists:duplicate(100, 7)),
     <<1:1>>, <<0:1>>, <<1:3>>, <<5:7>>, <<"abc", 1:1>>, <<255, 3:2>>, <<"abcdefghijkl", 9:4>>,
     {<<1:3>>, [<<2:5>>]},
     #{}, #{a => 1}, #{1 => a}, #{a => 1, b => 2}, #{b => 2, a => 1}, #{[] => []},
     #{k => #{k => #{}}}, #{{1, 2} => [3], <<"x">> => 1.5, 7 => seven},
     maps:from_list([{I, I * I} || I <- lists:seq(1, 40)]),
     maps:from_list([{integer_to_list(I), I} || I <- lists:seq(1, 100)]),
     fun lists:map/2, fun erlang:display/1, fun ?MODULE:id/1,
     fun() -> ok end, fun(X) -> X end, fun(X, Y) -> {X, Y} end,
     closure(1), closure({a, [b]}), closure2(x, <<"y">>),
     {nested, [deep, {structure, [1, 2, #{k => [v]}]}]},
     [{a, 1}, {b, 2}, {c, [1, 2, {d, <<"e">>}]}],
     lists:seq(1, 1000), lists:seq(-500, 500)].

closure(V) -> fun() -> V end.
closure2(V, W) -> fun(X) -> {X, V, W} end.

start() ->
    lists:foreach(
      fun(T) ->
              erlang:display({erlang:phash2(T), erlang:phash2(T, 1000), erlang:phash2(T, 1 bsl 32),
                              erlang:phash2(T, 7)})
      end,
      [?MODULE:id(T) || T <- terms()]),
    ok.
