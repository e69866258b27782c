-module(maps_nested).
-export([start/0]).

%% Nested maps: building, deep update helpers, matching nested structure.
put_in([K], V, M) -> M#{K => V};
put_in([K | Rest], V, M) -> M#{K => put_in(Rest, V, maps:get(K, M, #{}))}.

get_in([], V) -> V;
get_in([K | Rest], M) when is_map(M) ->
    case M of
        #{K := Sub} -> get_in(Rest, Sub);
        _ -> undefined
    end;
get_in(_, _) -> undefined.

start() ->
    C0 = #{},
    C1 = put_in([db, host], "localhost", C0),
    C2 = put_in([db, port], 5432, C1),
    C3 = put_in([web, listen, port], 8080, C2),
    C4 = put_in([web, listen, ip], {0, 0, 0, 0}, C3),
    erlang:display(C4),
    erlang:display(get_in([db, port], C4)),
    erlang:display(get_in([web, listen], C4)),
    erlang:display(get_in([web, nope, x], C4)),
    erlang:display(get_in([db, port, deeper], C4)),
    #{web := #{listen := #{port := P}}} = C4,
    erlang:display(P),
    C5 = C4#{db := (maps:get(db, C4))#{port := 6543}},
    erlang:display(maps:get(db, C5)),
    ok.
