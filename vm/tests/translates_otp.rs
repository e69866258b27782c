//! Every module of the installed OTP `stdlib`, `kernel` and `compiler` and of Elixir's
//! `elixir` loads, and the report lists the generic instructions the VM translates to
//! `Unsupported` (it must be none of those OTP 25 emits).
#![allow(clippy::unwrap_used, clippy::expect_used)]

use atomvm_host::atom::AtomTable;
use atomvm_host::heap::Heap;
use atomvm_host::loader;
use atomvm_host::module::Instr;
use atomvm_host::term::Area;
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::process::Command;

fn lib_dirs() -> Vec<PathBuf> {
    let out = Command::new("erl")
        .args([
            "-noshell",
            "-eval",
            "[io:format(\"~s~n\", [code:lib_dir(A)]) || A <- [stdlib, kernel, compiler]], halt().",
        ])
        .output()
        .expect("`erl` must be installed for this test");
    let mut dirs: Vec<PathBuf> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| PathBuf::from(l).join("ebin"))
        .collect();
    let ex = Command::new("elixir")
        .args(["-e", "IO.puts(:code.lib_dir(:elixir))"])
        .output()
        .expect("elixir");
    dirs.push(PathBuf::from(String::from_utf8(ex.stdout).unwrap().trim()).join("ebin"));
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
    assert!(loaded > 400, "only {loaded} modules");
    assert!(
        unsupported.is_empty(),
        "unsupported instructions: {unsupported:#?}"
    );
    // Guard BIFs the VM lacks make those instructions fault when reached: list them.
    for (bif, modules) in &missing {
        println!("missing guard BIF {bif} (in {} modules)", modules.len());
    }
}
