-module(display_strings).
-export([start/0]).

%% What erlang:display/1 prints for lists of character codes (it shows some of them
%% as strings; the rules differ from io_lib's).
start() ->
    lists:foreach(fun erlang:display/1,
                  ["hello", "", "a", "Hello, World!", "with space", "quote\"inside", "single'q",
                   "back\\slash", "new\nline", "tab\tchar", [$a, 0], [0], [1, 2, 3], [7], [8],
                   [27], [31], [32], [126], [127], [$a, 127], [128], [159], [160], [255], [256],
                   [$a, 256], [1000], "12345", [$a | "bc"], "multi\nline\nstring", [$\r, $\n],
                   [$\e], [$\f], [$\v], [$\b], [$a, $\b]]),
    erlang:display({"in", ["a", "tuple"]}),
    erlang:display(length("hello")),
    erlang:display("abc" ++ "def"),
    erlang:display(lists:reverse("stressed")),
    erlang:display(string:to_upper("shout")),
    erlang:display([C + 1 || C <- "HAL"]),
    ok.
