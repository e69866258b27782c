-module(io_float_short_large).

%% float_to_list/2 and ~p at and past 2^53, where the BEAM switches to scientific notation.
-export([start/0]).
start() -> [io:format("~s ~p ~s~n",[float_to_list(F,[short]), F, float_to_binary(F, [short])]) || F <- [9007199254740992.0, 9007199254740991.0, 9007199254740994.0, -9007199254740992.0, 9007199254740990.0, 1234567890123456.0, 12345678901234567.0, 1.0e15, 1.0e16, 4503599627370496.0, 8.0e15, 9.0e15, 9.1e15]].
