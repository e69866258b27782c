%% The host VM's boot process: what `init` and the kernel application do on a BEAM
%% node, reduced to what AtomVM applications use. It registers as `init`, starts
%% OTP's own application controller (for the application environment) and logger
%% server (so crash and error reports print in OTP's default format, on standard
%% error), loads the application environment the VM was given, and then stays
%% alive, as init does, so that what it linked to keeps running.
-module(atomvm_host_boot).
-export([start/1, log/2]).

-define(DEFAULT_HANDLER_FILTERS,
        [{remote_gl, {fun logger_filters:remote_gl/2, stop}},
         {domain, {fun logger_filters:domain/2, {log, super, [otp, sasl]}}},
         {no_domain, {fun logger_filters:domain/2, {log, undefined, []}}}]).

%% AppEnv: term_to_binary([{App, [{Key, Value}]}]), or <<>>.
start(AppEnv) ->
    register(init, self()),
    process_flag(trap_exit, true),
    Kernel = {application, kernel,
              [{description, "ERTS CXC 138 10"}, {vsn, "host"}, {modules, []},
               {registered, []}, {applications, []}, {env, []}]},
    case application_controller:start(Kernel) of
        {ok, _} -> load_env(AppEnv);
        Error -> report("application controller", Error)
    end,
    try
        start_logger()
    catch
        C:R -> report("logger", {C, R})
    end,
    loop().

load_env(<<>>) ->
    ok;
load_env(Bin) ->
    [application:set_env(App, Key, Value, [{persistent, true}])
     || {App, Env} <- binary_to_term(Bin), {Key, Value} <- Env],
    ok.

start_logger() ->
    {ok, _} = gen_server:start({local, logger}, logger_server, [], []),
    _ = logger:remove_handler(simple),
    ok = logger:add_handler(default, ?MODULE,
                            #{filter_default => stop,
                              filters => ?DEFAULT_HANDLER_FILTERS,
                              formatter => {logger_formatter,
                                            #{legacy_header => true,
                                              single_line => false}}}).

%% The handler: format as OTP's default handler does, write to standard error.
log(Event, #{formatter := {Formatter, Config}}) ->
    atomvm_host:put_stderr(Formatter:format(Event, Config)).

report(What, Error) ->
    atomvm_host:put_stderr(io_lib:format("atomvm: ~s not started: ~p~n", [What, Error])).

loop() ->
    receive
        {'EXIT', _, _} -> loop();
        {From, Ref, stop} -> From ! {Ref, ok};
        _ -> loop()
    end.
