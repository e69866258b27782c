//! Every module of the installed OTP `erts`, `stdlib`, `kernel` and `compiler` and of
//! Elixir's `elixir`, `logger`, `eex`, `ex_unit` and `mix` loads, with no generic
//! instruction translated to `Unsupported`: whatever release's compiler produced them
//! (the release matrix runs this on each).
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "support/summary.rs"]
mod summary;

use atomvm_host::atom::AtomTable;
use atomvm_host::heap::Heap;
use atomvm_host::loader;
use atomvm_host::module::Instr;
use atomvm_host::term::Area;
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::process::Command;

/// The OTP installation the `erl` on `PATH` belongs to.
fn otp_root() -> PathBuf {
    let out = Command::new("erl")
        .args([
            "-noshell",
            "-eval",
            "io:format(\"~s\", [code:root_dir()]), halt().",
        ])
        .output()
        .expect("`erl` must be installed for this test");
    PathBuf::from(String::from_utf8(out.stdout).unwrap())
}

fn lib_dirs() -> Vec<PathBuf> {
    let out = Command::new("erl")
        .args([
            "-noshell",
            "-eval",
            "[io:format(\"~s~n\", [code:lib_dir(A)]) || A <- [erts, stdlib, kernel, compiler]], halt().",
        ])
        .output()
        .expect("`erl` must be installed for this test");
    let mut dirs: Vec<PathBuf> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| PathBuf::from(l).join("ebin"))
        .collect();
    let ex = Command::new("elixir")
        .args([
            "-e",
            "for a <- [:elixir, :logger, :eex, :ex_unit, :mix], do: IO.puts(:code.lib_dir(a))",
        ])
        .output()
        .expect("elixir");
    dirs.extend(
        String::from_utf8(ex.stdout)
            .unwrap()
            .lines()
            .map(|l| PathBuf::from(l.trim()).join("ebin")),
    );
    assert_eq!(dirs.len(), 9, "library directories: {dirs:?}");
    dirs
}

#[test]
fn otp_and_elixir_modules_load_without_unsupported_instructions() {
    let mut unsupported: BTreeMap<&'static str, Vec<String>> = BTreeMap::new();
    let mut missing: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let mut loaded = 0;
    for dir in lib_dirs() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_none_or(|e| e != "beam") {
                continue;
            }
            let bytes = std::fs::read(&path).unwrap();
            let mut atoms = AtomTable::default();
            let mut lits = Heap::new(Area::Literal);
            let module = loader::load(0, &bytes, &mut atoms, &mut lits)
                .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            for instr in &module.code {
                if let Instr::Unsupported(op) = instr {
                    unsupported
                        .entry(op.name())
                        .or_default()
                        .push(path.display().to_string());
                }
                if let Instr::MissingBif(mfa) = instr {
                    let name = format!(
                        "{}:{}/{}",
                        atoms.name(mfa.module),
                        atoms.name(mfa.function),
                        mfa.arity
                    );
                    missing
                        .entry(name)
                        .or_default()
                        .push(path.display().to_string());
                }
            }
            loaded += 1;
        }
    }
    assert!(loaded > 600, "only {loaded} modules");
    assert!(
        unsupported.is_empty(),
        "unsupported instructions: {unsupported:#?}"
    );
    summary::report(&format!(
        "translate: {loaded} modules of OTP {} and Elixir load, none with an unsupported instruction",
        atomvm_host::release::of_installation(&otp_root()).unwrap_or(0)
    ));
    // Guard BIFs the VM lacks make those instructions fault when reached: list them.
    for (bif, modules) in &missing {
        println!("missing guard BIF {bif} (in {} modules)", modules.len());
    }
}
