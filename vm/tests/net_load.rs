//! The load test: `tests/net/net_load.erl` (1,000 concurrent loopback connections ×
//! 100 round trips, two rounds, memory measured by the OS after each) prints the
//! same under the VM as under `erl`: every reply arrives, and the second round
//! leaves the resident memory where the first left it. Its own test because it
//! takes longer than the differential harness allows a program (20 s). It needs the
//! release build of the VM (a debug build is too slow for the program's own
//! timeouts), so a debug `cargo test` lists it as ignored and `scripts/test` runs it
//! with `cargo test --release --test net_load` on every release.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const EXPECTED: &str = "round 1: 100000 replies\nround 2: 100000 replies\nmemory flat: true\n";

fn run(mut c: Command, limit: Duration) -> String {
    let mut child = c
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut stdout = child.stdout.take().unwrap();
    let reader = std::thread::spawn(move || {
        let mut s = String::new();
        std::io::Read::read_to_string(&mut stdout, &mut s).unwrap();
        s
    });
    let start = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if start.elapsed() > limit {
            let _ = child.kill();
            let _ = child.wait();
            panic!("timed out after {limit:?}");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    reader.join().unwrap()
}

#[test]
#[cfg_attr(
    debug_assertions,
    ignore = "needs the release build: cargo test --release --test net_load"
)]
fn a_thousand_connections_lose_nothing_and_memory_stays_flat() {
    let dir = tempfile::tempdir().unwrap();
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/net/net_load.erl");
    let status = Command::new("erlc")
        .arg("-o")
        .arg(dir.path())
        .arg(&src)
        .status()
        .expect("erlc must be installed for this test");
    assert!(status.success());
    let mut erl = Command::new("erl");
    erl.current_dir(dir.path())
        .args(["-noshell", "-pa"])
        .arg(dir.path())
        .args(["-eval", "net_load:start(), halt()."]);
    assert_eq!(
        run(erl, Duration::from_secs(120)),
        EXPECTED,
        "the reference run"
    );
    let mut vm = Command::new(env!("CARGO_BIN_EXE_atomvm"));
    vm.current_dir(dir.path())
        .arg("--path")
        .arg(dir.path())
        .arg(dir.path().join("net_load.beam"));
    assert_eq!(run(vm, Duration::from_secs(240)), EXPECTED);
}
