//! Differential tests: every program under `tests/programs/` is compiled (`.erl` with
//! `erlc`, `.ex` with `elixirc`), run under the real BEAM (`erl` or `elixir`) and under
//! `atomvm`, and stdout and exit status must match.
//!
//! Programs listed in `tests/known_failures.txt` are expected to fail (the VM does not
//! support them yet); the test fails when any other program differs, and also when a
//! listed program starts passing, so the list can only shrink.
//!
//! A program that needs a newer release says so in a comment line of its own,
//! The reference run must exit with status 0 (1 for the programs of `uncaught/` and
//! those named `*uncaught*`): a
//! program that crashes early under `erl` fails, whatever the VM prints.
//! `ATOMVM_PROGRAMS=name,name cargo test --test differential` runs only those.
//!
//! Standard error is compared where its format is part of the contract: the report of
//! an exception that ends `start/0` (the uncaught programs). The reference prints it
//! as the VM's boot does — `atomvm: M:start/0 raised an exception`, then
//! `erl_error:format_exception/3` of the class, reason and the program's part of the
//! stack trace — so both must raise the same exception from the same frames. Elsewhere
//! standard error carries notes and logger reports (times, pids) and is not compared.
//!
//! `%% min_otp: 29` (Erlang) or `# min_otp: 29` (Elixir): on older releases it is not
//! compiled (it could not be) and counts as skipped. `max_otp: N` likewise keeps a
//! program to releases up to N, for behaviour that changed in OTP's own libraries
//! (the program says why).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

#[path = "support/map_order.rs"]
mod map_order;
#[path = "support/summary.rs"]
mod summary;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::Mutex;
use std::time::Duration;

/// What one run printed and how it ended.
#[derive(Debug, PartialEq, Eq)]
struct Outcome {
    /// Raw bytes: BEAM writes latin-1 under `-noshell`, which is not always UTF-8.
    stdout: Vec<u8>,
    /// Standard error, compared for the uncaught programs only.
    stderr: Vec<u8>,
    status: i32,
}

/// Kills a run that takes longer than this (a hung VM must not hang the test).
const TIMEOUT: Duration = Duration::from_secs(20);

/// One test program: its main module and whether it is Elixir.
#[derive(Debug, Clone)]
struct Program {
    /// The name the differential report and `known_failures.txt` use (file stem).
    name: String,
    /// The module whose `start/0` runs (`Elixir.ExFoo` for `ex_foo.ex`).
    module: String,
    elixir: bool,
    /// The exit status the reference run must have: 1 for the programs of
    /// `uncaught/` and those named `*uncaught*` (their start/0 raises), else 0. A reference run that ends
    /// otherwise crashed early and proves nothing: the program fails.
    expected_status: i32,
}

impl Program {
    fn of(path: &Path) -> Program {
        let name = path.file_stem().unwrap().to_string_lossy().into_owned();
        let elixir = path.extension().is_some_and(|e| e == "ex");
        let module = if elixir {
            let camel: String = name
                .split('_')
                .map(|w| {
                    let mut c = w.chars();
                    c.next()
                        .map(|f| f.to_uppercase().chain(c).collect::<String>())
                        .unwrap_or_default()
                })
                .collect();
            format!("Elixir.{camel}")
        } else {
            name.clone()
        };
        // Programs whose start/0 raises: those of `uncaught/`, and Elixir's
        // `ex_exceptions_uncaught_*`.
        let uncaught = name.contains("uncaught")
            || path
                .parent()
                .and_then(|d| d.file_name())
                .is_some_and(|d| d == "uncaught");
        Program {
            name,
            module,
            elixir,
            expected_status: if uncaught { 1 } else { 0 },
        }
    }
}

/// A release bound of a program (its `min_otp:` or `max_otp:` comment), if it says.
fn otp_bound(path: &Path, key: &str) -> Option<u32> {
    let text = std::fs::read_to_string(path).ok()?;
    text.lines().find_map(|l| {
        let rest = l.trim_start_matches(['%', '#', ' ']);
        rest.strip_prefix(key)?.trim().parse().ok()
    })
}

/// Whether a program runs on `release`.
fn runs_on(path: &Path, release: u32) -> bool {
    otp_bound(path, "min_otp:").is_none_or(|min| min <= release)
        && otp_bound(path, "max_otp:").is_none_or(|max| release <= max)
}

fn programs() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/programs");
    let mut out = Vec::new();
    let mut dirs = vec![root];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "erl" || e == "ex") {
                out.push(path);
            }
        }
    }
    out.sort();
    out
}

