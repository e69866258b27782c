-module(otp_persistent_term).
-export([start/0, id/1]).

%% persistent_term: put/get, get/2 with a default, get of a missing key
%% (badarg), overwriting, keys of any type, erase (true then false), get/0
%% filtered to this program's keys, info/0 count difference, visibility from
%% other processes, and large values (a binary and a deep term).
start() ->
    #{count := C0} = persistent_term:info(),
    ok = persistent_term:put({?MODULE, a}, 1),
    ok = persistent_term:put({?MODULE, b}, [x, y, z]),
    ok = persistent_term:put({?MODULE, "string key"}, #{map => value}),
    ok = persistent_term:put({?MODULE, 3.5}, {tuple, <<"bin">>}),
    io:format("get a: ~p~n", [persistent_term:get({?MODULE, a})]),
    io:format("get b: ~p~n", [persistent_term:get({?MODULE, b})]),
    io:format("get string key: ~p~n", [persistent_term:get({?MODULE, "string key"})]),
    io:format("get float key: ~p~n", [persistent_term:get({?MODULE, 3.5})]),
    io:format("get default present: ~p~n", [persistent_term:get({?MODULE, a}, default)]),
    io:format("get default missing: ~p~n", [persistent_term:get({?MODULE, missing}, default)]),
    io:format("get missing: ~p~n",
              [try persistent_term:get({?MODULE, missing}) catch error:badarg -> badarg end]),
    #{count := C1} = persistent_term:info(),
    io:format("count grew by: ~p~n", [C1 - C0]),
    ok = persistent_term:put({?MODULE, a}, 2),
    io:format("overwritten: ~p~n", [persistent_term:get({?MODULE, a})]),
    ok = persistent_term:put({?MODULE, a}, 2),
    io:format("same value again: ~p~n", [persistent_term:get({?MODULE, a})]),
    #{count := C2} = persistent_term:info(),
    io:format("count after overwrite: ~p~n", [C2 - C0]),
    Mine = lists:sort([{K, V} || {{M, K}, V} <- persistent_term:get(), M =:= ?MODULE]),
    io:format("own keys: ~p~n", [Mine]),
    Self = self(),
    spawn(fun() -> Self ! {seen, persistent_term:get({?MODULE, b})} end),
    receive {seen, Seen} -> io:format("seen from other process: ~p~n", [Seen]) end,
    io:format("erase: ~p~n", [persistent_term:erase({?MODULE, b})]),
    io:format("erase again: ~p~n", [persistent_term:erase({?MODULE, b})]),
    io:format("after erase: ~p~n", [persistent_term:get({?MODULE, b}, gone)]),
    Big = binary:copy(<<"0123456789">>, 1000),
    ok = persistent_term:put({?MODULE, big}, Big),
    Got = persistent_term:get({?MODULE, big}),
    io:format("big binary: ~p ~p~n", [byte_size(Got), Got =:= Big]),
    Deep = lists:foldl(fun(I, Acc) -> {I, Acc} end, leaf, lists:seq(1, 200)),
    ok = persistent_term:put({?MODULE, deep}, Deep),
    io:format("deep term equal: ~p~n", [persistent_term:get({?MODULE, deep}) =:= Deep]),
    io:format("deep term top: ~p~n", [element(1, persistent_term:get({?MODULE, deep}))]),
    Key = ?MODULE:id({?MODULE, dynamic}),
    ok = persistent_term:put(Key, fun lists:reverse/1),
    F = persistent_term:get({?MODULE, dynamic}),
    io:format("stored external fun: ~p ~p~n", [F, F([1, 2, 3])]),
    [persistent_term:erase({?MODULE, K}) || {K, _} <- Mine],
    [persistent_term:erase({?MODULE, K}) || K <- [big, deep, dynamic]],
    #{count := C3} = persistent_term:info(),
    io:format("count after cleanup: ~p~n", [C3 - C0]),
    io:format("own keys left: ~p~n",
              [[K || {{M, K}, _} <- persistent_term:get(), M =:= ?MODULE]]),
    ok.

id(X) -> X.
