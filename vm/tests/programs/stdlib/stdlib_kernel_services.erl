-module(stdlib_kernel_services).
-export([start/0]).

%% The services a BEAM node that is not distributed has registered (kernel's
%% supervisor and erl_init start them), and answers from each: the boot loader, the
%% code purger, rex (rpc on the local node), global names, the signal server, sticky
%% modules, node monitoring.
start() ->
    Services = [application_controller, code_server, erl_prim_loader, erl_signal_server,
                erts_code_purger, file_server_2, global_group, global_name_server,
                inet_db, init, kernel_refc, kernel_safe_sup, kernel_sup, logger, rex,
                standard_error, user],
    erlang:display([S || S <- Services, not is_pid(whereis(S))]),
    %% One name per process: the boot loader's and the code server's are two.
    erlang:display(whereis(erl_prim_loader) =/= whereis(code_server)),
    {ok, Cwd} = file:get_cwd(),
    erlang:display(erl_prim_loader:get_cwd() =:= {ok, Cwd}),
    {ok, Info} = erl_prim_loader:read_file_info(code:which(lists)),
    erlang:display(element(1, Info)),
    erlang:display(erl_prim_loader:read_file_info("/no/such/file")),
    erlang:display(rpc:call(node(), erlang, abs, [-3])),
    erlang:display(rpc:call(node(), lists, no_such_function, [])),
    erlang:display(erpc:call(node(), fun() -> 6 * 7 end)),
    erlang:display(global:register_name(stdlib_kernel_services, self())),
    erlang:display(global:whereis_name(stdlib_kernel_services) =:= self()),
    erlang:display(global:register_name(stdlib_kernel_services, spawn(fun() -> ok end))),
    erlang:display(lists:member(stdlib_kernel_services, global:registered_names())),
    erlang:display(global:unregister_name(stdlib_kernel_services)),
    erlang:display(global:whereis_name(stdlib_kernel_services)),
    %% (OTP 26+ add the terminal's handler, which this VM's I/O does not have.)
    erlang:display(lists:member(erl_signal_handler, gen_event:which_handlers(erl_signal_server))),
    erlang:display([code:is_sticky(M) || M <- [lists, gen_server, compile, ?MODULE, no_such_module]]),
    erlang:display(code:unstick_mod(lists)),
    erlang:display(code:is_sticky(lists)),
    erlang:display(code:stick_mod(lists)),
    erlang:display(code:is_sticky(lists)),
    erlang:display(code:stick_dir("/no/such/directory")),
    erlang:display(net_kernel:monitor_nodes(true)),
    erlang:display(net_kernel:monitor_nodes(false)),
    erlang:display(try net_kernel:monitor_nodes(maybe_not) catch C:R -> {C, R} end),
    erlang:display(nodes(visible, #{connection_id => true})),
    erlang:display(try register(stdlib_kernel_services_2, whereis(rex))
                   catch error:Reason:Stack -> {Reason, [I || {erlang, register, _, I} <- Stack]}
                   end),
    ok.
