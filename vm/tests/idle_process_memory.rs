//! An idle process costs a few hundred bytes: spawn one that waits in `receive`, and
//! read its memory through `process_info/2` in the VM.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::process::Command;

#[test]
fn an_idle_process_costs_a_few_hundred_bytes() {
    let dir = tempfile::tempdir().unwrap();
    let src = dir.path().join("idle_mem.erl");
    std::fs::write(
        &src,
        "-module(idle_mem).\n-export([start/0]).\n\
         start() ->\n\
             Ps = [spawn(fun() -> receive stop -> ok end end) || _ <- lists:seq(1, 1000)],\n\
             receive after 50 -> ok end,\n\
             Sizes = [element(2, process_info(P, memory)) || P <- Ps],\n\
             erlang:display(lists:max(Sizes)).\n",
    )
    .unwrap();
    let status = Command::new("erlc")
        .arg("-o")
        .arg(dir.path())
        .arg(&src)
        .status()
        .expect("erlc must be installed");
    assert!(status.success());
    let out = Command::new(env!("CARGO_BIN_EXE_atomvm"))
        .arg(dir.path().join("idle_mem.beam"))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let bytes: usize = String::from_utf8_lossy(&out.stdout).trim().parse().unwrap();
    assert!(bytes < 1024, "an idle process takes {bytes} bytes");
    println!("idle process: {bytes} bytes");
}
