%% AtomVM's atomvm:posix_* and atomvm:subprocess/4 on the host VM, as AtomVM's Unix
%% build documents them (libs/eavmlib/src/atomvm.erl). Each check prints its name
%% and the result; tests/atomvm_posix.rs compares the whole output.
-module(posix_api).
-export([start/0]).

start() ->
    Dir = "posix_api.tmp",
    _ = atomvm:posix_unlink(Dir ++ "/f"),
    _ = atomvm:posix_unlink(Dir ++ "/g"),
    _ = atomvm:posix_unlink(Dir ++ "/fifo"),
    _ = atomvm:posix_rmdir(Dir),
    p(mkdir, atomvm:posix_mkdir(Dir, 8#755)),
    p(mkdir_again, atomvm:posix_mkdir(Dir, 8#755)),
    F = Dir ++ "/f",
    {ok, W} = atomvm:posix_open(F, [o_wronly, o_creat, o_trunc], 8#644),
    p(write, atomvm:posix_write(W, <<"abcdef">>)),
    p(close, atomvm:posix_close(W)),
    {ok, R} = atomvm:posix_open(F, [o_rdwr]),
    p(read, atomvm:posix_read(R, 4)),
    p(read_rest, atomvm:posix_read(R, 100)),
    p(read_eof, atomvm:posix_read(R, 100)),
    p(seek, atomvm:posix_seek(R, -2, seek_end)),
    p(read_after_seek, atomvm:posix_read(R, 100)),
    p(pwrite, atomvm:posix_pwrite(R, <<"XY">>, 1)),
    p(pread, atomvm:posix_pread(R, 3, 0)),
    p(pread_past_end, atomvm:posix_pread(R, 3, 100)),
    p(ftruncate, atomvm:posix_ftruncate(R, 3)),
    {ok, #{st_size := Size, st_mode := Mode}} = atomvm:posix_fstat(R),
    p(fstat, {Size, Mode band 8#777}),
    p(fsync, atomvm:posix_fsync(R)),
    p(bad_count, try atomvm:posix_read(R, -1) catch error:badarg -> badarg end),
    p(close, atomvm:posix_close(R)),
    p(rename, atomvm:posix_rename(F, Dir ++ "/g")),
    {ok, #{st_size := Size2}} = atomvm:posix_stat(Dir ++ "/g"),
    p(stat, Size2),
    p(stat_missing, atomvm:posix_stat(F)),
    p(open_missing, atomvm:posix_open(F, [o_rdonly])),
    p(exclusive, atomvm:posix_open(Dir ++ "/g", [o_wronly, o_creat, o_excl], 8#644)),
    %% A FIFO: select says when it can be written and read.
    Fifo = Dir ++ "/fifo",
    p(mkfifo, atomvm:posix_mkfifo(Fifo, 8#644)),
    {ok, In} = atomvm:posix_open(Fifo, [o_rdonly]),
    {ok, Out} = atomvm:posix_open(Fifo, [o_wronly]),
    p(empty_fifo, atomvm:posix_read(In, 10)),
    RefIn = make_ref(),
    ok = atomvm:posix_select_read(In, self(), RefIn),
    p(nothing_to_read_yet, receive {select, In, RefIn, _} -> early after 100 -> waiting end),
    RefOut = make_ref(),
    ok = atomvm:posix_select_write(Out, self(), RefOut),
    p(writable, receive {select, Out, RefOut, What} -> What after 1000 -> timeout end),
    p(fifo_write, atomvm:posix_write(Out, <<"ping">>)),
    p(readable, receive {select, In, RefIn, What2} -> What2 after 1000 -> timeout end),
    p(fifo_read, atomvm:posix_read(In, 10)),
    ok = atomvm:posix_select_read(In, self(), RefIn),
    ok = atomvm:posix_select_stop(In),
    {ok, 4} = atomvm:posix_write(Out, <<"pong">>),
    p(stopped, receive {select, In, RefIn, _} -> message after 100 -> none end),
    ok = atomvm:posix_select_read(In, self(), RefIn),
    p(still_readable, receive {select, In, RefIn, What3} -> What3 after 1000 -> timeout end),
    p(fifo_read, atomvm:posix_read(In, 10)),
    ok = atomvm:posix_close(Out),
    p(writer_closed, atomvm:posix_read(In, 10)),
    ok = atomvm:posix_close(In),
    %% Directories.
    {ok, D} = atomvm:posix_opendir(Dir),
    p(readdir, lists:sort(entries(D, []))),
    p(closedir, atomvm:posix_closedir(D)),
    p(opendir_missing, atomvm:posix_opendir(Dir ++ "/none")),
    %% Subprocesses: their standard output as a descriptor.
    {ok, OsPid, Echo} = atomvm:subprocess("/bin/sh", ["sh", "-c", "echo $GREETING"],
                                          ["GREETING=hello"], [stdout]),
    p(subprocess_pid, is_integer(OsPid) andalso OsPid > 0),
    p(subprocess_output, read_all(Echo, <<>>)),
    ok = atomvm:posix_close(Echo),
    p(subprocess_missing, atomvm:subprocess("/no/such/program", ["x"], undefined, [stdout])),
    p(rmdir_not_empty, atomvm:posix_rmdir(Dir)),
    [ok = atomvm:posix_unlink(Dir ++ N) || N <- ["/g", "/fifo"]],
    p(rmdir, atomvm:posix_rmdir(Dir)),
    ok.

entries(D, Acc) ->
    case atomvm:posix_readdir(D) of
        {ok, {dirent, Ino, Name}} when is_integer(Ino) -> entries(D, [Name | Acc]);
        eof -> Acc
    end.

read_all(Fd, Acc) ->
    case atomvm:posix_read(Fd, 100) of
        {ok, B} -> read_all(Fd, <<Acc/binary, B/binary>>);
        eof -> Acc
    end.

p(What, Result) -> io:format("~p: ~p~n", [What, Result]).
