//! The loader refuses malformed modules with a reason and never panics: real OTP
//! modules, mutated at random (byte flips, truncations, overwritten words), go through
//! `loader::load`, which must return `Ok` or `Err`.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use atomvm_host::atom::AtomTable;
use atomvm_host::heap::Heap;
use atomvm_host::loader;
use atomvm_host::term::Area;
use proptest::prelude::*;
use std::path::PathBuf;
use std::process::Command;
use std::sync::OnceLock;

fn stdlib_dir() -> &'static PathBuf {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        let out = Command::new("erl")
            .args([
                "-noshell",
                "-eval",
                "io:format(\"~s\", [code:lib_dir(stdlib)]), halt().",
            ])
            .output()
            .expect("`erl` must be installed (apt-get install erlang-nox) for this test");
        PathBuf::from(String::from_utf8(out.stdout).unwrap()).join("ebin")
    })
}

fn stdlib_beam(name: &str) -> Vec<u8> {
    std::fs::read(stdlib_dir().join(format!("{name}.beam"))).unwrap()
}

fn load(bytes: &[u8]) -> bool {
    let mut atoms = AtomTable::default();
    let mut lits = Heap::new(Area::Literal);
    loader::load(0, bytes, &mut atoms, &mut lits).is_ok()
}

#[test]
fn real_modules_load() {
    for name in ["lists", "maps", "io_lib_format", "string", "gen_server"] {
        assert!(load(&stdlib_beam(name)), "{name} should load");
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn mutated_modules_never_panic(
        flips in proptest::collection::vec((any::<usize>(), any::<u8>()), 1..8),
        cut in any::<usize>(),
        word in (any::<usize>(), any::<u32>()),
        which in 0usize..3,
    ) {
        let name = ["lists", "maps", "string"][which];
        let mut bytes = stdlib_beam(name);
        for (at, value) in flips {
            let i = at % bytes.len();
            bytes[i] ^= value;
        }
        let i = word.0 % bytes.len().saturating_sub(4).max(1);
        if i + 4 <= bytes.len() {
            bytes[i..i + 4].copy_from_slice(&word.1.to_be_bytes());
        }
        let _ = load(&bytes);
        let _ = load(&bytes[..cut % (bytes.len() + 1)]);
    }
}
