%% The host VM's code server, registered as `code_server` as on a BEAM node: it
%% answers the requests OTP's `code` module sends (`code_server:call/1`'s protocol:
%% `{code_call, Pid, Request}`, answered `{code_server, Reply}`) from what the VM
%% knows — the OTP root, the code path, the modules loaded and where they came from.
%% Loading goes through the VM's own loader (`code:ensure_loaded/1`); what the VM does
%% not do (purging, sticky directories, archives) is answered as a node where nothing
%% is sticky and nothing needs purging.
-module(atomvm_host_code).
-export([start/0]).

start() ->
    register(code_server, self()),
    loop().

loop() ->
    receive
        {code_call, Pid, Request} ->
            Reply = try handle(Request) catch Class:Reason -> {error, {Class, Reason}} end,
            Pid ! {code_server, Reply},
            loop();
        _Other ->
            loop()
    end.

handle({dir, root_dir}) -> root();
handle({dir, lib_dir}) -> root() ++ "/lib";
handle({dir, compiler_dir}) -> lib_dir(compiler);
handle({dir, {lib_dir, App}}) -> lib_dir(App);
handle({dir, {lib_dir, App, SubDir}}) ->
    in_lib_dir(App, atom_to_list(SubDir));
handle({dir, {priv_dir, App}}) -> in_lib_dir(App, "priv");
handle(get_path) -> atomvm_host:code_path();
handle({add_path, Where, Dir}) -> add_path(Where, Dir);
%% OTP 26+ add whether to cache the directory's listing.
handle({add_path, Where, Dir, _Cache}) -> add_path(Where, Dir);
handle({add_paths, Where, Dirs}) ->
    [add_path(Where, Dir) || Dir <- Dirs],
    ok;
handle({add_paths, Where, Dirs, _Cache}) -> handle({add_paths, Where, Dirs});
handle({is_loaded, Mod}) -> code:is_loaded(Mod);
handle(all_loaded) ->
    [{M, F} || M <- erlang:loaded(), {file, F} <- [code:is_loaded(M)]];
handle({ensure_loaded, Mod}) -> code:ensure_loaded(Mod);
handle({load_file, Mod}) ->
    case code:ensure_loaded(Mod) of
        {module, Mod} -> {module, Mod};
        {error, _} -> {error, nofile}
    end;
handle({is_sticky, _Mod}) -> false;
handle({stick_dir, _Dir}) -> ok;
handle({unstick_dir, _Dir}) -> ok;
handle({stick_mod, _Mod}) -> true;
handle({unstick_mod, _Mod}) -> true;
handle({purge, _Mod}) -> false;
handle({soft_purge, _Mod}) -> true;
handle({delete, _Mod}) -> false;
handle({get_object_code, _Mod}) -> error;
handle(get_mode) -> interactive;
handle(Request) -> {error, {not_supported_by_this_vm, Request}}.

root() ->
    case atomvm_host:otp_root() of
        undefined -> "/usr/lib/erlang";
        Root -> Root
    end.

%% APP's directory: the parent of a code path directory `.../APP[-VSN]/ebin`, as the
%% BEAM finds it; `{error, bad_name}` when none is.
lib_dir(App) when is_atom(App) -> lib_dir(atom_to_list(App));
lib_dir(App) when is_list(App) ->
    Found = [Dir || Ebin <- atomvm_host:code_path(),
                    filename:basename(Ebin) =:= "ebin",
                    Dir <- [filename:dirname(Ebin)],
                    app_name(filename:basename(Dir)) =:= App],
    case Found of
        [Dir | _] -> Dir;
        [] -> {error, bad_name}
    end;
lib_dir(_) -> {error, bad_name}.

in_lib_dir(App, Sub) ->
    case lib_dir(App) of
        {error, _} = Error -> Error;
        Dir -> filename:join(Dir, Sub)
    end.

%% `stdlib-4.2` → `stdlib`; `elixir` → `elixir`.
app_name(Base) ->
    case string:split(Base, "-", trailing) of
        [Name, Vsn] ->
            case lists:all(fun(C) -> (C >= $0 andalso C =< $9) orelse C =:= $. end, Vsn) of
                true -> Name;
                false -> Base
            end;
        _ -> Base
    end.

add_path(Where, Dir) ->
    atomvm_host:add_code_path(Where, filename:absname(Dir)).
