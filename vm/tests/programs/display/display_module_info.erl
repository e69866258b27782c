-module(display_module_info).
-export([start/0, twice/1]).
-vsn(7).
-custom_attribute({any, "term"}).

%% Mod:module_info/0,1: name, exports, attributes and compile
%% information from the module's chunks, its MD5 (the same file under both machines),
%% functions in code order, and badarg for an unknown key.
start() ->
    Info = ?MODULE:module_info(),
    erlang:display([K || {K, _} <- Info]),
    erlang:display(?MODULE:module_info(module)),
    %% (The BEAM's order of exports follows its export table, not the source.)
    erlang:display(lists:sort(?MODULE:module_info(exports))),
    erlang:display(?MODULE:module_info(attributes)),
    erlang:display([K || {K, _} <- ?MODULE:module_info(compile)]),
    erlang:display(proplists:get_value(source, ?MODULE:module_info(compile)) =/= undefined),
    erlang:display({?MODULE:module_info(md5) =:= proplists:get_value(md5, Info),
                    byte_size(?MODULE:module_info(md5))}),
    erlang:display(?MODULE:module_info(md5)),
    erlang:display([F || {F, _} <- ?MODULE:module_info(functions)]),
    erlang:display({?MODULE:module_info(nifs), ?MODULE:module_info(native)}),
    erlang:display(try ?MODULE:module_info(bogus) catch error:badarg -> badarg end),
    erlang:display(lists:module_info(module)),
    ok.

twice(X) -> helper(X) * 2.

helper(X) -> X.
