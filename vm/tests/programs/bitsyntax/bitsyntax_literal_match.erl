-module(bitsyntax_literal_match).
-export([start/0, id/1]).

%% Matching literal prefixes and literal segments in binaries (a tiny request parser).
id(X) -> X.

method(<<"GET ", Path/binary>>) -> {get, Path};
method(<<"POST ", Path/binary>>) -> {post, Path};
method(<<"DELETE ", Path/binary>>) -> {delete, Path};
method(<<M:3/binary, _/binary>>) -> {unknown, M};
method(_) -> too_short.

magic(<<16#89, "PNG", 16#0D0A1A0A:32, _/binary>>) -> png;
magic(<<"GIF8", V, "a", _/binary>>) when V =:= $7; V =:= $9 -> {gif, V - $0};
magic(<<16#FF, 16#D8, _/binary>>) -> jpeg;
magic(<<"%PDF-", Major, ".", Minor, _/binary>>) -> {pdf, Major - $0, Minor - $0};
magic(_) -> unknown.

start() ->
    erlang:display([method(?MODULE:id(R)) || R <- [<<"GET /index.html">>, <<"POST /form">>,
                                                 <<"DELETE /x">>, <<"PUT /y">>, <<"HI">>]]),
    erlang:display([magic(?MODULE:id(F)) || F <- [<<16#89, "PNG", 13, 10, 26, 10, 0>>,
                                                <<"GIF89a...">>, <<"GIF87a">>, <<"GIF88a">>,
                                                <<255, 216, 255>>, <<"%PDF-1.7\n">>, <<>>]]),
    ok.
