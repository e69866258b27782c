//! An idle process costs a few hundred bytes: spawn one that waits in `receive`, and
//! read its memory through `process_info/2` in the VM.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::process::Command;

/// Compiles `source` (module `name`) with `erlc`, runs it under `atomvm`, asserts it
/// exits 0 and returns its standard output.
fn run_program(name: &str, source: &str) -> String {
    let dir = tempfile::tempdir().unwrap();
    let src = dir.path().join(format!("{name}.erl"));
    std::fs::write(&src, source).unwrap();
    let status = Command::new("erlc")
        .arg("-o")
        .arg(dir.path())
        .arg(&src)
        .status()
        .expect("erlc must be installed");
    assert!(status.success());
    let out = Command::new(env!("CARGO_BIN_EXE_atomvm"))
        .arg(dir.path().join(format!("{name}.beam")))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn an_idle_process_costs_a_few_hundred_bytes() {
    let stdout = run_program(
        "idle_mem",
        "-module(idle_mem).\n-export([start/0]).\n\
         start() ->\n\
             Ps = [spawn(fun() -> receive stop -> ok end end) || _ <- lists:seq(1, 1000)],\n\
             receive after 50 -> ok end,\n\
             Sizes = [element(2, process_info(P, memory)) || P <- Ps],\n\
             erlang:display(lists:max(Sizes)).\n",
    );
    let bytes: usize = stdout.trim().parse().unwrap();
    assert!(bytes < 1024, "an idle process takes {bytes} bytes");
    println!("idle process: {bytes} bytes");
}

/// A process that keeps allocating and dropping data keeps a flat footprint: its
/// memory after 200,000 iterations is about what it is after 2,000.
#[test]
fn a_long_running_allocating_process_keeps_a_flat_footprint() {
    let text = run_program(
        "churn",
        "-module(churn).\n-export([start/0]).\n\
         start() ->\n\
             loop(2000), A = element(2, process_info(self(), memory)),\n\
             loop(200000), B = element(2, process_info(self(), memory)),\n\
             erlang:display({A, B}).\n\
         loop(0) -> ok;\n\
         loop(N) -> _ = lists:seq(1, 50), _ = #{N => [N, {N}]}, _ = <<N:64>>, loop(N - 1).\n",
    );
    let numbers: Vec<usize> = text
        .trim()
        .trim_matches(|c| c == '{' || c == '}')
        .split(',')
        .map(|n| n.parse().unwrap())
        .collect();
    let (early, late) = (numbers[0], numbers[1]);
    println!("memory after 2k iterations: {early} bytes, after 200k: {late} bytes");
    assert!(
        late <= early * 2 + 4096,
        "memory grew from {early} to {late} bytes"
    );
}
