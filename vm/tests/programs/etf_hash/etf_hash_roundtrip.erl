-module(etf_hash_roundtrip).
-export([start/0, id/1]).

%% binary_to_term(term_to_binary(T)) for terms that print differently on every VM
%% (pids, references, closures), big maps, long lists and deep nesting.
id(X) -> X.

deep_list(0, Acc) -> Acc;
deep_list(N, Acc) -> deep_list(N - 1, [Acc]).

deep_tuple(0, Acc) -> Acc;
deep_tuple(N, Acc) -> deep_tuple(N - 1, {N, Acc}).

deep_map(0, Acc) -> Acc;
deep_map(N, Acc) -> deep_map(N - 1, #{N => Acc}).

adder(N) -> fun(X) -> X + N end.

rt(T) -> binary_to_term(term_to_binary(T)).

start() ->
    Self = self(),
    Ref = make_ref(),
    erlang:display({rt(Self) =:= Self, rt(Ref) =:= Ref, rt({Self, [Ref]}) =:= {Self, [Ref]}}),
    erlang:display(rt([Ref, Ref]) =:= [Ref, Ref]),
    erlang:display({is_pid(rt(Self)), is_reference(rt(Ref))}),
    Add = adder(5),
    Add2 = rt(Add),
    erlang:display({Add2(10), Add2 =:= Add, erlang:phash2(Add2) =:= erlang:phash2(Add)}),
    Pair = fun(X, Y) -> {X, Y, Ref} end,
    erlang:display(element(3, (rt(Pair))(1, 2)) =:= Ref),
    Noop = fun() -> noop end,
    erlang:display((rt(Noop))()),
    erlang:display((rt(fun lists:reverse/1))([1, 2, 3])),
    erlang:display(rt(#{fun1 => Add}) =:= #{fun1 => Add}),
    Big = maps:from_list([{I, {I, integer_to_list(I)}} || I <- lists:seq(1, 1000)]),
    erlang:display({rt(Big) =:= Big, erlang:phash2(rt(Big)) =:= erlang:phash2(Big),
                    erlang:phash2(Big)}),
    Long = lists:seq(1, 100000),
    LongB = term_to_binary(Long),
    erlang:display({byte_size(LongB), erlang:md5(LongB), binary_to_term(LongB) =:= Long,
                    erlang:phash2(Long)}),
    Improper = lists:foldl(fun(I, Acc) -> [I | Acc] end, tail, lists:seq(1, 50000)),
    erlang:display({rt(Improper) =:= Improper, erlang:phash2(Improper),
                    erlang:md5(term_to_binary(Improper))}),
    DL = deep_list(5000, []),
    DT = deep_tuple(5000, leaf),
    DM = deep_map(2000, #{}),
    lists:foreach(
      fun(D) ->
              B = term_to_binary(D),
              erlang:display({byte_size(B), erlang:md5(B), binary_to_term(B) =:= D,
                              erlang:phash2(D), erlang:external_size(D),
                              binary_to_term(term_to_binary(D, [compressed])) =:= D})
      end,
      [DL, DT, DM]),
    ok.
