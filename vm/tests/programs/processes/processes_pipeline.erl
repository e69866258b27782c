-module(processes_pipeline).
-export([start/0]).

%% A pipeline of stages, each a process applying a function and forwarding;
%% end-of-stream marker propagates and results come back in order.
stage(F, Next) ->
    receive
        {item, X} -> Next ! {item, F(X)}, stage(F, Next);
        eos -> Next ! eos
    end.

sink(Owner, Acc) ->
    receive
        {item, X} -> sink(Owner, [X | Acc]);
        eos -> Owner ! {results, lists:reverse(Acc)}
    end.

start() ->
    Self = self(),
    Sink = spawn(fun() -> sink(Self, []) end),
    Fs = [fun(X) -> X + 1 end, fun(X) -> X * 2 end, fun(X) -> X - 3 end, fun(X) -> {v, X} end],
    Head = lists:foldr(fun(F, Next) -> spawn(fun() -> stage(F, Next) end) end, Sink, Fs),
    [Head ! {item, I} || I <- lists:seq(1, 10)],
    Head ! eos,
    receive {results, R} -> erlang:display(R) end,
    ok.
