//! Property tests: the parsers never panic on arbitrary or mutated input, and
//! `avm::write` → `avm::read` is the identity on valid entries.

// `allow-unwrap-in-tests` covers `#[test]` functions only, not their helpers.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use avm_format::avm::{self, Entry, EntryKind, FLAG_BEAM, FLAG_FILE, FLAG_START, HEADER};
use avm_format::beam::{iff, info, strip, Beam, ModuleInfo, StripOptions, KEPT_CHUNKS};
use flate2::{write::ZlibEncoder, Compression};
use proptest::prelude::*;
use proptest::sample::Index;
use proptest::test_runner::Config;
use std::collections::HashSet;
use std::io::Write;

/// Cases per property; `PROPTEST_CASES` overrides it for a longer soak run.
const CASES: u32 = 512;

fn config() -> Config {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(CASES);
    Config {
        cases,
        // Do not write `proptest-regressions` files into the source tree.
        failure_persistence: None,
        ..Config::default()
    }
}

fn pad4(n: usize) -> usize {
    n.div_ceil(4) * 4
}

fn zlib(data: &[u8]) -> Vec<u8> {
    let mut enc = ZlibEncoder::new(Vec::new(), Compression::default());
    enc.write_all(data).unwrap();
    enc.finish().unwrap()
}

fn atu8(atoms: &[&str]) -> Vec<u8> {
    let mut out = (atoms.len() as u32).to_be_bytes().to_vec();
    for a in atoms {
        out.push(a.len() as u8);
        out.extend_from_slice(a.as_bytes());
    }
    out
}

fn table(rows: &[[u32; 3]]) -> Vec<u8> {
    let mut out = (rows.len() as u32).to_be_bytes().to_vec();
    for row in rows {
        for v in row {
            out.extend_from_slice(&v.to_be_bytes());
        }
    }
    out
}

/// A small but complete module: atoms, code, exports, imports, a compressed literal
/// table, funs, lines and a debug chunk that stripping drops.
fn valid_beam() -> Vec<u8> {
    // One literal: the term 42 in external term format.
    let literals = [0, 0, 0, 1, 0, 0, 0, 3, 131, 97, 42];
    let mut litt = (literals.len() as u32).to_be_bytes().to_vec();
    litt.extend(zlib(&literals));
    iff::write(&[
        (*b"AtU8", atu8(&["m", "start", "io", "format", "ok"])),
        (
            *b"Code",
            vec![0, 0, 0, 16, 0, 0, 0, 0, 0, 0, 0, 178, 0, 0, 0, 4, 1, 2, 3],
        ),
        (*b"StrT", vec![]),
        (*b"ImpT", table(&[[3, 4, 2]])),
        (*b"ExpT", table(&[[2, 0, 2]])),
        (*b"LitT", litt),
        (*b"FunT", vec![0, 0, 0, 0]),
        (*b"LocT", vec![0, 0, 0, 0]),
        (*b"Attr", vec![131, 106]),
        (*b"Line", vec![0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1]),
        (*b"Dbgi", vec![7; 33]),
    ])
}

/// The OTP 28 variant: negative atom count, compact-encoded atom lengths, and an
/// uncompressed `LitT` (size 0).
fn valid_beam_otp28() -> Vec<u8> {
    let mut atoms = (-3i32).to_be_bytes().to_vec();
    for a in [
        "mod",
        "start",
        "a_rather_long_atom_name_for_the_compact_form",
    ] {
        let len = a.len();
        if len < 16 {
            atoms.push((len as u8) << 4);
        } else {
            // 11-bit form: 3 high bits in the first byte, tag 0, bit 3 set.
            atoms.push((((len >> 8) as u8) << 5) | 0b1000);
            atoms.push(len as u8);
        }
        atoms.extend_from_slice(a.as_bytes());
    }
    iff::write(&[
        (*b"AtU8", atoms),
        (*b"Code", vec![0; 20]),
        (*b"ExpT", table(&[[2, 0, 2], [3, 1, 4]])),
        (*b"LitT", vec![0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 2, 131, 106]),
        (*b"Type", vec![1, 2, 3]),
    ])
}

fn valid_archive() -> Vec<u8> {
    avm::write(&[
        Entry::beam("m.beam", valid_beam(), true),
        Entry::file("app/priv/data.bin", vec![1, 2, 3, 4, 5, 6, 7]),
        Entry::beam("mod.beam", valid_beam_otp28(), false),
        Entry::file("app/priv/empty", vec![]),
    ])
    .unwrap()
}

