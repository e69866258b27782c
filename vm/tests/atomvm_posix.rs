//! AtomVM's `atomvm:posix_*` and `atomvm:subprocess/4` (device APIs of AtomVM's Unix
//! build, which `erl` does not have): `tests/atomvm/posix_api.erl` prints each
//! result, and the output must be `posix_api.expected`, written from AtomVM's
//! documented contract (`libs/eavmlib/src/atomvm.erl`: `{ok, N}` from writes, `eof`,
//! `{error, Posix}`, `badarg` for negative counts and offsets, `{select, Fd, Ref,
//! ready_input | ready_output}` once per `posix_select_*` call).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

#[test]
fn posix_functions_behave_as_atomvm_documents() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/atomvm");
    let dir = tempfile::tempdir().unwrap();
    let status = Command::new("erlc")
        .arg("-o")
        .arg(dir.path())
        .arg(src.join("posix_api.erl"))
        .status()
        .expect("erlc must be installed for this test");
    assert!(status.success());
    let mut child = Command::new(env!("CARGO_BIN_EXE_atomvm"))
        .current_dir(dir.path())
        .arg(dir.path().join("posix_api.beam"))
        .stdout(std::process::Stdio::piped())
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
    let out = child.wait_with_output().unwrap();
    let expected = std::fs::read_to_string(src.join("posix_api.expected")).unwrap();
    assert_eq!(String::from_utf8_lossy(&out.stdout), expected);
    assert!(out.status.success());
}
