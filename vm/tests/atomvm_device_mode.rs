//! Device mode (`--device-release`, `--device-natives`, `--device-lib`): the VM as
//! AtomVM's Unix build runs a program — no OTP boot, the return value on stderr and
//! status 0 only for `ok`, only AtomVM's natives resolve natively, and a missing
//! function is named with the release.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::{Duration, Instant};

fn compile(dir: &Path, module: &str, body: &str) -> PathBuf {
    let src = dir.join(format!("{module}.erl"));
    std::fs::write(
        &src,
        format!("-module({module}).\n-export([start/0]).\n{body}\n"),
    )
    .unwrap();
    let status = Command::new("erlc")
        .arg("-o")
        .arg(dir)
        .arg(&src)
        .status()
        .expect("erlc must be installed for this test");
    assert!(status.success());
    dir.join(format!("{module}.beam"))
}

fn run(args: &[&std::ffi::OsStr]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_atomvm"))
        .args(args)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let start = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if start.elapsed() > Duration::from_secs(30) {
            let _ = child.kill();
            panic!("timed out");
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    child.wait_with_output().unwrap()
}

fn facts() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../priv/atomvm_api/v0.6.6.txt")
}

#[test]
fn the_run_ends_as_atomvms_unix_build_ends_it() {
    let dir = tempfile::tempdir().unwrap();
    let answer = compile(dir.path(), "answer", "start() -> 6 * 7.");
    let out = run(&[
        "--device-release".as_ref(),
        "v0.6.6".as_ref(),
        answer.as_os_str(),
    ]);
    assert_eq!(String::from_utf8_lossy(&out.stderr), "Return value: 42\n");
    assert_eq!(out.status.code(), Some(1));

    let fine = compile(
        dir.path(),
        "fine",
        "start() -> true = erlang:garbage_collect(), 8 = erlang:system_info(avm_floatsize), ok.",
    );
    let out = run(&[
        "--device-release".as_ref(),
        "v0.6.6".as_ref(),
        fine.as_os_str(),
    ]);
    assert_eq!(String::from_utf8_lossy(&out.stderr), "Return value: ok\n");
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn missing_functions_are_named_with_the_release() {
    let dir = tempfile::tempdir().unwrap();
    let sorts = compile(
        dir.path(),
        "sorts",
        "start() -> lists:keysort(1, [{2, b}, {1, a}]).",
    );
    let args = |beam: &Path| {
        vec![
            "--device-release".into(),
            "v0.6.6".into(),
            "--device-natives".into(),
            facts().into_os_string(),
            beam.as_os_str().to_owned(),
        ]
    };
    let a = args(&sorts);
    let out = run(&a.iter().map(|s| s.as_os_str()).collect::<Vec<_>>());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.starts_with("atomvm: lists:keysort/2 is not in AtomVM v0.6.6\n"),
        "{stderr}"
    );
    assert!(stderr.contains("undef"), "{stderr}");
    assert_eq!(out.status.code(), Some(1));

    // atomvm:posix_clock_settime/2 is one of AtomVM's natives; this VM does not have
    // it (yet: it would set the host's clock).
    let size = compile(
        dir.path(),
        "size",
        "start() -> atomvm:posix_clock_settime(realtime, {0, 0}).",
    );
    let a = args(&size);
    let out = run(&a.iter().map(|s| s.as_os_str()).collect::<Vec<_>>());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.starts_with(
            "atomvm: atomvm:posix_clock_settime/2 is native in AtomVM v0.6.6, but not in this VM yet\n"
        ),
        "{stderr}"
    );

    // maps:next/1 is native there too, on AtomVM's iterators ([Position | Map]).
    let next = compile(
        dir.path(),
        "next",
        "start() -> {a, 1, I} = maps:next([0 | #{a => 1, b => 2}]), {b, 2, J} = maps:next(I), \
         none = maps:next(J), none = maps:next(none), ok.",
    );
    let a = args(&next);
    let out = run(&a.iter().map(|s| s.as_os_str()).collect::<Vec<_>>());
    assert_eq!(String::from_utf8_lossy(&out.stderr), "Return value: ok\n");
}

#[test]
fn base64_is_native_as_on_the_device() {
    let dir = tempfile::tempdir().unwrap();
    let facts = Path::new(env!("CARGO_MANIFEST_DIR")).join("../priv/atomvm_api/v0.7.0-alpha.1.txt");
    let b64 = compile(
        dir.path(),
        "b64",
        "start() -> <<\"SGVsbG8=\">> = base64:encode(<<\"Hello\">>), \
         \"Hi\" = base64:decode_to_string(\"SGk=\"), \
         <<\"SGk\">> = base64:encode(<<\"Hi\">>, #{padding => false}), \
         <<\"__79\">> = base64:encode(<<255, 254, 253>>, #{mode => urlsafe}), \
         {'EXIT', {badarg, _}} = catch base64:decode(<<\"@@@\">>), \
         {'EXIT', {badarg, _}} = catch base64:decode(<<\"SGVsbG8\">>), \
         <<\"Hello\">> = base64:decode(<<\"SGVsbG8\">>, #{padding => false}), \
         <<\"Hello\">> = base64:decode(<<\"SGVsbG8=\">>, #{padding => false}), ok.",
    );
    let out = run(&[
        "--device-release".as_ref(),
        "v0.7.0-alpha.1".as_ref(),
        "--device-natives".as_ref(),
        facts.as_os_str(),
        b64.as_os_str(),
    ]);
    assert_eq!(String::from_utf8_lossy(&out.stderr), "Return value: ok\n");
}