/// Runs every BEAM entry point on `bytes` and checks what they return is coherent.
fn check_beam(bytes: &[u8]) {
    if let Ok(beam) = Beam::parse(bytes) {
        assert!(beam.len >= 12 && beam.len <= bytes.len());
        let mut previous_end = 12;
        for chunk in &beam.chunks {
            assert!(chunk.offset >= previous_end, "chunks overlap");
            let end = chunk.offset + 8 + chunk.data.len();
            assert!(end <= beam.len, "chunk past the form");
            assert_eq!(&bytes[chunk.offset..chunk.offset + 4], &chunk.id);
            previous_end = end;
            let _ = chunk.to_string();
        }
        if let Ok(info) = ModuleInfo::read(&beam) {
            let _ = info.imported_modules();
            let _ = info.exports("start", 0);
        }
        let _ = info::atoms(&beam);
    }
    for keep_lines in [true, false] {
        let options = StripOptions { keep_lines };
        match strip(bytes, options) {
            Ok(stripped) => {
                assert_eq!(stripped.len() % 4, 0);
                let beam = Beam::parse(&stripped).expect("stripped output parses");
                assert!(beam.chunk(b"Code").is_some());
                assert!(beam.chunk(b"AtU8").is_some());
                for chunk in &beam.chunks {
                    let allowed = KEPT_CHUNKS.contains(&&chunk.id)
                        || &chunk.id == b"LitU"
                        || (keep_lines && &chunk.id == b"Line");
                    assert!(allowed, "stripped output kept {}", chunk.name());
                }
                // Stripping is idempotent.
                assert_eq!(strip(&stripped, options).unwrap(), stripped);
            }
            Err(err) => {
                let _ = err.to_string();
            }
        }
    }
}

/// Runs the archive reader on `bytes`; if it accepts them, writing the entries back
/// (when their names are valid) and reading again gives the same entries.
fn check_archive(bytes: &[u8]) {
    match avm::read(bytes) {
        Ok(archive) => {
            assert!(archive.len >= HEADER.len() + 12);
            for entry in &archive.entries {
                let _ = (entry.kind(), entry.is_start());
                if entry.kind() == EntryKind::Beam {
                    check_beam(&entry.data);
                }
            }
            if let Ok(rewritten) = avm::write(&archive.entries) {
                let again = avm::read(&rewritten).expect("rewritten archive reads");
                assert_eq!(again.entries, archive.entries);
                assert_eq!(again.len, rewritten.len());
            }
        }
        Err(err) => {
            let _ = err.to_string();
        }
    }
}

/// Byte flips, aligned 32-bit overwrites (sizes, lengths, counts) and a truncation.
#[derive(Debug, Clone)]
struct Mutation {
    flips: Vec<(Index, u8)>,
    words: Vec<(Index, u32)>,
    truncate: Option<Index>,
}

fn mutation() -> impl Strategy<Value = Mutation> {
    let word = prop_oneof![
        Just(0u32),
        Just(1),
        Just(3),
        Just(0x7FFF_FFFF),
        Just(0x8000_0000),
        Just(u32::MAX),
        0u32..256,
        any::<u32>(),
    ];
    (
        prop::collection::vec((any::<Index>(), 1u8..=255), 0..6),
        prop::collection::vec((any::<Index>(), word), 0..3),
        prop::option::of(any::<Index>()),
    )
        .prop_map(|(flips, words, truncate)| Mutation {
            flips,
            words,
            truncate,
        })
}

fn apply(mut bytes: Vec<u8>, m: &Mutation) -> Vec<u8> {
    for (at, xor) in &m.flips {
        let i = at.index(bytes.len());
        bytes[i] ^= xor;
    }
    for (at, value) in &m.words {
        let i = at.index(bytes.len() / 4) * 4;
        bytes[i..i + 4].copy_from_slice(&value.to_be_bytes());
    }
    if let Some(at) = &m.truncate {
        bytes.truncate(at.index(bytes.len() + 1));
    }
    bytes
}

/// Chunks with ids mostly from the ones the crate interprets, and random contents.
fn chunks() -> impl Strategy<Value = Vec<([u8; 4], Vec<u8>)>> {
    let id = prop_oneof![
        Just(*b"AtU8"),
        Just(*b"Atom"),
        Just(*b"Code"),
        Just(*b"ExpT"),
        Just(*b"ImpT"),
        Just(*b"LitT"),
        Just(*b"Line"),
        any::<[u8; 4]>(),
    ];
    prop::collection::vec((id, prop::collection::vec(any::<u8>(), 0..48)), 0..7)
}

// ---- round trip ----

