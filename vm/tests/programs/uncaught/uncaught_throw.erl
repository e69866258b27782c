-module(uncaught_throw).
-export([start/0, id/1]).

%% An uncaught throw (becomes {nocatch, Value}); output before it must appear.
id(X) -> X.

start() ->
    erlang:display(try throw(?MODULE:id(caught_one)) catch throw:V -> {first, V} end),
    erlang:display(about_to_throw),
    throw(?MODULE:id(not_caught)).
