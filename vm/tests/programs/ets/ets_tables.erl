-module(ets_tables).
-export([start/0]).

%% Table lifecycle and kinds: named tables (badarg on a second one, rename,
%% whereis), protection (private/protected/public from another process), bag
%% and duplicate_bag semantics (insert order of values, delete_object,
%% lookup, take), the owner dying removing the table, give_away with the
%% ETS-TRANSFER message, heir inheriting on the owner's death, info items,
%% delete_all_objects, and operations on a deleted table.
start() ->
    Self = self(),
    N = ets:new(ets_tables_named, [named_table, set, public]),
    show("named_table returns name", N),
    show("second named table", try ets:new(ets_tables_named, [named_table]) catch error:badarg -> badarg end),
    show("unnamed same name ok", is_reference(ets:new(ets_tables_named, []))),
    true = ets:insert(ets_tables_named, {k, 1}),
    show("lookup by name", ets:lookup(ets_tables_named, k)),
    show("whereis", is_reference(ets:whereis(ets_tables_named))),
    show("whereis missing", ets:whereis(ets_tables_nothing)),
    show("rename", ets:rename(ets_tables_named, ets_tables_renamed)),
    show("old name gone", ets:info(ets_tables_named)),
    show("new name works", ets:lookup(ets_tables_renamed, k)),
    show("info items", [{I, ets:info(ets_tables_renamed, I)}
                        || I <- [name, named_table, type, protection, keypos, size]]),
    show("owner is me", ets:info(ets_tables_renamed, owner) =:= Self),
    show("in all()", lists:member(ets_tables_renamed, ets:all())),
    %% protection
    Priv = ets:new(priv, [private]),
    Prot = ets:new(prot, [protected]),
    Pub = ets:new(pub, [public]),
    [ets:insert(T, {x, 1}) || T <- [Priv, Prot, Pub]],
    Other = spawn(fun() ->
                          Res = [{Name, try_read(T), try_write(T)}
                                 || {Name, T} <- [{private, Priv}, {protected, Prot}, {public, Pub}]],
                          Self ! {access, Res}
                  end),
    receive {access, Access} -> show("access from another process", Access) end,
    _ = Other,
    show("public written by other", ets:lookup(Pub, x)),
    %% bag / duplicate_bag
    B = ets:new(b, [bag]),
    D = ets:new(d, [duplicate_bag]),
    Objs = [{k, 3}, {k, 1}, {k, 3}, {k, 2}, {j, 1}],
    true = ets:insert(B, Objs),
    true = ets:insert(D, Objs),
    show("bag lookup sorted", lists:sort(ets:lookup(B, k))),
    B1 = ets:new(b1, [bag]),
    [true = ets:insert(B1, O) || O <- Objs],
    show("bag one by one keeps insert order", ets:lookup(B1, k)),
    show("duplicate_bag lookup", ets:lookup(D, k)),
    show("sizes", {ets:info(B, size), ets:info(D, size)}),
    true = ets:delete_object(D, {k, 3}),
    show("duplicate_bag delete_object removes all copies", ets:lookup(D, k)),
    true = ets:delete_object(B, {k, 1}),
    show("bag after delete_object", lists:sort(ets:lookup(B, k))),
    show("bag take", lists:sort(ets:take(B, k))),
    show("bag after take", {ets:lookup(B, k), ets:member(B, j)}),
    true = ets:insert(B, {j, 1}),
    show("bag reinsert same object", ets:lookup(B, j)),
    true = ets:delete(D, k),
    show("duplicate_bag delete key", ets:tab2list(D)),
    S = ets:new(s, [set]),
    true = ets:insert(S, [{k, 3}, {k, 1}]),
    true = ets:delete_object(S, {k, 3}),
    show("set delete_object non-matching", ets:lookup(S, k)),
    true = ets:delete_object(S, {k, 1}),
    show("set delete_object matching", ets:lookup(S, k)),
    %% owner death
    {Owner, ORef} = spawn_monitor(fun() ->
                                          T = ets:new(owned, [public]),
                                          ets:insert(T, {a, 1}),
                                          Self ! {table, T},
                                          receive die -> ok end
                                  end),
    T1 = receive {table, TT} -> TT end,
    show("owned table size", ets:info(T1, size)),
    show("owned table owner", ets:info(T1, owner) =:= Owner),
    Owner ! die,
    receive {'DOWN', ORef, process, Owner, normal} -> ok end,
    show("info after owner death", ets:info(T1)),
    show("lookup after owner death", try ets:lookup(T1, a) catch error:badarg -> badarg end),
    %% give_away
    G = ets:new(given, [protected]),
    ets:insert(G, {gift, 42}),
    Receiver = spawn(fun() ->
                             receive
                                 {'ETS-TRANSFER', Tab, From, Data} ->
                                     Self ! {transferred, From =:= Self, Data,
                                             ets:info(Tab, owner) =:= self(), ets:lookup(Tab, gift)},
                                     receive stop -> ok end
                             end
                     end),
    true = ets:give_away(G, Receiver, hello),
    receive {transferred, FromMe, GData, NowOwner, GLook} ->
            show("ETS-TRANSFER", {FromMe, GData, NowOwner, GLook})
    end,
    show("new owner", ets:info(G, owner) =:= Receiver),
    show("write after give_away", try ets:insert(G, {x, 1}) catch error:badarg -> badarg end),
    show("give_away not owner", try ets:give_away(G, self(), x) catch error:badarg -> badarg end),
    RRef = monitor(process, Receiver),
    Receiver ! stop,
    receive {'DOWN', RRef, process, Receiver, _} -> ok end,
    show("given table gone with new owner", ets:info(G)),
    %% heir
    {Dying, DRef} = spawn_monitor(fun() ->
                                          T = ets:new(inherited, [{heir, Self, my_legacy}]),
                                          ets:insert(T, {will, 1}),
                                          Self ! {table, T},
                                          receive die -> ok end
                                  end),
    H = receive {table, HT} -> HT end,
    show("heir info", ets:info(H, heir) =:= Self),
    Dying ! die,
    receive {'DOWN', DRef, process, Dying, _} -> ok end,
    receive {'ETS-TRANSFER', H, FromDying, HData} ->
            show("inherited", {FromDying =:= Dying, HData, ets:lookup(H, will)})
    end,
    show("heir is now owner", ets:info(H, owner) =:= Self),
    show("heir after inheritance is still me", ets:info(H, heir) =:= Self),
    true = ets:setopts(H, {heir, none}),
    show("setopts heir none", ets:info(H, heir)),
    %% delete_all_objects and deleted tables
    true = ets:delete_all_objects(ets_tables_renamed),
    show("delete_all_objects size", ets:info(ets_tables_renamed, size)),
    true = ets:delete(ets_tables_renamed),
    show("info of deleted", ets:info(ets_tables_renamed)),
    show("insert into deleted", try ets:insert(ets_tables_renamed, {a}) catch error:badarg -> badarg end),
    show("lookup unknown name", try ets:lookup(no_such_table, a) catch error:badarg -> badarg end),
    show("bad insert", try ets:insert(S, not_a_tuple) catch error:badarg -> badarg end),
    show("empty tuple insert", try ets:insert(S, {}) catch error:badarg -> badarg end),
    ok.

try_read(T) -> try ets:lookup(T, x) catch error:badarg -> badarg end.
try_write(T) -> try ets:insert(T, {x, 2}) catch error:badarg -> badarg end.

show(Label, Value) -> io:format("~s: ~p~n", [Label, Value]).