fn beam_name() -> impl Strategy<Value = String> {
    "[A-Za-z_é][A-Za-z0-9_.@é日]{0,20}".prop_map(|stem| format!("{stem}.beam"))
}

fn file_name() -> impl Strategy<Value = String> {
    prop::collection::vec("[A-Za-z0-9_é日 :~-][A-Za-z0-9_.é ~-]{0,10}", 1..5)
        .prop_map(|parts| parts.join("/"))
}

fn entry() -> impl Strategy<Value = Entry> {
    let beam = (
        beam_name(),
        prop::collection::vec(
            (any::<[u8; 4]>(), prop::collection::vec(any::<u8>(), 0..40)),
            0..5,
        ),
        any::<bool>(),
    )
        .prop_map(|(name, chunks, start)| Entry::beam(name, iff::write(&chunks), start));
    let file = (file_name(), prop::collection::vec(any::<u8>(), 0..130))
        .prop_map(|(name, data)| Entry::file(name, data));
    prop_oneof![beam, file]
}

fn unique_entries() -> impl Strategy<Value = Vec<Entry>> {
    prop::collection::vec(entry(), 0..8).prop_map(|entries| {
        let mut seen = HashSet::new();
        entries
            .into_iter()
            .filter(|e| seen.insert(e.name.clone()))
            .collect()
    })
}

/// Walks `bytes` section by section, independently of `avm::read`, and checks each
/// section is exactly what the format says `entries` should produce.
fn check_layout(bytes: &[u8], entries: &[Entry]) {
    let u32_at = |at: usize| u32::from_be_bytes(bytes[at..at + 4].try_into().unwrap());
    assert_eq!(&bytes[..24], HEADER.as_slice());
    let mut offset = 24;
    for entry in entries {
        let name_area = pad4(entry.name.len() + 1);
        let content: Vec<u8> = match entry.kind() {
            EntryKind::File => {
                let mut c = (entry.data.len() as u32).to_be_bytes().to_vec();
                c.extend_from_slice(&entry.data);
                c
            }
            _ => entry.data.clone(),
        };
        let size = 12 + name_area + pad4(content.len());
        assert_eq!(u32_at(offset) as usize, size, "size of {}", entry.name);
        assert_eq!(u32_at(offset + 4), entry.flags);
        assert_eq!(u32_at(offset + 8), 0);
        let name_at = offset + 12;
        assert_eq!(
            &bytes[name_at..name_at + entry.name.len()],
            entry.name.as_bytes()
        );
        assert!(bytes[name_at + entry.name.len()..name_at + name_area]
            .iter()
            .all(|&b| b == 0));
        let content_at = name_at + name_area;
        assert_eq!(&bytes[content_at..content_at + content.len()], &content[..]);
        assert!(bytes[content_at + content.len()..offset + size]
            .iter()
            .all(|&b| b == 0));
        offset += size;
    }
    assert_eq!(&bytes[offset..], b"\0\0\0\0\0\0\0\0\0\0\0\0end\0");
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn read_never_panics_on_arbitrary_bytes(bytes in prop::collection::vec(any::<u8>(), 0..300)) {
        check_archive(&bytes);
    }

    #[test]
    fn read_never_panics_after_a_valid_header(tail in prop::collection::vec(any::<u8>(), 0..300)) {
        let bytes = [HEADER.as_slice(), &tail].concat();
        check_archive(&bytes);
    }

    #[test]
    fn read_never_panics_on_mutated_archives(m in mutation()) {
        check_archive(&apply(valid_archive(), &m));
    }

    #[test]
    fn read_never_panics_on_archives_of_random_sections(
        sections in prop::collection::vec(
            (
                prop_oneof![Just(0u32), Just(1), Just(2), Just(3), Just(4), any::<u32>()],
                "[a-z/.]{0,9}",
                prop::collection::vec(any::<u8>(), 0..40),
            ),
            0..5,
        ),
        m in mutation(),
    ) {
        // Well-formed framing around random flags and contents, then mutated.
        let mut bytes = HEADER.to_vec();
        for (flags, name, content) in &sections {
            let size = 12 + pad4(name.len() + 1) + pad4(content.len());
            bytes.extend_from_slice(&(size as u32).to_be_bytes());
            bytes.extend_from_slice(&flags.to_be_bytes());
            bytes.extend_from_slice(&[0; 4]);
            bytes.extend_from_slice(name.as_bytes());
            bytes.push(0);
            bytes.resize(pad4(bytes.len()), 0);
            bytes.extend_from_slice(content);
            bytes.resize(pad4(bytes.len()), 0);
        }
        bytes.extend_from_slice(b"\0\0\0\0\0\0\0\0\0\0\0\0end\0");
        check_archive(&bytes);
        check_archive(&apply(bytes, &m));
    }

    #[test]
    fn beam_parsers_never_panic_on_arbitrary_bytes(bytes in prop::collection::vec(any::<u8>(), 0..300)) {
        check_beam(&bytes);
    }

    #[test]
    fn beam_parsers_never_panic_on_mutated_beams(m in mutation(), otp28 in any::<bool>()) {
        let beam = if otp28 { valid_beam_otp28() } else { valid_beam() };
        check_beam(&apply(beam, &m));
    }

    #[test]
    fn beam_parsers_never_panic_on_random_chunks(chunks in chunks(), m in mutation()) {
        let bytes = iff::write(&chunks);
        let beam = Beam::parse(&bytes).unwrap();
        prop_assert_eq!(beam.chunks.len(), chunks.len());
        prop_assert_eq!(beam.len, bytes.len());
        for (chunk, (id, data)) in beam.chunks.iter().zip(&chunks) {
            prop_assert_eq!(&chunk.id, id);
            prop_assert_eq!(chunk.data, &data[..]);
        }
        check_beam(&bytes);
        check_beam(&apply(bytes, &m));
    }

    #[test]
    fn write_read_round_trip(entries in unique_entries()) {
        let bytes = avm::write(&entries).unwrap();
        prop_assert_eq!(bytes.len() % 4, 0);
        check_layout(&bytes, &entries);
        let archive = avm::read(&bytes).unwrap();
        prop_assert_eq!(&archive.entries, &entries);
        prop_assert_eq!(archive.len, bytes.len());
        prop_assert_eq!(
            archive.start().map(|e| &e.name),
            entries.iter().find(|e| e.flags & FLAG_START != 0).map(|e| &e.name)
        );
        for entry in &archive.entries {
            let flag = if entry.kind() == EntryKind::Beam { FLAG_BEAM } else { FLAG_FILE };
            prop_assert!(entry.flags & flag != 0);
        }
    }

    #[test]
    fn erased_flash_after_the_end_is_ignored(
        entries in unique_entries(),
        tail in prop::collection::vec(any::<u8>(), 0..64),
    ) {
        let bytes = avm::write(&entries).unwrap();
        let flash = [bytes.as_slice(), &tail].concat();
        let archive = avm::read(&flash).unwrap();
        prop_assert_eq!(&archive.entries, &entries);
        prop_assert_eq!(archive.len, bytes.len());
    }
}