/// `erts_debug:flat_size/1` counts words as AtomVM's 64-bit build stores the term
/// (AtomVM's memory_estimate_usage), not as the BEAM does: `{}` is one word, a map of n
/// keys 3 + 2n, a fun 3 + its free variables, a binary under 64 bytes 2 + ⌈n/8⌉, a larger
/// one or a literal one 6, and a part of 16 bytes or more of such a binary 4 + 6 (the
/// figures AtomVM v0.6.6's Unix build prints for the same program).
#[test]
fn flat_size_follows_atomvms_layout() {
    let dir = tempfile::tempdir().unwrap();
    let beam = compile(
        dir.path(),
        "sizes",
        "start() ->\n\
         N = length(atom_to_list(node())),\n\
         Bin = << <<X, X>> || <<X>> <= <<\"abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxy\">> >>,\n\
         <<_:8, Part:20/binary, _/binary>> = Bin,\n\
         <<_:8, Small:10/binary, _/binary>> = Bin,\n\
         [erts_debug:flat_size(T) || T <- [{}, {a, b}, [1, 2], 1.5, #{}, #{a => 1, b => 2},\n\
           fun() -> N end, fun lists:map/2, <<\"abcde\">>, Bin, Part, Small]].",
    );
    let out = run(&[
        "--device-release".as_ref(),
        "v0.6.6".as_ref(),
        "--device-natives".as_ref(),
        facts().as_os_str(),
        beam.as_os_str(),
    ]);
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "Return value: [1,3,4,2,3,7,4,4,6,6,10,4]\n"
    );
}

/// AtomVM's socket NIFs (`socket:open/3`, `nif_select_read/2`, `nif_accept/1`, ...) on
/// the host's sockets, in device mode: `tests/device/atomvm_socket_nifs.erl` prints
/// what AtomVM v0.6.6's Unix build prints for it (measured there).
#[test]
fn atomvm_socket_nifs_answer_as_atomvm() {
    let dir = tempfile::tempdir().unwrap();
    let src = dir.path().join("atomvm_socket_nifs.erl");
    std::fs::write(&src, include_str!("device/atomvm_socket_nifs.erl")).unwrap();
    let status = Command::new("erlc")
        .arg("-o")
        .arg(dir.path())
        .arg(&src)
        .status()
        .expect("erlc must be installed for this test");
    assert!(status.success());
    let beam = dir.path().join("atomvm_socket_nifs.beam");
    let out = run(&[
        "--device-release".as_ref(),
        "v0.6.6".as_ref(),
        "--device-natives".as_ref(),
        facts().as_os_str(),
        beam.as_os_str(),
    ]);
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "{true,<<\"echo:hello\">>,{[{udp,dgram},{tcp,stream},{udp,dgram},{tcp,stream}],{error,eainoname}},true,{error,closed},<<\"dgram\">>,2,closed_with_ref,{error,closed},raised_badarg,true}\n",
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(String::from_utf8_lossy(&out.stderr), "Return value: ok\n");
}

