-module(io_put_chars_write).
-export([start/0]).

%% io:put_chars/1 with strings, binaries and iolists; io:write/1; io:nl/0.
start() ->
    io:put_chars("plain string\n"),
    io:put_chars(<<"binary string\n">>),
    io:put_chars(["deep ", ["io", $l, <<"ist">>], $\n]),
    io:put_chars([]),
    io:write({a, [1, 2], "s", <<"b">>, 1.5}),
    io:nl(),
    io:write('quoted atom'),
    io:nl(),
    io:write([]),
    io:nl(),
    io:put_chars(standard_io, "to standard_io\n"),
    io:format(standard_io, "format to ~s~n", [standard_io]),
    io:format(user, "format to ~s~n", [user]),
    io:put_chars(lists:duplicate(5, $=)),
    io:nl(),
    ok.