fn run_with_timeout(mut command: Command) -> Outcome {
    let mut child = command
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    let read_all = |pipe: Box<dyn std::io::Read + Send>| {
        std::thread::spawn(move || {
            let mut bytes = Vec::new();
            use std::io::Read;
            let _ = std::io::BufReader::new(pipe).read_to_end(&mut bytes);
            bytes
        })
    };
    let reader = read_all(Box::new(child.stdout.take().unwrap()));
    let err_reader = read_all(Box::new(child.stderr.take().unwrap()));
    let start = std::time::Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status.code().unwrap_or(-1);
        }
        if start.elapsed() > TIMEOUT {
            let _ = child.kill();
            let _ = child.wait();
            break -2;
        }
        std::thread::sleep(Duration::from_millis(5));
    };
    Outcome {
        stdout: reader.join().unwrap(),
        stderr: err_reader.join().unwrap(),
        status,
    }
}

fn reference(program: &Program, dir: &Path) -> Outcome {
    if program.elixir {
        // As run_elixir.sh: logger silenced (its reports carry times and pids).
        let main = program.module.trim_start_matches("Elixir.");
        let mut command = Command::new("elixir");
        command
            .current_dir(dir)
            .env("ERL_CRASH_DUMP_SECONDS", "0")
            .arg("-pa")
            .arg(dir)
            .arg("-e")
            .arg(format!(
                ":logger.set_primary_config(:level, :none)\n\
                 try do\n  {main}.start()\n\
                 catch\n  kind, reason ->\n\
                     stack = Enum.take_while(__STACKTRACE__, fn f -> elem(f, 0) not in [:erl_eval, :elixir, :elixir_eval, Code, :init] and elem(f, 3)[:file] != ~c\"nofile\" end)\n\
                     IO.write(:stderr, [\"atomvm: {main}:start/0 raised an exception\\n\", Exception.format(kind, reason, stack), \"\\n\"])\n\
                     System.halt(1)\n\
                 end"
            ));
        return run_with_timeout(command);
    }
    let module = &program.module;
    // The exception's report as the VM's boot writes it: the frames of this -eval
    // (erl_eval's and init's, below the program's) are not the program's.
    let eval = format!(
        "try {module}:start() of _ -> halt(0) catch C:R:S -> \
         Cut = lists:takewhile(fun(F) -> not lists:member(element(1, F), [erl_eval, init]) end, S), \
         io:put_chars(standard_error, [io_lib:format(\"atomvm: ~ts:start/0 raised an exception~n\", [{module}]), \
         \"** \", erl_error:format_exception(C, R, Cut), \"\\n\"]), halt(1) end."
    );
    let mut command = Command::new("erl");
    command
        .current_dir(dir)
        .env("ERL_CRASH_DUMP_SECONDS", "0")
        .args(["-noshell", "-kernel", "logger_level", "none", "-pa"])
        .arg(dir)
        .args(["-eval", &eval]);
    run_with_timeout(command)
}

fn ours(program: &Program, dir: &Path) -> Outcome {
    let mut command = Command::new(env!("CARGO_BIN_EXE_atomvm"));
    command
        .current_dir(dir)
        .arg("--path")
        .arg(dir)
        .arg(dir.join(format!("{}.beam", program.module)));
    run_with_timeout(command)
}

/// The OTP release of the reference `erl` (`"25"`, `"27"`, ...).
fn reference_release() -> u32 {
    let out = Command::new("erl")
        .args([
            "-noshell",
            "-eval",
            "io:format(\"~s\", [erlang:system_info(otp_release)]), halt().",
        ])
        .output()
        .expect("erl must be installed for this test");
    String::from_utf8_lossy(&out.stdout)
        .trim()
        .parse()
        .expect("erl prints its OTP release")
}

/// Whether the two runs agree: same status and same output, where from OTP 26 the
/// key order of printed maps does not count (see `support/map_order.rs`; the only
/// difference the harness forgives).
fn agree(release: u32, expected: &Outcome, actual: &Outcome) -> bool {
    if expected.status != actual.status {
        return false;
    }
    if release >= 26 {
        map_order::normalise(&expected.stdout) == map_order::normalise(&actual.stdout)
    } else {
        expected.stdout == actual.stdout
    }
}

fn known_failures() -> BTreeSet<String> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/known_failures.txt");
    std::fs::read_to_string(path)
        .unwrap_or_default()
        .lines()
        .map(|l| l.split('#').next().unwrap_or("").trim().to_owned())
        .filter(|l| !l.is_empty())
        .collect()
}

