//! Instructions that this machine's `erlc` (OTP 25) cannot emit — OTP 26's
//! `update_record` and `bs_match`, OTP 27's `executable_line`, OTP 28's `debug_line` and
//! uncompressed literal table — in a module assembled by hand and run by `atomvm`.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use avm_format::beam::iff;
use avm_format::etf::{self, Term as Etf};
use std::process::Command;

const U: u8 = 0;
const I: u8 = 1;
const A: u8 = 2;
const X: u8 = 3;
const F: u8 = 5;
const Z: u8 = 7;

/// One operand in BEAM's compact encoding.
fn op(tag: u8, v: u64) -> Vec<u8> {
    if v < 16 {
        vec![(v as u8) << 4 | tag]
    } else if v < 2048 {
        vec![((v >> 3) as u8 & 0xE0) | 0x08 | tag, v as u8]
    } else {
        let bytes: Vec<u8> = v
            .to_be_bytes()
            .iter()
            .copied()
            .skip_while(|b| *b == 0)
            .collect();
        let mut out = vec![(((bytes.len() - 2) as u8) << 5) | 0x18 | tag];
        out.extend(bytes);
        out
    }
}

fn list(items: &[Vec<u8>]) -> Vec<u8> {
    let mut out = op(Z, 1);
    out.extend(op(U, items.len() as u64));
    for item in items {
        out.extend_from_slice(item);
    }
    out
}

fn literal(i: u64) -> Vec<u8> {
    let mut out = op(Z, 4);
    out.extend(op(U, i));
    out
}

fn instr(opcode: u8, operands: &[Vec<u8>]) -> Vec<u8> {
    let mut out = vec![opcode];
    for o in operands {
        out.extend_from_slice(o);
    }
    out
}

fn module() -> Vec<u8> {
    let atoms = [
        "newops",
        "start",
        "erlang",
        "display",
        "copy",
        "ensure_at_least",
        "integer",
        "get_tail",
        "=:=",
        "ensure_exactly",
        "entry",
        "skipped",
    ];
    let mut atu8 = (atoms.len() as u32).to_be_bytes().to_vec();
    for a in atoms {
        atu8.push(a.len() as u8);
        atu8.extend_from_slice(a.as_bytes());
    }
    let atom = |name: &str| op(A, atoms.iter().position(|a| *a == name).unwrap() as u64 + 1);
    let mut code = Vec::new();
    for word in [16u32, 0, 184, 4, 1] {
        code.extend(word.to_be_bytes());
    }
    let display = || instr(7, &[op(U, 1), op(U, 0)]); // call_ext 1, import 0
    let body = [
        instr(1, &[op(U, 1)]),                                      // label 1
        instr(2, &[atom("newops"), atom("start"), op(U, 0)]),       // func_info
        instr(1, &[op(U, 2)]),                                      // label 2
        instr(12, &[op(U, 0), op(U, 0)]),                           // allocate 0 0
        instr(183, &[op(U, 0), op(U, 0)]),                          // executable_line
        instr(184, &[atom("entry"), op(U, 0), op(U, 0), op(U, 0)]), // debug_line
        instr(64, &[literal(0), op(X, 0)]),                         // move {a,1,2} x0
        instr(
            181,
            &[
                atom("copy"),
                op(U, 3),
                op(X, 0),
                op(X, 0),
                list(&[op(U, 2), op(I, 42)]),
            ],
        ),
        display(),
        instr(64, &[literal(1), op(X, 0)]), // move <<1..6>> x0
        instr(166, &[op(F, 3), op(X, 0), op(U, 1), op(X, 0)]), // bs_start_match3
        instr(
            182,
            &[
                op(F, 3),
                op(X, 0),
                list(&[
                    atom("ensure_at_least"),
                    op(U, 16),
                    op(U, 8),
                    atom("integer"),
                    op(U, 1),
                    op(U, 0),
                    op(U, 8),
                    op(U, 1),
                    op(X, 1),
                    atom("=:="),
                    op(U, 1),
                    op(U, 8),
                    op(I, 2),
                    atom("get_tail"),
                    op(U, 2),
                    op(U, 8),
                    op(X, 2),
                ]),
            ],
        ),
        instr(16, &[op(U, 3), op(U, 3)]), // test_heap 3 3
        instr(164, &[op(X, 0), list(&[op(X, 1), op(X, 2)])]), // put_tuple2
        display(),
        instr(64, &[literal(1), op(X, 0)]),
        instr(166, &[op(F, 3), op(X, 0), op(U, 1), op(X, 0)]),
        instr(
            182,
            &[
                op(F, 3),
                op(X, 0),
                list(&[atom("ensure_exactly"), op(U, 8)]),
            ],
        ),
        instr(18, &[op(U, 0)]), // deallocate 0
        instr(19, &[]),         // return
        instr(1, &[op(U, 3)]),  // label 3
        instr(64, &[atom("skipped"), op(X, 0)]),
        display(),
        instr(18, &[op(U, 0)]),
        instr(19, &[]),
        instr(3, &[]), // int_code_end
    ];
    for i in body {
        code.extend(i);
    }
    let imports = [1u32, 3, 4, 1]
        .iter()
        .flat_map(|w| w.to_be_bytes())
        .collect::<Vec<_>>();
    let exports = [1u32, 2, 0, 2]
        .iter()
        .flat_map(|w| w.to_be_bytes())
        .collect::<Vec<_>>();
    // OTP 28 style: an uncompressed literal table (size field 0).
    let lits = [
        Etf::Tuple(vec![
            Etf::Atom("a".into()),
            Etf::Integer(1),
            Etf::Integer(2),
        ]),
        Etf::Binary(vec![1, 2, 3, 4, 5, 6]),
    ];
    let mut table = 0u32.to_be_bytes().to_vec();
    table.extend((lits.len() as u32).to_be_bytes());
    for l in &lits {
        let bytes = etf::encode(l);
        table.extend((bytes.len() as u32).to_be_bytes());
        table.extend(bytes);
    }
    iff::write(&[
        (*b"AtU8", atu8),
        (*b"Code", code),
        (*b"StrT", Vec::new()),
        (*b"ImpT", imports),
        (*b"ExpT", exports),
        (*b"LitT", table),
    ])
}

#[test]
fn runs_otp26_to_otp28_instructions() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("newops.beam");
    std::fs::write(&path, module()).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_atomvm"))
        .arg(&path)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "stderr: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "{a,42,2}\r\n{1,<<3,4,5,6>>}\r\nskipped\r\n"
    );
}
