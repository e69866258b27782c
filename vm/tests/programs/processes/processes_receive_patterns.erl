-module(processes_receive_patterns).
-export([start/0]).

%% receive with guards, bound variables in patterns (make_ref tags), nested
%% patterns, and a catch-all clause.
start() ->
    Self = self(),
    Tag = make_ref(),
    Other = make_ref(),
    Self ! {Other, not_for_us},
    Self ! {Tag, for_us},
    receive {Tag, M} -> erlang:display({tagged, M}) end,
    receive {Other, M2} -> erlang:display({other_tag, M2}) end,
    [Self ! X || X <- [{num, 5}, {num, 50}, {str, "s"}, {num, -1}, {tuple, {1, {2, 3}}}, junk]],
    receive {num, N} when N > 10 -> erlang:display({big_num, N}) end,
    receive {num, N2} when N2 < 0 -> erlang:display({neg_num, N2}) end,
    receive {tuple, {_, {_, Z}}} -> erlang:display({nested, Z}) end,
    receive {str, [C | _]} -> erlang:display({first_char, C}) end,
    receive {num, N3} -> erlang:display({any_num, N3}) end,
    receive Any -> erlang:display({catch_all, Any}) end,
    Expected = ?MODULE,
    Self ! {module, ?MODULE},
    receive {module, Expected} -> erlang:display(bound_atom_matched) end,
    ok.
