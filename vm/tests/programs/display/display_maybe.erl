-module(display_maybe).
%% min_otp: 27
-export([start/0, id/1]).

%% maybe ... else ... end (a keyword from OTP 27): success paths, the first failed
%% match returned or handled by else, nesting, guards in else clauses.
id(X) -> X.

parse(Map) ->
    maybe
        {ok, Name} ?= find(name, Map),
        {ok, Age} ?= find(age, Map),
        true ?= is_integer(Age) andalso Age >= 0,
        {Name, Age}
    end.

parse_else(Map) ->
    maybe
        {ok, Name} ?= find(name, Map),
        {ok, Age} ?= find(age, Map),
        {Name, Age}
    else
        {error, Key} when is_atom(Key) -> {missing, Key};
        Other -> {other, Other}
    end.

find(K, M) ->
    case M of
        #{K := V} -> {ok, V};
        _ -> {error, K}
    end.

start() ->
    erlang:display(parse(?MODULE:id(#{name => ann, age => 3}))),
    erlang:display(parse(?MODULE:id(#{name => ann}))),
    erlang:display(parse(?MODULE:id(#{name => ann, age => -1}))),
    erlang:display(parse_else(?MODULE:id(#{age => 3}))),
    erlang:display(parse_else(?MODULE:id(#{name => bob, age => 7}))),
    erlang:display(maybe 1 ?= ?MODULE:id(1), 2 ?= ?MODULE:id(2), done end),
    erlang:display(maybe X = ?MODULE:id(5), Y = X * 2, Y end),
    erlang:display(maybe
                       {ok, A} ?= ?MODULE:id({ok, 1}),
                       maybe {ok, B} ?= ?MODULE:id({error, inner}), A + B end
                   end),
    erlang:display(try maybe {ok, _} ?= ?MODULE:id(nope) else {ok, _} -> x end
                   catch error:Reason -> {caught, Reason} end),
    ok.
