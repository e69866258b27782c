-module(bitsyntax_case_match).
-export([start/0, id/1]).

%% case expressions choosing between several binary patterns with guards.
id(X) -> X.

kind(Bin) ->
    case Bin of
        <<>> -> empty;
        <<0>> -> zero_byte;
        <<X>> when X > 127 -> {high_byte, X};
        <<_>> -> one_byte;
        <<1, Rest/binary>> -> {starts_with_one, byte_size(Rest)};
        <<N:16>> when N rem 2 =:= 0 -> {even16, N};
        <<_:4, Low:4, _/binary>> when Low =:= 15 -> low_nibble_f;
        <<_:3>> -> three_bits;
        B when is_binary(B) -> {other_binary, byte_size(B)};
        B -> {bitstring, bit_size(B)}
    end.

start() ->
    erlang:display([kind(?MODULE:id(B)) || B <- [<<>>, <<0>>, <<200>>, <<5>>, <<1, 2, 3>>,
                                               <<2, 4>>, <<16#0F, 3>>, <<16#1F, 1, 1>>,
                                               <<5:3>>, <<9, 9, 9>>, <<1:5>>, <<3, 3>>]]),
    ok.
