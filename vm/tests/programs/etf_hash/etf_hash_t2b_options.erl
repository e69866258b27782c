-module(etf_hash_t2b_options).
-export([start/0, id/1]).

%% term_to_binary/2 options (minor_version 0/1/2, compressed, deterministic), bad
%% options, and external_size/2.
id(X) -> X.

catching(F) ->
    try F() catch C:R -> {C, R} end.

head(B, N) -> lists:sublist(binary_to_list(B), N).

start() ->
    Terms = [1.5, -0.0, 1.0e300, 2.5e-310, 123.456, [1.0, {2.0}, #{k => 3.0}], [1.0 | 2.0],
             a, 'caf\x{e9}', '\x{3bb}', {ok, "str", <<"bin">>, [a | b]}, "bytes",
             lists:seq(1, 10)],
    lists:foreach(
      fun(T0) ->
              T = ?MODULE:id(T0),
              V0 = term_to_binary(T, [{minor_version, 0}]),
              V1 = term_to_binary(T, [{minor_version, 1}]),
              V2 = term_to_binary(T, [{minor_version, 2}]),
              erlang:display({V0, V1 =:= term_to_binary(T), V2}),
              erlang:display({binary_to_term(V0) =:= T, binary_to_term(V2) =:= T,
                              erlang:external_size(T, [{minor_version, 1}]) =:= byte_size(V1),
                              erlang:external_size(T, [{minor_version, 0}]) =:= byte_size(V0)})
      end,
      Terms),
    Big = [lists:duplicate(100, a), lists:seq(1, 2000), list_to_binary(lists:duplicate(5000, $x)),
           {lists:duplicate(50, {key, <<"value">>}), "some string some string some string"}],
    lists:foreach(
      fun(T0) ->
              T = ?MODULE:id(T0),
              Plain = term_to_binary(T),
              C = term_to_binary(T, [compressed]),
              C1 = term_to_binary(T, [{compressed, 1}]),
              C9 = term_to_binary(T, [{compressed, 9}, {minor_version, 1}]),
              C0 = term_to_binary(T, [{compressed, 0}]),
              erlang:display({head(C, 6), head(C1, 6), head(C9, 6), C0 =:= Plain,
                              byte_size(C) < byte_size(Plain),
                              binary_to_term(C) =:= T, binary_to_term(C1) =:= T,
                              binary_to_term(C9) =:= T})
      end,
      Big),
    %% Too small to gain from compression: written plain.
    Small = [a, {1, 2}, "abc", <<1, 2, 3>>, [a, b, c]],
    erlang:display([term_to_binary(T, [compressed]) =:= term_to_binary(T) || T <- Small]),
    erlang:display(term_to_binary(#{b => 1, a => 2}, [deterministic])),
    Bad = [[bogus], [{compressed, 10}], [{compressed, -1}], [{minor_version, 3}],
           [{minor_version, a}], [compressed | bad], bad, [{compressed}], [local]],
    %% What an accepted option gives is shown by its first bytes and size: `local`
    %% (accepted from OTP 26) writes a value that differs from run to run.
    erlang:display([catching(fun() -> B = term_to_binary(x, ?MODULE:id(O)),
                                      {binary_part(B, 0, 2), byte_size(B)} end)
                    || O <- Bad]),
    erlang:display([catching(fun() -> erlang:external_size(x, ?MODULE:id(O)) end)
                    || O <- [[{minor_version, 2}], [compressed], [deterministic] | Bad]]),
    ok.
