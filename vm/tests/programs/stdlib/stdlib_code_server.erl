-module(stdlib_code_server).
-export([start/0]).

%% The code server: registered as on a BEAM node, and what OTP's code module asks it
%% (directories of the installation and of applications, the code path, where loaded
%% modules came from); the installation's paths differ between machines, so their
%% shapes are shown.
start() ->
    erlang:display(is_pid(whereis(code_server))),
    Root = code:root_dir(),
    erlang:display(filelib:is_dir(Root)),
    erlang:display(code:lib_dir() =:= filename:join(Root, "lib")),
    Kernel = code:lib_dir(kernel),
    erlang:display(lists:prefix("kernel-", filename:basename(Kernel))),
    erlang:display(code:priv_dir(kernel) =:= filename:join(Kernel, "priv")),
    erlang:display(code:lib_dir(stdlib, ebin) =:= filename:dirname(code:which(lists))),
    erlang:display(filename:basename(code:which(lists))),
    {file, ListsFile} = code:is_loaded(lists),
    erlang:display(ListsFile =:= code:which(lists)),
    erlang:display(filename:basename(code:which(?MODULE))),
    erlang:display(code:is_loaded(stdlib_code_server_missing)),
    erlang:display(code:which(stdlib_code_server_missing)),
    erlang:display(code:priv_dir(no_such_application)),
    erlang:display(code:lib_dir(no_such_application)),
    Path = code:get_path(),
    erlang:display(lists:member(filename:dirname(code:which(lists)), Path)),
    erlang:display(lists:keymember(lists, 1, code:all_loaded())),
    erlang:display(code:ensure_loaded(queue)),
    erlang:display(code:load_file(stdlib_code_server_missing)),
    erlang:display(code:add_patha("/no/such/directory")),
    ok.
