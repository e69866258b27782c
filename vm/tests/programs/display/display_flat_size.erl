-module(display_flat_size).
-export([start/0]).

%% erts_debug:flat_size/1 and size/1 (AtomVM's test programs measure terms with them):
%% the words each kind of term takes on the emulated release, shared parts once for size/1.
start() ->
    Bin = list_to_binary(lists:seq(1, 100)),
    <<_:8, Sub50:50/binary, _/binary>> = Bin,
    <<_:8, Sub80:80/binary, _/binary>> = Bin,
    <<_:3, Bits20:20/bits, _/bits>> = Bin,
    <<_:3, Bits600:600/bits, _/bits>> = Bin,
    N = length(atom_to_list(node())),
    Fun0 = fun() -> ok end,
    Fun2 = fun() -> {N, Bin} end,
    Shared = {Bin, Bin, [N], [N]},
    Terms = [1, -7, 576460752303423487, 576460752303423488, -576460752303423489,
             18446744073709551616, 1 bsl 200, 1.5, atom, [], {}, {a, b}, [1, 2], "abc",
             [{a, [b, {c}]} | tail], make_ref(), self(), Fun0, Fun2, fun lists:map/2,
             #{}, #{a => 1}, #{a => 1, b => [2, 3]}, <<>>, <<"abcde">>,
             binary:copy(<<1>>, 64), binary:copy(<<1>>, 65), Bin, Sub50, Sub80,
             <<1:3>>, <<1:13>>, Bits20, Bits600, <<Bin/binary, 1:3>>, Shared],
    [erlang:display({erts_debug:flat_size(T), erts_debug:size(T)}) || T <- Terms],
    Shared2 = lists:foldl(fun(_, Acc) -> {Acc, Acc} end, x, lists:seq(1, 20)),
    erlang:display({erts_debug:flat_size(Shared2), erts_debug:size(Shared2)}).
