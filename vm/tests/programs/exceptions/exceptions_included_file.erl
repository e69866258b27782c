-module(exceptions_included_file).
-export([start/0, before/0, after_include/0, through/0]).

%% Stack frames name the file each function's code comes from: the module's own
%% source before and after an -include, the included file for the code in it.
start() ->
    [show(F) || F <- [before, after_include, through]],
    ok.

show(F) ->
    try ?MODULE:F() catch error:R:S -> erlang:display({R, [L || {_, _, _, L} <- lists:sublist(S, 2)]}) end.

before() -> erlang:error(before).

-include("exceptions_included_file.hrl").

after_include() ->
    erlang:error(after_include).

through() ->
    [from_include(1)].
