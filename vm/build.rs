//! Compiles the VM's own Erlang modules (`erlang/*.erl`) with `erlc` into OUT_DIR,
//! where `include_bytes!` embeds them. A build script reports problems by panicking.
#![allow(clippy::expect_used, clippy::panic)]

use std::path::PathBuf;
use std::process::Command;

fn main() {
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    println!("cargo:rerun-if-changed=erlang");
    for entry in std::fs::read_dir("erlang").expect("vm/erlang exists") {
        let path = entry.expect("readable directory").path();
        if path.extension().is_some_and(|e| e == "erl") {
            println!("cargo:rerun-if-changed={}", path.display());
            let status = Command::new("erlc")
                .arg("-o")
                .arg(&out)
                .arg(&path)
                .status()
                .unwrap_or_else(|e| {
                    panic!("erlc is needed to build the VM (install Erlang/OTP): {e}")
                });
            assert!(status.success(), "erlc failed on {}", path.display());
        }
    }
}
