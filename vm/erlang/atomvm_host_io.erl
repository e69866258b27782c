%% The host VM's group leader: answers the Erlang I/O protocol for standard output
%% and writes through the VM's native atomvm_host:put_chars/2.
-module(atomvm_host_io).
-export([start/0]).

start() ->
    loop().

loop() ->
    receive
        {io_request, From, ReplyAs, Request} ->
            From ! {io_reply, ReplyAs, request(Request)},
            loop();
        _Other ->
            loop()
    end.

request({put_chars, Encoding, Chars}) ->
    write(Encoding, Chars);
request({put_chars, Encoding, Module, Function, Args}) ->
    try apply(Module, Function, Args) of
        Chars -> write(Encoding, Chars)
    catch
        _:_ -> {error, put_chars}
    end;
request({requests, Requests}) ->
    lists:foldl(fun(R, ok) -> request(R); (_, Error) -> Error end, ok, Requests);
request(getopts) ->
    [{binary, false}, {encoding, unicode}];
request({setopts, _}) ->
    ok;
request({get_geometry, _}) ->
    {error, enotsup};
request(_) ->
    {error, request}.

write(Encoding, Chars) ->
    atomvm_host:put_chars(Encoding, Chars).