#[test]
fn programs_behave_as_under_erl() {
    let release = reference_release();
    // `ATOMVM_PROGRAMS=name,name` runs only those programs (file stems).
    let only: Option<Vec<String>> = std::env::var("ATOMVM_PROGRAMS")
        .ok()
        .map(|v| v.split(',').map(|s| s.trim().to_owned()).collect());
    let chosen = |p: &PathBuf| {
        only.as_ref().is_none_or(|names| {
            let stem = p.file_stem().unwrap_or_default().to_string_lossy();
            names.iter().any(|n| *n == stem)
        })
    };
    let (programs, skipped): (Vec<PathBuf>, Vec<PathBuf>) = programs()
        .into_iter()
        .filter(chosen)
        .partition(|p| runs_on(p, release));
    assert!(!programs.is_empty(), "no programs under tests/programs");
    let out = tempfile::tempdir().unwrap();
    let (ex, erl): (Vec<&PathBuf>, Vec<&PathBuf>) = programs
        .iter()
        .partition(|p| p.extension().is_some_and(|e| e == "ex"));
    let status = Command::new("erlc")
        .arg("-o")
        .arg(out.path())
        .args(&erl)
        .status()
        .expect("erlc must be installed (apt-get install erlang-nox) for this test");
    assert!(status.success(), "erlc failed");
    if !ex.is_empty() {
        let status = Command::new("elixirc")
            .arg("--warnings-as-errors")
            .arg("-o")
            .arg(out.path())
            .args(&ex)
            .stdout(Stdio::null())
            .status()
            .expect("elixirc must be installed (apt-get install elixir) for this test");
        assert!(status.success(), "elixirc failed");
    }
    let programs: Vec<Program> = programs.iter().map(|p| Program::of(p)).collect();
    let modules: Vec<String> = programs.iter().map(|p| p.name.clone()).collect();
    let failures = Mutex::new(Vec::new());
    let next = Mutex::new(0usize);
    std::thread::scope(|scope| {
        for _ in 0..2 {
            scope.spawn(|| loop {
                let i = {
                    let mut n = next.lock().unwrap();
                    let i = *n;
                    *n += 1;
                    i
                };
                let Some(program) = programs.get(i) else {
                    break;
                };
                let expected = reference(program, out.path());
                let actual = ours(program, out.path());
                let stderr_agrees =
                    program.expected_status == 0 || expected.stderr == actual.stderr;
                if expected.status != program.expected_status
                    || !agree(release, &expected, &actual)
                    || !stderr_agrees
                {
                    failures
                        .lock()
                        .unwrap()
                        .push((program.name.clone(), expected, actual));
                }
            });
        }
    });
    let failures = failures.into_inner().unwrap();
    let failed: BTreeSet<String> = failures.iter().map(|f| f.0.clone()).collect();
    let known = known_failures();
    let unexpected: Vec<_> = failures.iter().filter(|f| !known.contains(&f.0)).collect();
    let fixed: Vec<&String> = known
        .iter()
        .filter(|k| modules.contains(k) && !failed.contains(*k))
        .collect();
    let passed = modules.len() - failed.len();
    let summary = format!(
        "differential (OTP {release}): {passed} passed, {} failed ({} known), {} skipped (not for this release)",
        failed.len(),
        failed.len() - unexpected.len(),
        skipped.len()
    );
    summary::report(&summary);
    for (module, expected, actual) in &unexpected {
        println!(
            "--- {module}: reference status {} (must be {}), ours {}\n--- expected stdout:\n{}\n--- actual stdout:\n{}\n--- expected stderr (uncaught programs):\n{}\n--- actual stderr:\n{}",
            expected.status,
            programs
                .iter()
                .find(|p| p.name == *module)
                .map_or(0, |p| p.expected_status),
            actual.status,
            String::from_utf8_lossy(&expected.stdout),
            String::from_utf8_lossy(&actual.stdout),
            String::from_utf8_lossy(&expected.stderr),
            String::from_utf8_lossy(&actual.stderr)
        );
    }
    if let Ok(path) = std::env::var("ATOMVM_WRITE_KNOWN_FAILURES") {
        std::fs::write(
            path,
            failed.iter().map(|m| format!("{m}\n")).collect::<String>(),
        )
        .unwrap();
    }
    assert!(
        unexpected.is_empty(),
        "{} programs differ from erl and are not in known_failures.txt",
        unexpected.len()
    );
    assert!(
        fixed.is_empty(),
        "now passing, remove from known_failures.txt: {fixed:?}"
    );
}
