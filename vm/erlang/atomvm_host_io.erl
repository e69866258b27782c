%% The host VM's io servers: the group leader (standard output, also `user`) and
%% `standard_error`. Each answers the Erlang I/O protocol and writes through the VM's
%% native atomvm_host:put_chars/4. Like standard_io under `erl -noshell` they start as
%% latin1 devices (unicode ones when running Elixir, as Elixir sets them, and from
%% OTP 26 in a UTF-8 locale, as erl does); setopts can switch them.
-module(atomvm_host_io).
-export([start/1, start_stderr/1]).

%% Standard output.
start(Encoding) ->
    loop({stdout, Encoding}).

%% Standard error.
start_stderr(Encoding) ->
    loop({stderr, Encoding}).

loop(Device) ->
    receive
        {io_request, From, ReplyAs, Request} ->
            {Reply, NewDevice} = request(Request, Device),
            From ! {io_reply, ReplyAs, Reply},
            loop(NewDevice);
        _Other ->
            loop(Device)
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
request(getopts, {Target, Encoding} = Device) ->
    {options(Target, erlang:system_info(otp_release), Encoding), Device};
request({setopts, Opts}, {Target, Encoding} = Device) ->
    case proplists:get_value(encoding, Opts, Encoding) of
        E when E =:= latin1; E =:= unicode; E =:= utf8 -> {ok, {Target, encoding(E)}};
        _ -> {{error, enotsup}, Device}
    end;
request({get_geometry, _}, Device) ->
    {{error, enotsup}, Device};
request(_, Device) ->
    {{error, request}, Device}.

%% What io:getopts/1 answers under `erl -noshell` with the output not a terminal, as
%% each release does (OTP 26 rewrote the terminal driver).
options(stdout, Release, Encoding) when Release >= "29" ->
    [{expand_fun, false}, {echo, false}, {line_history, false}, {log, none},
     {binary, false}, {encoding, Encoding}, {terminal, false}, {stdout, false},
     {stderr, false}, {stdin, false}];
options(stdout, Release, Encoding) when Release >= "26" ->
    [{expand_fun, fun edlin_expand:expand/2}, {echo, false}, {binary, false},
     {encoding, Encoding}, {log, none}, {terminal, false}, {stdout, false},
     {stderr, false}, {stdin, false}];
options(stderr, Release, Encoding) when Release >= "29" ->
    [{encoding, Encoding}, {onlcr, false}, {log, none}, {terminal, false}];
options(stderr, Release, Encoding) when Release >= "26" ->
    [{encoding, Encoding}, {onlcr, false}, {log, none}];
options(stdout, _, Encoding) ->
    [{binary, false}, {encoding, Encoding}];
options(stderr, _, Encoding) ->
    [{encoding, Encoding}].

encoding(utf8) -> unicode;
encoding(E) -> E.

write({Target, Encoding}, DataEncoding, Chars) ->
    atomvm_host:put_chars(Target, Encoding, DataEncoding, Chars).