#[test]
fn samples_are_valid() {
    for bytes in [valid_beam(), valid_beam_otp28()] {
        let beam = Beam::parse(&bytes).unwrap();
        let info = ModuleInfo::read(&beam).unwrap();
        assert!(info.exports("start", 0), "{info:?}");
        strip(&bytes, StripOptions::default()).unwrap();
    }
    let archive = avm::read(&valid_archive()).unwrap();
    assert_eq!(archive.entries.len(), 4);
    assert_eq!(archive.entries[0].data, valid_beam());
}

// ---- known problems ----

const CHILD_ENV: &str = "AVM_FORMAT_TEST_DEEP_COMPACT_CHILD";

/// An `AtU8` chunk with a negative count (OTP 28 compact atom lengths) whose first
/// length is `0xF8 0xF8 0xF8 …`: each `0xF8` says "the length of the length follows,
/// itself compact-encoded". A reader that recursed once per byte would overflow the
/// stack and abort; it must return an error. The test reruns itself in a child process
/// so that an abort fails only this test.
#[test]
fn nested_compact_lengths_do_not_overflow_the_stack() {
    if std::env::var_os(CHILD_ENV).is_some() {
        let mut atoms = (-1i32).to_be_bytes().to_vec();
        atoms.resize(4 + (1 << 20), 0xF8);
        let bytes = iff::write(&[(*b"AtU8", atoms), (*b"Code", vec![0; 4])]);
        let beam = Beam::parse(&bytes).unwrap();
        assert!(ModuleInfo::read(&beam).is_err());
        assert!(info::atoms(&beam).is_err());
        return;
    }
    let output = std::process::Command::new(std::env::current_exe().unwrap())
        .args([
            "--exact",
            "nested_compact_lengths_do_not_overflow_the_stack",
            "--nocapture",
            "--test-threads=1",
        ])
        .env(CHILD_ENV, "1")
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "parsing the crafted module killed the process ({}):\n{}",
        output.status,
        String::from_utf8_lossy(&output.stderr)
    );
}
