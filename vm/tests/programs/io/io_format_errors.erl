-module(io_format_errors).
-export([start/0, fmt/2]).

%% Bad format calls raise badarg; printed as {Class, Reason}. The format strings
%% are passed through an exported function so the compiler cannot check them.
fmt(F, A) -> io_lib:format(F, A).

start() ->
    Cases = [{"~p", []}, {"~p ~p", [one]}, {"~d", [1]}, {"~s", [1]}, {"~s", [[1 | 2]]},
             {"~B", [1.5]}, {"~f", [1]}, {"~c", [a]}, {"~p", not_a_list}, {"~", [x]},
             {"~z", [x]}, {"~.1e", [1.0]}, {"~p~n", [ok]}],
    lists:foreach(
      fun({F, A}) ->
              R = try lists:flatten(?MODULE:fmt(F, A)) catch C:E -> {C, E} end,
              io:format("~p -> ~p~n", [F, R])
      end, Cases),
    ok.
