%% The host VM's code server, registered as `code_server` as on a BEAM node: it
%% answers the requests OTP's `code` module sends (`code_server:call/1`'s protocol:
%% `{code_call, Pid, Request}`, answered `{code_server, Reply}`) from what the VM
%% knows — the OTP root, the code path, the modules loaded and where they came from.
%% Loading goes through the VM's own loader (`code:ensure_loaded/1`); what the VM does
%% not do (purging, archives) is answered as a node where nothing needs purging.
%% Sticky modules are kept as the BEAM's code server keeps them, as `{{sticky, Mod},
%% true}` in the protected table named `code_server` (OTP 26+ callers read it
%% directly): the modules of the kernel, stdlib and compiler directories from the
%% start (erl's default, no -nostick), the preloaded ones (erts's directory), and what
%% stick_dir/stick_mod add; a module counts as sticky once it is loaded.
-module(atomvm_host_code).
-export([start/0]).

start() ->
    register(code_server, self()),
    ets:new(code_server, [named_table, protected]),
    [stick_dir(filename:join(Dir, "ebin"), fun ets:insert/2)
     || App <- [erts, compiler, stdlib, kernel], Dir <- [lib_dir(App)], is_list(Dir)],
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
handle({is_sticky, Mod}) ->
    erlang:module_loaded(Mod) andalso ets:member(code_server, {sticky, Mod});
handle({stick_dir, Dir}) -> stick_dir(Dir, fun ets:insert/2);
handle({unstick_dir, Dir}) -> stick_dir(Dir, fun unstick/2);
handle({stick_mod, Mod}) -> ets:insert(code_server, {{sticky, Mod}, true});
handle({unstick_mod, Mod}) -> unstick(code_server, {{sticky, Mod}, true});
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

%% Marks (or unmarks) the modules of the .beam files in Dir: ok, or error when the
%% directory cannot be listed.
stick_dir(Dir, Update) ->
    case erl_prim_loader:list_dir(Dir) of
        {ok, Files} ->
            _ = [Update(code_server, {{sticky, list_to_atom(filename:basename(F, ".beam"))}, true})
                 || F <- Files, filename:extension(F) =:= ".beam"],
            ok;
        _ ->
            error
    end.

unstick(Table, {Key, _}) -> ets:delete(Table, Key).

add_path(Where, Dir) ->
    atomvm_host:add_code_path(Where, filename:absname(Dir)).
