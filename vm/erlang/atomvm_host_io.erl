%% The host VM's group leader: answers the Erlang I/O protocol for standard output
%% and writes through the VM's native atomvm_host:put_chars/3. Like standard_io under
%% `erl -noshell` it starts as a latin1 device (a unicode one when running Elixir, as
%% Elixir sets it, and from OTP 26 in a UTF-8 locale, as erl does); setopts can
%% switch it.
-module(atomvm_host_io).
-export([start/1]).

start(Encoding) ->
    loop(Encoding).

loop(Encoding) ->
    receive
        {io_request, From, ReplyAs, Request} ->
            {Reply, NewEncoding} = request(Request, Encoding),
            From ! {io_reply, ReplyAs, Reply},
            loop(NewEncoding);
        _Other ->
            loop(Encoding)
    end.

request({put_chars, Encoding, Chars}, Device) ->
    {write(Device, Encoding, Chars), Device};
request({put_chars, Encoding, Module, Function, Args}, Device) ->
    try apply(Module, Function, Args) of
        Chars -> {write(Device, Encoding, Chars), Device}
    catch
        _:_ -> {{error, put_chars}, Device}
    end;
request({requests, Requests}, Device) ->
    lists:foldl(fun(R, {ok, D}) -> request(R, D); (_, Error) -> Error end, {ok, Device}, Requests);
request(getopts, Device) ->
    {options(erlang:system_info(otp_release), Device), Device};
request({setopts, Opts}, Device) ->
    case proplists:get_value(encoding, Opts, Device) of
        E when E =:= latin1; E =:= unicode; E =:= utf8 -> {ok, encoding(E)};
        _ -> {{error, enotsup}, Device}
    end;
request({get_geometry, _}, Device) ->
    {{error, enotsup}, Device};
request(_, Device) ->
    {{error, request}, Device}.

%% What io:getopts() answers for standard_io under `erl -noshell` with standard output
%% not a terminal, as each release does (OTP 26 rewrote the terminal driver).
options(Release, Encoding) when Release >= "29" ->
    [{expand_fun, false}, {echo, false}, {line_history, false}, {log, none},
     {binary, false}, {encoding, Encoding}, {terminal, false}, {stdout, false},
     {stderr, false}, {stdin, false}];
options(Release, Encoding) when Release >= "26" ->
    [{expand_fun, fun edlin_expand:expand/2}, {echo, false}, {binary, false},
     {encoding, Encoding}, {log, none}, {terminal, false}, {stdout, false},
     {stderr, false}, {stdin, false}];
options(_, Encoding) ->
    [{binary, false}, {encoding, Encoding}].

encoding(utf8) -> unicode;
encoding(E) -> E.

write(Device, Encoding, Chars) ->
    atomvm_host:put_chars(Device, Encoding, Chars).
