//! The VM and the real BEAM talk to each other over loopback TCP: `erl` serves and
//! the VM connects, then the VM serves and `erl` connects (two clients each time,
//! 100 `{packet, 4}` frames each, up to 3.7 kB). Programs: `tests/net/`.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::io::{BufRead, BufReader, Read};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

fn compile(out: &Path) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/net");
    let status = Command::new("erlc")
        .arg("-o")
        .arg(out)
        .arg(dir.join("cross_echo_server.erl"))
        .arg(dir.join("cross_echo_client.erl"))
        .status()
        .expect("erlc must be installed for this test");
    assert!(status.success());
}

/// `module:start()` under the VM (`vm`) or `erl`, in `dir`, with `env`.
fn start(vm: bool, module: &str, dir: &Path, env: &[(&str, String)]) -> Child {
    let mut c = if vm {
        let mut c = Command::new(env!("CARGO_BIN_EXE_atomvm"));
        c.arg("--path")
            .arg(dir)
            .arg(dir.join(format!("{module}.beam")));
        c
    } else {
        let mut c = Command::new("erl");
        c.args(["-noshell", "-pa"])
            .arg(dir)
            .args(["-eval", &format!("{module}:start(), halt().")]);
        c
    };
    c.current_dir(dir)
        .envs(env.iter().map(|(k, v)| (*k, v.as_str())))
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    c.spawn().unwrap()
}

/// Waits up to `limit` for `child`; kills it if it takes longer.
fn finish(mut child: Child, limit: Duration) -> String {
    let deadline = Instant::now() + limit;
    loop {
        if child.try_wait().unwrap().is_some() {
            break;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            panic!("timed out");
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    let mut out = String::new();
    child
        .stdout
        .take()
        .unwrap()
        .read_to_string(&mut out)
        .unwrap();
    out
}

fn cross(server_vm: bool) {
    let dir = tempfile::tempdir().unwrap();
    compile(dir.path());
    let clients = 2;
    let mut server = start(
        server_vm,
        "cross_echo_server",
        dir.path(),
        &[("CROSS_CLIENTS", clients.to_string())],
    );
    let mut lines = BufReader::new(server.stdout.take().unwrap()).lines();
    let first = lines.next().expect("the server prints its port").unwrap();
    let port = first.strip_prefix("port ").expect("port N").to_owned();
    let mut outputs = Vec::new();
    for _ in 0..clients {
        let client = start(
            !server_vm,
            "cross_echo_client",
            dir.path(),
            &[("CROSS_PORT", port.clone())],
        );
        outputs.push(finish(client, Duration::from_secs(60)));
    }
    let rest: Vec<String> = lines.map(|l| l.unwrap()).collect();
    let _ = server.wait();
    for out in outputs {
        assert_eq!(out, "100 of 100 echoes intact\n");
    }
    assert_eq!(rest, ["served 200 frames"]);
}

#[test]
fn the_vm_calls_an_erl_server() {
    cross(false);
}

#[test]
fn erl_calls_a_server_in_the_vm() {
    cross(true);
}
