//! Behaviour that changed between OTP releases follows `--otp`: from OTP 27,
//! `0.0 =:= -0.0` is false (before, true — which is what this machine's OTP 25 says).
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::process::Command;

fn run(dir: &std::path::Path, otp: &str) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_atomvm"))
        .args(["--otp", otp])
        .arg(dir.join("zeros.beam"))
        .output()
        .unwrap();
    assert!(out.status.success());
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn signed_zero_equality_follows_the_emulated_release() {
    let dir = tempfile::tempdir().unwrap();
    let src = dir.path().join("zeros.erl");
    std::fs::write(
        &src,
        "-module(zeros).\n-export([start/0, id/1]).\nid(X) -> X.\n\
         start() -> A = zeros:id(0.0), B = zeros:id(-0.0), erlang:display({A =:= B, A == B}).\n",
    )
    .unwrap();
    assert!(Command::new("erlc")
        .arg("-o")
        .arg(dir.path())
        .arg(&src)
        .status()
        .expect("erlc")
        .success());
    assert_eq!(run(dir.path(), "25"), "{true,true}\r\n");
    assert_eq!(run(dir.path(), "27"), "{false,true}\r\n");
}
