-module(exceptions_badarg).
-export([start/0, id/1]).

%% badarg raised by BIFs and operators, caught as {Class, Reason}.
id(X) -> X.

c(F) -> try F() catch Class:Reason -> {Class, Reason} end.

start() ->
    Fs = [fun() -> length(?MODULE:id(atom)) end,
          fun() -> hd(?MODULE:id([])) end,
          fun() -> tl(?MODULE:id([])) end,
          fun() -> element(?MODULE:id(5), {1, 2}) end,
          fun() -> element(?MODULE:id(0), {1, 2}) end,
          fun() -> setelement(?MODULE:id(3), {1, 2}, x) end,
          fun() -> tuple_size(?MODULE:id([1])) end,
          fun() -> atom_to_list(?MODULE:id("str")) end,
          fun() -> list_to_integer(?MODULE:id("12x")) end,
          fun() -> list_to_atom(?MODULE:id([a, b])) end,
          fun() -> binary_to_list(?MODULE:id(abc)) end,
          fun() -> abs(?MODULE:id(a)) end,
          fun() -> integer_to_list(?MODULE:id(1.5)) end,
          fun() -> list_to_tuple(?MODULE:id(notalist)) end,
          fun() -> binary_to_term(?MODULE:id(<<1, 2, 3>>)) end,
          fun() -> byte_size(?MODULE:id([1])) end,
          fun() -> ?MODULE:id([1 | 2]) ++ [3] end,
          fun() -> ?MODULE:id(a) -- [1] end,
          fun() -> <<(?MODULE:id(abc)):8>> end,
          fun() -> <<(?MODULE:id(<<1:4>>))/binary>> end,
          fun() -> list_to_binary(?MODULE:id([256])) end,
          fun() -> erlang:make_tuple(?MODULE:id(-1), a) end,
          fun() -> lists:reverse(?MODULE:id(x), []) end,
          fun() -> ?MODULE:id(1) bsl ?MODULE:id(a) end,
          fun() -> apply(?MODULE:id(lists), ?MODULE:id("reverse"), [[]]) end,
          fun() -> binary_part(?MODULE:id(<<1, 2>>), 1, 5) end],
    lists:foreach(fun(F) -> erlang:display(c(F)) end, Fs),
    ok.
