%% AtomVM's built-in port drivers, for device mode, where a port is a process
%% (`open_port({spawn, Name}, Options)` gives its pid): `echo` sends back what it gets
%% and `console` prints, answering as AtomVM v0.6's `nifs.c` has them answer. The
%% messages they do not know are dropped, as AtomVM's drivers drop them.
-module(atomvm_host_drivers).
-export([echo/0, console/0]).

%% {Pid, close}: `{self(), closed}` to Pid, then the driver ends; {Pid, Value}: Value
%% to Pid.
echo() ->
    receive
        {Pid, close} when is_pid(Pid) ->
            Pid ! {self(), closed};
        {Pid, Value} when is_pid(Pid) ->
            Pid ! Value,
            echo();
        _ ->
            echo()
    end.

%% {Pid, close} as for echo; `io_request` put_chars; `port:call/2`'s `flush` and
%% `{puts, Text}` (`{error, badarg}` for anything else, or for text that is not a
%% string).
console() ->
    receive
        {Pid, close} when is_pid(Pid) ->
            Pid ! {self(), closed};
        {io_request, Pid, Ref, {put_chars, _Encoding, Chars}} ->
            case text(Chars) of
                {ok, Text} -> console:puts(Text), Pid ! {io_reply, Ref, ok};
                error -> ok
            end,
            console();
        {'$call', {Pid, Ref}, flush} ->
            Pid ! {Ref, ok},
            console();
        {'$call', {Pid, Ref}, {puts, Chars}} ->
            Reply = case text(Chars) of
                        {ok, Text} -> console:puts(Text), ok;
                        error -> {error, badarg}
                    end,
            Pid ! {Ref, Reply},
            console();
        {'$call', {Pid, Ref}, _Other} ->
            Pid ! {Ref, {error, badarg}},
            console();
        _ ->
            console()
    end.

%% A string (a list of bytes) or a binary, as AtomVM's interop_term_to_string takes.
text(Chars) when is_binary(Chars) -> {ok, Chars};
text(Chars) when is_list(Chars) ->
    case lists_are_bytes(Chars) of
        true -> {ok, Chars};
        false -> error
    end;
text(_) -> error.

lists_are_bytes([C | T]) when is_integer(C), C >= 0, C =< 255 -> lists_are_bytes(T);
lists_are_bytes([]) -> true;
lists_are_bytes(_) -> false.
