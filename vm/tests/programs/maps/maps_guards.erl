-module(maps_guards).
-export([start/0, id/1]).

%% Map BIFs in guards: is_map, map_size, is_map_key, map_get.
id(X) -> X.

g(M) when not is_map(M) -> not_a_map;
g(M) when map_size(M) =:= 0 -> empty;
g(M) when is_map_key(admin, M), map_get(admin, M) =:= true -> admin;
g(M) when is_map_key(age, M), map_get(age, M) >= 18 -> adult;
g(M) when map_size(M) > 3 -> big;
g(_) -> other.

start() ->
    erlang:display([g(?MODULE:id(X)) || X <- [[], #{}, #{admin => true}, #{admin => false, age => 30},
                                            #{age => 10}, #{a => 1, b => 2, c => 3, d => 4},
                                            #{x => 1}, #{age => old}]]),
    ok.
