-module(stdlib_binary_module).
-export([start/0]).

%% The binary module: split, replace, matches, match, part, copy, longest common
%% prefix/suffix, encode/decode_unsigned, bin_to_list, compiled patterns.
start() ->
    B = <<"one,two;three,four">>,
    erlang:display(binary:split(B, [<<",">>, <<";">>], [global])),
    erlang:display(binary:split(B, <<",">>)),
    erlang:display(binary:split(<<",a,,b,">>, <<",">>, [global, trim_all])),
    erlang:display(binary:replace(B, <<",">>, <<" | ">>, [global])),
    erlang:display(binary:replace(<<"abcabc">>, <<"b">>, <<"[]">>, [global, {insert_replaced, 1}])),
    erlang:display(binary:matches(<<"abracadabra">>, <<"abra">>)),
    erlang:display(binary:matches(<<"abracadabra">>, [<<"a">>, <<"br">>])),
    erlang:display(binary:match(<<"hello">>, <<"l">>)),
    erlang:display(binary:match(<<"hello">>, <<"z">>)),
    CP = binary:compile_pattern([<<"cat">>, <<"dog">>]),
    erlang:display(binary:matches(<<"dog eats cat food">>, CP)),
    erlang:display(binary:part(<<"0123456789">>, 2, 5)),
    erlang:display(binary:part(<<"0123456789">>, 10, -3)),
    erlang:display(binary:longest_common_prefix([<<"interview">>, <<"internet">>, <<"interval">>])),
    erlang:display(binary:longest_common_suffix([<<"running">>, <<"jumping">>])),
    erlang:display({binary:encode_unsigned(1 bsl 40), binary:encode_unsigned(258, little)}),
    erlang:display({binary:decode_unsigned(<<1, 0, 0>>), binary:decode_unsigned(<<1, 0, 0>>, little)}),
    erlang:display(binary:bin_to_list(<<"abcdef">>, 1, 3)),
    erlang:display(binary:list_to_bin([<<"a">>, "bc", $d])),
    erlang:display(binary:copy(<<"xy">>, 4)),
    erlang:display(binary:at(<<"xyz">>, 2)),
    erlang:display(binary:decode_hex(<<"48656C6C6F">>)),
    ok.
