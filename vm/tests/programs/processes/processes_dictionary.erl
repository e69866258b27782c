-module(processes_dictionary).
-export([start/0]).

%% The process dictionary: put/get/erase/get_keys, values are per-process.
start() ->
    erlang:display(put(counter, 1)),
    erlang:display(put(counter, 2)),
    erlang:display(get(counter)),
    erlang:display(get(missing)),
    put({complex, key}, [1, 2, 3]),
    put(<<"bin">>, #{m => 1}),
    erlang:display(get({complex, key})),
    erlang:display(lists:sort(get_keys())),
    erlang:display(get_keys(2)),
    erlang:display(erase(counter)),
    erlang:display(erase(counter)),
    [put(I, I * I) || I <- lists:seq(1, 10)],
    erlang:display(lists:sum([get(I) || I <- lists:seq(1, 10)])),
    Self = self(),
    spawn(fun() ->
                  put(counter, child_value),
                  Self ! {child, get(counter), get({complex, key})}
          end),
    receive {child, V, Other} -> erlang:display({child_sees, V, Other}) end,
    erlang:display({parent_sees, get(counter)}),
    erlang:display(lists:sort([{K, V2} || {K, V2} <- get(), is_integer(K), K > 8])),
    _ = erase(),
    erlang:display(get()),
    ok.
