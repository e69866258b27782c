%% The client half of the cross test: connects to CROSS_PORT, sends 100 frames of
%% growing size ({packet, 4}), checks each echo, prints a summary.
-module(cross_echo_client).
-export([start/0]).

start() ->
    Port = list_to_integer(os:getenv("CROSS_PORT")),
    {ok, S} = gen_tcp:connect({127,0,0,1}, Port, [binary, {packet, 4}, {active, false}], 5000),
    Ok = length([I || I <- lists:seq(1, 100),
                      begin
                          Frame = binary:copy(<<I>>, I * 37),
                          ok = gen_tcp:send(S, Frame),
                          {ok, Frame} =:= gen_tcp:recv(S, 0, 5000)
                      end]),
    ok = gen_tcp:close(S),
    io:format("~p of 100 echoes intact~n", [Ok]).
