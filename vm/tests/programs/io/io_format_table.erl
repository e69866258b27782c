-module(io_format_table).
-export([start/0]).

%% A formatted report: column alignment with ~-Ns/~Nw/~N.Mf, totals, separators
%% built with lists:duplicate.
start() ->
    Items = [{"widget", 4, 3.5}, {"gadget", 10, 12.25}, {"doohickey", 1, 99.99},
             {"thingamajig", 250, 0.05}],
    Sep = lists:duplicate(40, $-),
    io:format("~s~n", [Sep]),
    io:format("~-14s~8s~9s~9s~n", ["item", "qty", "price", "total"]),
    io:format("~s~n", [Sep]),
    Total = lists:foldl(
              fun({Name, Qty, Price}, Acc) ->
                      Line = Qty * Price,
                      io:format("~-14s~8B~9.2f~9.2f~n", [Name, Qty, Price, Line]),
                      Acc + Line
              end, 0, Items),
    io:format("~s~n", [Sep]),
    io:format("~-14s~26.2f~n", ["TOTAL", Total]),
    io:format("~40..=s~n", [""]),
    ok.