/// The natives AtomVM adds for time and for code at run time, with AtomVM v0.6.6's
/// results (`nifs.c`): `erlang:localtime/1` in a POSIX `TZ`,
/// `calendar:system_time_to_universal_time/2`, `code:load_abs/1` (`error` for a module
/// loaded already, `out_of_memory` raised for a file it cannot load) and
/// `atomvm:add_avm_pack_file/2` (`{error, cannot_open | invalid_avm}`), `code:load_binary/3`,
/// `atomvm:add_avm_pack_binary/2` and `close_avm_pack/2` (`error` for a name no pack has).
#[test]
fn time_and_code_loading_natives_answer_as_atomvm() {
    let dir = tempfile::tempdir().unwrap();
    let other = compile(dir.path(), "other", "start() -> from_file.");
    let packed_src = dir.path().join("packed");
    std::fs::create_dir(&packed_src).unwrap();
    let packed = compile(&packed_src, "packed", "start() -> from_pack.");
    let packed_bytes = std::fs::read(&packed).unwrap();
    let archive = avm_format::pack::pack(
        &[avm_format::pack::ModuleInput {
            source: "packed.beam",
            bytes: &packed_bytes,
            start: false,
        }],
        &[],
        avm_format::beam::StripOptions::default(),
    )
    .unwrap();
    let avm = dir.path().join("extra.avm");
    std::fs::write(&avm, &archive.bytes).unwrap();
    let literal = |bytes: &[u8]| {
        let items: Vec<String> = bytes.iter().map(u8::to_string).collect();
        format!("<<{}>>", items.join(","))
    };
    let third = std::fs::read(compile(&packed_src, "third", "start() -> from_binary.")).unwrap();
    let base = other.with_extension("");
    let body = r#"start() ->
    Shifted = shifted(),
    Loaded = code:load_abs("BASE"),
    Again = code:load_abs("BASE"),
    Missing = try code:load_abs("BASE_none") catch error:R -> R end,
    NoPack = atomvm:add_avm_pack_file("DIR/none.avm", []),
    NotPack = atomvm:add_avm_pack_file("BASE.beam", []),
    Pack = atomvm:add_avm_pack_file("AVM", [{name, extra}]),
    BadName = try atomvm:add_avm_pack_file("AVM", [{name, "extra"}]) catch error:B -> B end,
    Binary = code:load_binary(third, "third.beam", THIRD),
    BinaryAgain = code:load_binary(third, "third.beam", THIRD),
    Named = atomvm:add_avm_pack_binary(PACK, [{name, later}]),
    Closed = atomvm:close_avm_pack(later, []),
    ClosedAgain = atomvm:close_avm_pack(later, []),
    NotPackBinary = try atomvm:add_avm_pack_binary(<<"no">>, []) catch error:P -> P end,
    {calendar:system_time_to_universal_time(1700000000123, millisecond),
     calendar:system_time_to_universal_time(-1500, millisecond),
     try calendar:system_time_to_universal_time(1, nanosecond) catch error:N -> N end,
     Shifted, Loaded, other:start(), Again, Missing, NoPack, NotPack, Pack, packed:start(), BadName,
     {Binary, third:start(), BinaryAgain, Named, Closed, ClosedAgain, NotPackBinary}}.

shifted() ->
    U = erlang:universaltime(),
    L = erlang:localtime("XYZ-2"),
    UTC = erlang:localtime("UTC"),
    case erlang:universaltime() of
        U -> {{_, {H, _, _}}, {_, {LH, _, _}}} = {U, L}, {(H + 2) rem 24 =:= LH, UTC =:= U};
        _ -> shifted()
    end."#
        .replace("BASE", &base.display().to_string())
        .replace("DIR", &dir.path().display().to_string())
        .replace("AVM", &avm.display().to_string())
        .replace("THIRD", &literal(&third))
        .replace("PACK", &literal(&archive.bytes));
    let main = compile(dir.path(), "natives", &body);
    let out = run(&[
        "--device-release".as_ref(),
        "v0.6.6".as_ref(),
        "--device-natives".as_ref(),
        facts().as_os_str(),
        main.as_os_str(),
    ]);
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "Return value: {{{2023,11,14},{22,13,20}},{{1969,12,31},{23,59,59}},badarg,{true,true},\
         {module,other},from_file,error,out_of_memory,{error,cannot_open},{error,invalid_avm},\
         ok,from_pack,badarg,{{module,third},from_binary,error,ok,ok,error,badarg}}\n"
    );
}

/// AtomVM's built-in drivers, which are processes on AtomVM: `open_port({spawn,
/// "echo"}, [])` gives a pid of which `is_pid/1` and `is_port/1` are both true, echoes
/// what it gets and answers `close` with `{Port, closed}`; `monitor(port, Port)` gets a
/// `'DOWN'` that says `port`; `console` prints `{puts, Text}` and answers `port:call/2`'s
/// protocol; a driver AtomVM's Unix build does not have is `badarg` (AtomVM v0.6.6's
/// `nifs.c` and `tests/erlang_tests/test_echo_driver.erl`).
#[test]
fn atomvms_drivers_are_processes() {
    let dir = tempfile::tempdir().unwrap();
    let body = r#"start() ->
    Echo = open_port({spawn, "echo"}, []),
    Kinds = {is_pid(Echo), is_port(Echo), is_port(self())},
    Echo ! {self(), hello},
    Echoed = receive M -> M after 1000 -> timeout end,
    Ref = monitor(port, Echo),
    Echo ! {self(), close},
    Closed = receive {Echo, C} -> C after 1000 -> timeout end,
    Down = receive {'DOWN', Ref, Kind, Echo, Reason} -> {Kind, Reason} after 1000 -> timeout end,
    Console = open_port({spawn, <<"console">>}, []),
    CRef = make_ref(),
    Console ! {'$call', {self(), CRef}, {puts, "printed\n"}},
    Puts = receive {CRef, P} -> P after 1000 -> timeout end,
    Console ! {'$call', {self(), CRef}, {nonsense}},
    Bad = receive {CRef, B} -> B after 1000 -> timeout end,
    Missing = try open_port({spawn, "no_such_driver"}, []) catch error:E -> E end,
    {Kinds, Echoed, Closed, Down, Puts, Bad, Missing}."#;
    let main = compile(dir.path(), "drivers", body);
    let out = run(&[
        "--device-release".as_ref(),
        "v0.6.6".as_ref(),
        "--device-natives".as_ref(),
        facts().as_os_str(),
        main.as_os_str(),
    ]);
    assert_eq!(String::from_utf8_lossy(&out.stdout), "printed\n");
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "Return value: {{true,true,false},hello,closed,{port,normal},ok,{error,badarg},badarg}\n"
    );
}
