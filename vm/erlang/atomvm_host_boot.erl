%% The host VM's boot process: what `init` and the kernel application do on a BEAM
%% node, reduced to what AtomVM applications use. It registers as `init`, starts
%% OTP's own application controller (for the application environment) and logger
%% server (so crash and error reports print in OTP's default format, on standard
%% error), loads the application environment the VM was given, and then stays
%% alive, as init does, so that what it linked to keeps running.
-module(atomvm_host_boot).
-export([start/1, log/2, init/1, run/1]).

-define(DEFAULT_HANDLER_FILTERS,
        [{remote_gl, {fun logger_filters:remote_gl/2, stop}},
         {domain, {fun logger_filters:domain/2, {log, super, [otp, sasl]}}},
         {no_domain, {fun logger_filters:domain/2, {log, undefined, []}}},
         %% Elixir's Logger macros log with domain [elixir].
         {elixir, {fun logger_filters:domain/2, {log, super, [elixir]}}}]).

%% AppEnv: term_to_binary([{App, [{Key, Value}]}]), or <<>>.
start(AppEnv) ->
    register(init, self()),
    process_flag(trap_exit, true),
    %% What erl_init starts before init: the code purger (OTP's own module).
    _ = spawn(erts_code_purger, start, []),
    case application_controller:start(spec(kernel)) of
        {ok, _} ->
            %% The standard applications count as started (their code is
            %% there), without running their start callbacks.
            [begin
                 _ = application:load(spec(App)),
                 _ = application:start(App)
             end || App <- [kernel, stdlib, compiler, elixir]],
            load_env(AppEnv);
        Error ->
            report("application controller", Error)
    end,
    try
        start_logger()
    catch
        C:R -> report("logger", {C, R})
    end,
    %% What init does for the compiler's feature flags (OTP 25+).
    _ = (catch erl_features:keywords()),
    start_io(),
    %% kernel_sup, where services such as the timer server start on demand.
    case supervisor:start_link({local, kernel_sup}, ?MODULE, kernel_sup) of
        {ok, _} -> ok;
        SupError -> report("kernel_sup", SupError)
    end,
    [start_child(Id, Start, Type) || {Id, Start, Type} <- kernel_services()],
    _ = (catch erl_signal_handler:start()),
    loop().

%% The services kernel_sup starts on a BEAM node that is not distributed, as the
%% kernel application's supervisor lists them: file_server_2 (what `file` calls),
%% inet_db (host names, the resolver's settings), rex (rpc), global_name_server and
%% global_group, erl_signal_server (OS signals, a gen_event), kernel_refc and
%% kernel_safe_sup (for services that start later).
kernel_services() ->
    [{file_server_2, {file_server, start_link, []}, worker},
     {inet_db, {inet_db, start_link, []}, worker},
     {rex, {rpc, start_link, []}, worker},
     {global_name_server, {global, start_link, []}, worker},
     {global_group, {global_group, start_link, []}, worker},
     {erl_signal_server, {gen_event, start_link, [{local, erl_signal_server}]}, worker},
     {kernel_refc, {kernel_refc, start_link, []}, worker},
     {kernel_safe_sup,
      {supervisor, start_link, [{local, kernel_safe_sup}, ?MODULE, kernel_safe_sup]},
      supervisor}].

%% What erl_init does for the socket NIF (prim_socket:on_load/0, less the socket
%% registry), the kernel setting that puts gen_tcp and gen_udp on the socket
%% module (the VM has sockets, not inet_drv ports), and os:cmd's shell.
start_io() ->
    try
        ok = prim_socket:init(),
        persistent_term:put({kernel, inet_backend}, socket)
    catch
        C:R -> report("socket", {C, R})
    end,
    %% What the kernel application's start does for os:cmd/1 (OTP 27+).
    _ = (catch os:internal_init_cmd_shell()),
    ok.

%% A kernel service, as kernel_sup starts it.
start_child(Id, Start, Type) ->
    case supervisor:start_child(kernel_sup, #{id => Id, start => Start, type => Type}) of
        {ok, _} -> ok;
        Error -> report(atom_to_list(Id), Error)
    end.

%% The program's first process: runs Mod:start(). An exception ends the VM with
%% status 1 after a report on standard error, formatted as `elixir` does for an
%% Elixir start module (`** (RuntimeError) boom` and the stack), else as erl does.
run(Mod) ->
    try
        Mod:start()
    catch
        Class:Reason:Stack0 ->
            Stack = [Frame || Frame <- Stack0, element(1, Frame) =/= ?MODULE],
            atomvm_host:put_stderr(crash_text(Mod, Class, Reason, Stack)),
            erlang:halt(1)
    end.

crash_text(Mod, Class, Reason, Stack) ->
    Header = io_lib:format("atomvm: ~ts:start/0 raised an exception~n", [printable(Mod)]),
    Body = try
               case atom_to_list(Mod) of
                   "Elixir." ++ _ -> 'Elixir.Exception':format(Class, Reason, Stack);
                   _ -> ["** ", erl_error:format_exception(Class, Reason, Stack)]
               end
           catch
               _:_ -> io_lib:format("** ~p:~p~n~p", [Class, Reason, Stack])
           end,
    [Header, Body, "\n"].

printable(Mod) ->
    case atom_to_list(Mod) of
        "Elixir." ++ Name -> Name;
        Name -> Name
    end.

%% kernel_sup's supervisor callback: no children until a service asks.
init(kernel_sup) ->
    {ok, {#{strategy => one_for_one, intensity => 10, period => 1}, []}};
init(kernel_safe_sup) ->
    {ok, {#{strategy => one_for_one, intensity => 4, period => 3600}, []}}.

%% An application's resource file (`APP.app`) without its `mod` callback, or a
%% minimal one when the file cannot be found or read.
spec(App) ->
    Minimal = [{description, atom_to_list(App)}, {vsn, "host"}, {modules, []},
               {registered, []}, {applications, []}],
    Opts = try
               Bin = atomvm_host:app_file(App),
               {ok, Tokens, _} = erl_scan:string(binary_to_list(Bin)),
               {ok, {application, App, Found}} = erl_parse:parse_term(Tokens),
               lists:keydelete(mod, 1, Found)
           catch
               _:_ -> Minimal
           end,
    {application, App, Opts}.

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
