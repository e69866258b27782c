-module(etf_hash_random_terms).
-export([start/0]).
-compile({nowarn_deprecated_function, [{erlang, phash, 2}]}).

%% 400 pseudo-random nested terms (a fixed-seed LCG, no rand module): their
%% phash2/1, phash2/2, phash/2, and the MD5 of their term_to_binary/1, and whether
%% they survive a round trip. (BEAM writes maps of more than 32 keys in its internal
%% hash order, so for terms holding one only the size of the encoding is compared.)

next(S) -> (S * 1103515245 + 12345) rem 2147483648.

pick(S, N) -> {S rem N, next(S)}.

gen(S, 0) -> leaf(S);
gen(S0, Depth) ->
    {K, S1} = pick(S0, 9),
    case K of
        0 -> leaf(S1);
        1 -> leaf(S1);
        2 ->
            {N, S2} = pick(S1, 5),
            {Items, S3} = gen_n(S2, N, Depth - 1),
            {list_to_tuple(Items), S3};
        3 ->
            {N, S2} = pick(S1, 6),
            {Items, S3} = gen_n(S2, N, Depth - 1),
            {Items, S3};
        4 ->
            {N, S2} = pick(S1, 4),
            {Items, S3} = gen_n(S2, N, Depth - 1),
            {Tail, S4} = leaf(S3),
            {Items ++ Tail, S4};
        5 ->
            {N, S2} = pick(S1, 5),
            {Keys, S3} = gen_n(S2, N, 1),
            {Values, S4} = gen_n(S3, N, Depth - 1),
            {maps:from_list(lists:zip(Keys, Values)), S4};
        6 ->
            {N, S2} = pick(S1, 40),
            {Bytes, S3} = bytes(S2, N, []),
            {Bytes, S3};
        7 ->
            {N, S2} = pick(S1, 50),
            {Keys, S3} = gen_n(S2, N, 0),
            {maps:from_list([{K1, K1} || K1 <- Keys]), S3};
        _ ->
            {A, S2} = gen(S1, Depth - 1),
            {B, S3} = gen(S2, Depth - 1),
            {{A, [B]}, S3}
    end.

gen_n(S, 0, _) -> {[], S};
gen_n(S0, N, Depth) ->
    {T, S1} = gen(S0, Depth),
    {Rest, S2} = gen_n(S1, N - 1, Depth),
    {[T | Rest], S2}.

bytes(S, 0, Acc) -> {Acc, S};
bytes(S0, N, Acc) ->
    {B, S1} = pick(S0, 256),
    bytes(S1, N - 1, [B | Acc]).

leaf(S0) ->
    {K, S1} = pick(S0, 12),
    {V, S2} = pick(S1, 1000000),
    T = case K of
            0 -> V rem 256;
            1 -> V - 500000;
            2 -> V * V * V * V * V;
            3 -> -(V * V * V * V * V * V * V);
            4 -> V / 7;
            5 -> list_to_atom("atom_" ++ integer_to_list(V rem 50));
            6 -> list_to_binary(integer_to_list(V));
            7 -> [];
            8 -> integer_to_list(V);
            9 -> {};
            10 -> list_to_binary(lists:duplicate(V rem 30, V rem 256));
            _ -> V * 1000
        end,
    {T, S2}.

%% The MD5 as an integer (erlang:display of binaries is not what this tests).
digest(B) -> lists:foldl(fun(X, A) -> A * 256 + X end, 0, binary_to_list(erlang:md5(B))).

has_big_map(T) when is_map(T) ->
    map_size(T) > 32 orelse has_big_map(maps:to_list(T));
has_big_map([H | T]) -> has_big_map(H) orelse has_big_map(T);
has_big_map(T) when is_tuple(T) -> has_big_map(tuple_to_list(T));
has_big_map(_) -> false.

loop(0, _) -> ok;
loop(N, S0) ->
    {T, S1} = gen(S0, 4),
    B = term_to_binary(T),
    %% The digest of the deterministic encoding: from OTP 26 the plain one writes the
    %% atom keys of a small map in an order that changes from run to run.
    Digest = case has_big_map(T) of
                 true -> big_map;
                 false -> digest(term_to_binary(T, [deterministic]))
             end,
    erlang:display({erlang:phash2(T), erlang:phash2(T, 65536), erlang:phash(T, 1 bsl 32),
                    Digest, byte_size(B), binary_to_term(B) =:= T}),
    loop(N - 1, S1).

start() ->
    loop(400, 42).
