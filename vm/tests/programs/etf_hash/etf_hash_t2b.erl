-module(etf_hash_t2b).
-export([start/0, id/1]).

%% erlang:term_to_binary/1 bytes (must equal BEAM's byte for byte) and
%% erlang:external_size/1 for many kinds of terms. No map has two atom keys: from OTP 26
%% the BEAM writes those in an order that changes from run to run.
id(X) -> X.

terms() ->
    [0, 1, 255, 256, -1, -256, 2147483647, 2147483648, -2147483648, -2147483649,
     1 bsl 32, 1 bsl 59, -(1 bsl 59), 1 bsl 60, 1 bsl 63, 1 bsl 64, -(1 bsl 64), 1 bsl 2040,
     -(1 bsl 2048), 123456789012345678901234567890,
     0.0, -0.0, 1.0, -1.5, 3.141592653589793, 1.0e300, 2.5e-310,
     a, ok, '', 'hello world', 'Quoted Atom', 'caf\x{e9}', '\x{3bb}', '\x{1F600}x',
     list_to_atom(lists:duplicate(255, $z)), list_to_atom(lists:duplicate(200, 16#3bb)),
     [], [1], [1, 2, 3], "abc", [0, 255], [256], [-1], [a], [a, b, c], [a | b], [1, 2 | 3],
     [[1], [2, [3]]], "a" ++ [1000], lists:seq(1, 300), lists:duplicate(70000, 1),
     {}, {a}, {a, b}, {1, {2, {3, {}}}}, list_to_tuple(lists:seq(1, 255)),
     list_to_tuple(lists:seq(1, 256)),
     <<>>, <<1, 2, 3>>, <<"binary">>, list_to_binary(lists:seq(0, 255)),
     <<1:1>>, <<1:3>>, <<"abc", 5:3>>, <<255, 255, 1:7>>,
     #{}, #{a => 1}, #{<<"b">> => 2, <<"a">> => 1}, #{1 => a, 1.0 => b, a => c, "s" => d, {t} => e, <<"b">> => f},
     #{k => #{k => [#{}]}},
     #{1 => a, 2.0 => b, 3 => c, 1.5 => d, 1 bsl 70 => e, -0.5 => f, -(1 bsl 70) => g},
     #{{1} => x, {1.0} => y, {0.5} => z, [1] => a, [0.5] => b, [1 | 2.0] => c, [1 | 1] => d},
     #{#{1 => a} => x, #{1.0 => a} => y, #{0 => b, 2.0 => c} => z},
     fun lists:map/2, fun erlang:'+'/2, fun ?MODULE:id/1,
     {ok, [{tag, <<"value">>}, {list, [1, 2.5, "str"]}, {map, #{x => y}}]}].

start() ->
    lists:foreach(
      fun(T0) ->
              T = ?MODULE:id(T0),
              B = term_to_binary(T),
              Show = case byte_size(B) > 200 of
                         true -> {byte_size(B), erlang:md5(B), lists:sublist(binary_to_list(B), 20)};
                         false -> B
                     end,
              erlang:display({Show, erlang:external_size(T), binary_to_term(B) =:= T})
      end,
      terms()),
    ok.
