%% The host VM's boot loader process, registered as `erl_prim_loader` as on a BEAM
%% node: it answers the requests OTP's `erl_prim_loader` module sends (`{Pid, Req}`,
%% answered `{self(), Reply}`). The VM loads modules itself and serves get_file/1 and
%% list_dir/1 natively; this process gives the rest from the host's file system, as
%% the BEAM's `efile` loader does.
-module(atomvm_host_prim_loader).
-export([start/0]).

start() ->
    register(erl_prim_loader, self()),
    %% OTP 26+ read the loader's kind here and then use prim_file in the caller, as
    %% the BEAM's efile loader with no primary archive sets it.
    persistent_term:put(erl_prim_loader, {efile, undefined}),
    loop().

loop() ->
    receive
        {Pid, Request} when is_pid(Pid) ->
            Reply = try handle(Request) catch _:_ -> error end,
            Pid ! {self(), Reply},
            loop();
        _Other ->
            loop()
    end.

handle({get_path, []}) -> {ok, atomvm_host:code_path()};
handle({set_path, _Paths}) -> ok;
handle({get_file, File}) -> erl_prim_loader:get_file(File);
handle({list_dir, Dir}) -> erl_prim_loader:list_dir(Dir);
handle({read_file_info, File}) -> info(prim_file:read_file_info(File));
handle({read_link_info, File}) -> info(prim_file:read_link_info(File));
handle({get_cwd, []}) -> info(prim_file:get_cwd());
handle({get_cwd, [Drive]}) -> info(prim_file:get_cwd(Drive));
handle(_Request) -> error.

info({ok, Info}) -> {ok, Info};
info(_) -> error.
