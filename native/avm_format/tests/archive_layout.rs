//! Byte-exact layout of PackBEAM (`.avm`) archives as `avm::write` produces them, the
//! round trip through `avm::read`, and the errors both report on malformed input.

use avm_format::avm::{
    self, validate_name, ArchiveError, Entry, EntryKind, NameProblem, FLAG_BEAM, FLAG_FILE,
    FLAG_START, HEADER,
};
use avm_format::beam::iff;

/// `n` as 4 big-endian bytes.
fn be(n: u32) -> [u8; 4] {
    n.to_be_bytes()
}

/// The 16-byte end section.
const END: [u8; 16] = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, b'e', b'n', b'd', 0];

/// A 24-byte BEAM: `FOR1`, form length 16, `BEAM`, one `Code` chunk of 4 bytes.
fn start_beam() -> Vec<u8> {
    let data = iff::write(&[(*b"Code", [1u8, 2, 3, 4])]);
    assert_eq!(
        data,
        [
            b"FOR1".as_slice(),
            &be(16),
            b"BEAM",
            b"Code",
            &be(4),
            &[1, 2, 3, 4],
        ]
        .concat()
    );
    data
}

/// A 23-byte BEAM whose last chunk (`Code`, 3 bytes) has no padding: valid IFF, but its
/// length is not a multiple of 4, so the archive must pad it and the reader trim it.
fn odd_beam() -> Vec<u8> {
    let data = [
        b"FOR1".as_slice(),
        &be(15),
        b"BEAM",
        b"Code",
        &be(3),
        b"abc",
    ]
    .concat();
    assert_eq!(data.len(), 23);
    data
}

/// Start beam, non-start beam with odd length, priv file of 5 bytes.
fn sample_entries() -> Vec<Entry> {
    vec![
        Entry::beam("start.beam", start_beam(), true),
        Entry::beam("ab.beam", odd_beam(), false),
        Entry::file("app/priv/x.txt", b"hello".to_vec()),
    ]
}

/// The archive of `sample_entries`, spelled out by hand.
fn sample_bytes() -> Vec<u8> {
    [
        // 0: header.
        b"#!/usr/bin/env AtomVM\n\0\0".as_slice(),
        // 24: start beam, 12 + 12 (name 10 + NUL + 1 pad) + 24 = 48 bytes.
        &be(48),
        &be(0x03),
        &be(0),
        b"start.beam\0\0",
        &start_beam(),
        // 72: beam, 12 + 8 (name 7 + NUL) + 24 (23 + 1 pad) = 44 bytes.
        &be(44),
        &be(0x02),
        &be(0),
        b"ab.beam\0",
        &odd_beam(),
        &[0],
        // 116: file, 12 + 16 (name 14 + NUL + 1 pad) + 12 (4 length + 5 + 3 pad) = 40 bytes.
        &be(40),
        &be(0x04),
        &be(0),
        b"app/priv/x.txt\0\0",
        &be(5),
        b"hello\0\0\0",
        // 156: end.
        &END,
    ]
    .concat()
}

#[test]
fn header_constant_is_the_packbeam_magic() {
    let mut expected = b"#!/usr/bin/env AtomVM\n".to_vec();
    expected.extend_from_slice(&[0, 0]);
    assert_eq!(HEADER.as_slice(), expected.as_slice());
    assert_eq!(HEADER.len(), 24);
    assert_eq!((FLAG_START, FLAG_BEAM, FLAG_FILE), (1, 2, 4));
}

#[test]
fn empty_archive_is_header_then_end() {
    let bytes = avm::write(&[]).unwrap();
    assert_eq!(bytes, [HEADER.as_slice(), &END].concat());
    assert_eq!(bytes.len(), 40);
    let archive = avm::read(&bytes).unwrap();
    assert!(archive.entries.is_empty());
    assert_eq!(archive.len, 40);
    assert!(archive.start().is_none());
}

#[test]
fn writes_exact_bytes() {
    let bytes = avm::write(&sample_entries()).unwrap();
    let expected = sample_bytes();
    assert_eq!(bytes.len(), 172);
    assert_eq!(bytes.len() % 4, 0);
    // Compare piecewise first so a mismatch points at the right section.
    assert_eq!(&bytes[..24], HEADER.as_slice(), "header");
    assert_eq!(&bytes[24..72], &expected[24..72], "start beam section");
    assert_eq!(&bytes[72..116], &expected[72..116], "beam section");
    assert_eq!(&bytes[116..156], &expected[116..156], "file section");
    assert_eq!(&bytes[156..], END.as_slice(), "end section");
    assert_eq!(bytes, expected);
}

#[test]
fn section_fields_at_their_offsets() {
    let bytes = avm::write(&sample_entries()).unwrap();
    let u32_at = |at: usize| u32::from_be_bytes(bytes[at..at + 4].try_into().unwrap());
    // (offset, size, flags, name) of each section.
    let sections = [
        (24, 48, 0x03, &b"start.beam"[..]),
        (72, 44, 0x02, b"ab.beam"),
        (116, 40, 0x04, b"app/priv/x.txt"),
        (156, 0, 0x00, b"end"),
    ];
    for (offset, size, flags, name) in sections {
        assert_eq!(u32_at(offset), size, "size at {offset}");
        assert_eq!(u32_at(offset + 4), flags, "flags at {offset}");
        assert_eq!(u32_at(offset + 8), 0, "reserved at {offset}");
        assert_eq!(&bytes[offset + 12..offset + 12 + name.len()], name);
        // NUL terminator then NUL padding up to a multiple of 4.
        let name_end = offset + 12 + name.len();
        let padded = offset + 12 + (name.len() + 1).div_ceil(4) * 4;
        assert!(bytes[name_end..padded].iter().all(|&b| b == 0));
        if size != 0 {
            assert_eq!(offset + size as usize, sections_after(offset));
        }
    }
    // Beam content starts right after the padded name.
    assert_eq!(&bytes[48..52], b"FOR1");
    assert_eq!(&bytes[92..96], b"FOR1");
    // The 23-byte beam is followed by one NUL of padding.
    assert_eq!(&bytes[92..92 + 23], odd_beam().as_slice());
    assert_eq!(bytes[92 + 23], 0);
    // Plain file: 4-byte unpadded length, then the bytes, then NUL padding.
    assert_eq!(u32_at(144), 5);
    assert_eq!(&bytes[148..153], b"hello");
    assert_eq!(&bytes[153..156], [0, 0, 0]);

    fn sections_after(offset: usize) -> usize {
        match offset {
            24 => 72,
            72 => 116,
            116 => 156,
            _ => unreachable!(),
        }
    }
}

#[test]
fn file_lengths_and_padding() {
    // (data length, expected section size): name "a/b" + NUL = 4 bytes.
    for (len, size) in [
        (0, 20),
        (1, 24),
        (3, 24),
        (4, 24),
        (5, 28),
        (8, 28),
        (9, 32),
    ] {
        let data: Vec<u8> = (1..=len).map(|i| i as u8).collect();
        let bytes = avm::write(&[Entry::file("a/b", data.clone())]).unwrap();
        let mut expected = [HEADER.as_slice(), &be(size), &be(4), &be(0), b"a/b\0"].concat();
        expected.extend_from_slice(&be(len));
        expected.extend_from_slice(&data);
        expected.resize(expected.len().div_ceil(4) * 4, 0);
        expected.extend_from_slice(&END);
        assert_eq!(bytes, expected, "file of {len} bytes");
        assert_eq!(expected.len(), 24 + size as usize + 16);
        let archive = avm::read(&bytes).unwrap();
        assert_eq!(archive.entries, [Entry::file("a/b", data)]);
    }
}

#[test]
fn name_padding() {
    // A name whose length + NUL is already a multiple of 4 gets no extra padding; a
    // 4-character name needs a whole extra word for its NUL.
    for (name, name_area) in [("a.beam", 8), ("ab.beam", 8), ("abc.beam", 12)] {
        let data = start_beam();
        let bytes = avm::write(&[Entry::beam(name, data.clone(), false)]).unwrap();
        let size = 12 + name_area + data.len();
        assert_eq!(&bytes[24..28], be(size as u32));
        let mut area = name.as_bytes().to_vec();
        area.resize(name_area, 0);
        assert_eq!(&bytes[36..36 + name_area], area.as_slice());
        assert_eq!(&bytes[36 + name_area..36 + name_area + 4], b"FOR1");
    }
    let bytes = avm::write(&[Entry::file("abcd", vec![])]).unwrap();
    assert_eq!(&bytes[24..28], be(12 + 8 + 4));
    assert_eq!(&bytes[36..44], b"abcd\0\0\0\0");
}

#[test]
fn round_trip_gives_identical_entries() {
    let entries = sample_entries();
    let bytes = avm::write(&entries).unwrap();
    let archive = avm::read(&bytes).unwrap();
    assert_eq!(archive.entries, entries);
    assert_eq!(archive.len, bytes.len());
    // The odd-length beam comes back without the section's padding byte.
    assert_eq!(archive.entries[1].data.len(), 23);
    assert_eq!(archive.start().unwrap().name, "start.beam");
    let kinds: Vec<_> = archive.entries.iter().map(Entry::kind).collect();
    assert_eq!(kinds, [EntryKind::Beam, EntryKind::Beam, EntryKind::File]);
    let starts: Vec<_> = archive.entries.iter().map(Entry::is_start).collect();
    assert_eq!(starts, [true, false, false]);
    // Reading the hand-written bytes gives the same thing.
    assert_eq!(avm::read(&sample_bytes()).unwrap(), archive);
}

#[test]
fn first_start_entry_wins() {
    let entries = vec![
        Entry::beam("a.beam", start_beam(), false),
        Entry::beam("b.beam", start_beam(), true),
        Entry::beam("c.beam", start_beam(), true),
    ];
    let archive = avm::read(&avm::write(&entries).unwrap()).unwrap();
    assert_eq!(archive.start().unwrap().name, "b.beam");
}

#[test]
fn unicode_names_round_trip() {
    let entries = vec![
        Entry::beam("Elixir.Ünïcødé.beam", start_beam(), true),
        Entry::file("app/priv/日本/データ.bin", vec![0xFF; 7]),
    ];
    let bytes = avm::write(&entries).unwrap();
    assert_eq!(avm::read(&bytes).unwrap().entries, entries);
    // Sizes count UTF-8 bytes, not characters.
    let name_bytes = "Elixir.Ünïcødé.beam".len();
    let size = 12 + (name_bytes + 1).div_ceil(4) * 4 + 24;
    assert_eq!(&bytes[24..28], be(size as u32));
}

#[test]
fn trailing_bytes_after_end_are_ignored() {
    let entries = sample_entries();
    let bytes = avm::write(&entries).unwrap();
    for tail in [
        vec![0xFF; 4096],
        vec![0; 3],
        vec![0xFF],
        b"garbage!".to_vec(),
    ] {
        let mut flash = bytes.clone();
        flash.extend_from_slice(&tail);
        let archive = avm::read(&flash).unwrap();
        assert_eq!(archive.entries, entries);
        assert_eq!(archive.len, 172, "len must point just past the end section");
        assert_eq!(&flash[archive.len - 16..archive.len], END.as_slice());
    }
    // A whole second archive after the end is not read either.
    let mut two = bytes.clone();
    two.extend_from_slice(&avm::write(&[Entry::file("z/z", vec![1])]).unwrap());
    let archive = avm::read(&two).unwrap();
    assert_eq!(archive.entries, entries);
    assert_eq!(archive.len, bytes.len());
}

// ---- reader errors ----

#[test]
fn missing_magic_header() {
    let good = avm::write(&sample_entries()).unwrap();
    let cases: Vec<Vec<u8>> = vec![
        vec![],
        b"#!/usr/bin/env AtomVM".to_vec(),
        b"#!/usr/bin/env AtomVM\n".to_vec(),
        b"#!/usr/bin/env AtomVM\n\0".to_vec(),
        // CRLF instead of LF.
        [b"#!/usr/bin/env AtomVM\r\n\0\0".as_slice(), &END].concat(),
        // One byte changed.
        {
            let mut b = good.clone();
            b[2] = b'U';
            b
        },
        {
            let mut b = good.clone();
            b[23] = 1;
            b
        },
        // A BEAM file is not an archive.
        start_beam(),
        // Neither is erased flash.
        vec![0xFF; 64],
    ];
    for bytes in cases {
        assert_eq!(avm::read(&bytes), Err(ArchiveError::BadHeader), "{bytes:?}");
    }
}

#[test]
fn truncated_archive_without_end() {
    let bytes = avm::write(&sample_entries()).unwrap();
    assert_eq!(
        avm::read(&bytes[..156]),
        Err(ArchiveError::MissingEnd {
            offset: 156,
            entries: 3
        })
    );
    assert_eq!(
        avm::read(&bytes[..72]),
        Err(ArchiveError::MissingEnd {
            offset: 72,
            entries: 1
        })
    );
    assert_eq!(
        avm::read(HEADER),
        Err(ArchiveError::MissingEnd {
            offset: 24,
            entries: 0
        })
    );
}

#[test]
fn truncated_section_header() {
    let bytes = avm::write(&sample_entries()).unwrap();
    for cut in [157, 160, 167] {
        assert_eq!(
            avm::read(&bytes[..cut]),
            Err(ArchiveError::TruncatedHeader { offset: 156 }),
            "cut at {cut}"
        );
    }
    assert_eq!(
        avm::read(&bytes[..30]),
        Err(ArchiveError::TruncatedHeader { offset: 24 })
    );
}

#[test]
fn end_section_cut_inside_its_name() {
    let bytes = avm::write(&sample_entries()).unwrap();
    // "end" without its NUL, or no name at all.
    for cut in [168, 169, 171] {
        assert_eq!(
            avm::read(&bytes[..cut]),
            Err(ArchiveError::BadEnd { offset: 156 }),
            "cut at {cut}"
        );
    }
}

#[test]
fn a_zero_size_section_must_be_the_end_marker() {
    let mut bytes = avm::write(&sample_entries()).unwrap();
    let end = bytes.len() - 4;
    bytes[end..].copy_from_slice(b"eNd\0");
    assert_eq!(avm::read(&bytes), Err(ArchiveError::BadEnd { offset: 156 }));
}

#[test]
fn section_size_past_eof() {
    let mut bytes = avm::write(&sample_entries()).unwrap();
    // Cut in the middle of the second section.
    assert!(matches!(
        avm::read(&bytes[..100]),
        Err(ArchiveError::BadSectionSize {
            offset: 72,
            size: 44,
            problem
        }) if problem.contains("past the end")
    ));
    // First section claims 4 KiB.
    bytes[24..28].copy_from_slice(&be(0x1000));
    assert!(matches!(
        avm::read(&bytes),
        Err(ArchiveError::BadSectionSize {
            offset: 24,
            size: 0x1000,
            problem
        }) if problem.contains("past the end")
    ));
    bytes[24..28].copy_from_slice(&be(u32::MAX));
    assert!(matches!(
        avm::read(&bytes),
        Err(ArchiveError::BadSectionSize {
            offset: 24,
            size: u32::MAX,
            ..
        })
    ));
}

#[test]
fn section_size_not_multiple_of_4() {
    let mut bytes = avm::write(&sample_entries()).unwrap();
    bytes[24..28].copy_from_slice(&be(46));
    let err = avm::read(&bytes).unwrap_err();
    assert!(
        matches!(
            err,
            ArchiveError::BadSectionSize {
                offset: 24,
                size: 46,
                problem
            } if problem.contains("multiple of 4")
        ),
        "{err:?}"
    );
    // The message names the offset in hex.
    assert!(err.to_string().contains("0x18"), "{err}");
}

#[test]
fn section_size_smaller_than_its_header_is_refused() {
    for size in [4, 8, 12] {
        let bytes = [
            HEADER.as_slice(),
            &be(size),
            &be(2),
            &be(0),
            b"a.beam\0\0",
            &END,
        ]
        .concat();
        assert!(avm::read(&bytes).is_err(), "size {size}");
    }
}

#[test]
fn unterminated_name() {
    // Section of 16 bytes whose 4-byte name area has no NUL.
    let bytes = [HEADER.as_slice(), &be(16), &be(2), &be(0), b"abcd", &END].concat();
    assert_eq!(
        avm::read(&bytes),
        Err(ArchiveError::UnterminatedName { offset: 24 })
    );
    // The NUL must be inside the section, not in the next one.
    let bytes = [
        HEADER.as_slice(),
        &be(20),
        &be(4),
        &be(0),
        b"abcdefgh",
        &END,
    ]
    .concat();
    assert_eq!(
        avm::read(&bytes),
        Err(ArchiveError::UnterminatedName { offset: 24 })
    );
}

#[test]
fn name_not_utf8() {
    let bytes = [
        HEADER.as_slice(),
        &be(20),
        &be(4),
        &be(0),
        b"a\xFF\0\0",
        &be(0),
        &END,
    ]
    .concat();
    assert!(matches!(
        avm::read(&bytes),
        Err(ArchiveError::BadEntry { offset: 24, .. })
    ));
}

#[test]
fn plain_file_length_past_section() {
    // Length 100 but only 8 content bytes in the section.
    let bytes = [
        HEADER.as_slice(),
        &be(12 + 4 + 12),
        &be(4),
        &be(0),
        b"a/b\0",
        &be(100),
        b"12345678",
        &END,
    ]
    .concat();
    assert!(matches!(
        avm::read(&bytes),
        Err(ArchiveError::BadEntry { offset: 24, ref name, problem })
            if name == "a/b" && problem.contains("past the section")
    ));
    // Length 9 where only 8 bytes remain (off by one, and the next section's bytes
    // must not be borrowed).
    let bytes = [
        HEADER.as_slice(),
        &be(12 + 4 + 12),
        &be(4),
        &be(0),
        b"a/b\0",
        &be(9),
        b"12345678",
        &END,
    ]
    .concat();
    assert!(matches!(
        avm::read(&bytes),
        Err(ArchiveError::BadEntry { offset: 24, .. })
    ));
    // Exactly 8 is fine.
    let bytes = [
        HEADER.as_slice(),
        &be(12 + 4 + 12),
        &be(4),
        &be(0),
        b"a/b\0",
        &be(8),
        b"12345678",
        &END,
    ]
    .concat();
    assert_eq!(
        avm::read(&bytes).unwrap().entries,
        [Entry::file("a/b", b"12345678".to_vec())]
    );
}

#[test]
fn plain_file_without_length_prefix() {
    let bytes = [HEADER.as_slice(), &be(16), &be(4), &be(0), b"a/b\0", &END].concat();
    assert!(matches!(
        avm::read(&bytes),
        Err(ArchiveError::BadEntry { offset: 24, ref name, problem })
            if name == "a/b" && problem.contains("4-byte length")
    ));
}

#[test]
fn error_offsets_point_at_later_sections() {
    // Corrupt the file section (third, at 116): its length claims 1000 bytes.
    let mut bytes = avm::write(&sample_entries()).unwrap();
    bytes[144..148].copy_from_slice(&be(1000));
    assert!(matches!(
        avm::read(&bytes),
        Err(ArchiveError::BadEntry { offset: 116, .. })
    ));
}

#[test]
fn beam_section_with_invalid_iff_keeps_raw_content() {
    // The reader trims beam content by its IFF length only when it parses; otherwise it
    // keeps the whole (padded) content.
    let entries = [Entry::beam("x.beam", b"not a beam".to_vec(), false)];
    let bytes = avm::write(&entries).unwrap();
    let archive = avm::read(&bytes).unwrap();
    assert_eq!(archive.entries[0].data, b"not a beam\0\0");
}

// ---- writer errors ----

fn invalid_name(entries: &[Entry]) -> NameProblem {
    match avm::write(entries) {
        Err(ArchiveError::InvalidName { problem, .. }) => problem,
        other => panic!("expected InvalidName, got {other:?}"),
    }
}

#[test]
fn duplicate_names() {
    let entries = [
        Entry::beam("a.beam", start_beam(), true),
        Entry::file("x/y", vec![1]),
        Entry::beam("a.beam", start_beam(), false),
    ];
    assert_eq!(
        avm::write(&entries),
        Err(ArchiveError::DuplicateEntry {
            name: "a.beam".into()
        })
    );
    // A file and a module can clash too.
    let entries = [
        Entry::file("m.beam", vec![]),
        Entry::beam("m.beam", start_beam(), false),
    ];
    assert_eq!(
        avm::write(&entries),
        Err(ArchiveError::DuplicateEntry {
            name: "m.beam".into()
        })
    );
    let entries = [Entry::file("x/y", vec![1]), Entry::file("x/y", vec![2])];
    assert!(matches!(
        avm::write(&entries),
        Err(ArchiveError::DuplicateEntry { .. })
    ));
}

#[test]
fn beam_names_with_path_separators() {
    for name in ["a/b.beam", "a\\b.beam", "/b.beam", "lib/x/ebin/m.beam"] {
        assert_eq!(
            invalid_name(&[Entry::beam(name, start_beam(), false)]),
            NameProblem::ModuleWithSeparator,
            "{name}"
        );
    }
}

#[test]
fn bad_beam_names() {
    assert_eq!(
        invalid_name(&[Entry::beam("mod.erl", start_beam(), true)]),
        NameProblem::NotBeamName
    );
    assert_eq!(
        invalid_name(&[Entry::beam(".beam", start_beam(), true)]),
        NameProblem::NotBeamName
    );
    assert_eq!(
        invalid_name(&[Entry::beam("", start_beam(), true)]),
        NameProblem::Empty
    );
    assert_eq!(
        invalid_name(&[Entry::beam("a\0.beam", start_beam(), true)]),
        NameProblem::Nul
    );
}

#[test]
fn unsafe_file_paths() {
    for name in [
        "..",
        "../x",
        "app/../x",
        "app/priv/..",
        "app/../../etc/passwd",
        "/etc/passwd",
        "a//b",
        "a/",
        "./a",
        "a/./b",
        "a\\b",
        "C:\\x",
    ] {
        assert_eq!(
            invalid_name(&[Entry::file(name, vec![1, 2, 3])]),
            NameProblem::UnsafePath,
            "{name}"
        );
    }
    assert_eq!(invalid_name(&[Entry::file("", vec![])]), NameProblem::Empty);
    assert_eq!(
        invalid_name(&[Entry::file("a\0b", vec![])]),
        NameProblem::Nul
    );
}

#[test]
fn invalid_name_is_reported_escaped() {
    match avm::write(&[Entry::file("a\0b", vec![])]) {
        Err(ArchiveError::InvalidName { name, .. }) => assert_eq!(name, "a\\0b"),
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_bad_entry_anywhere_fails_the_whole_write() {
    let mut entries = sample_entries();
    entries.push(Entry::file("../evil", vec![]));
    assert!(avm::write(&entries).is_err());
}

#[test]
fn names_with_dots_that_are_not_dot_components_are_fine() {
    for name in ["a/.hidden", "a/b..c", "...", "a/..b", "x.tar.gz"] {
        assert_eq!(validate_name(name, EntryKind::File), Ok(()), "{name}");
        let entries = [Entry::file(name, vec![9])];
        assert_eq!(
            avm::read(&avm::write(&entries).unwrap()).unwrap().entries,
            entries
        );
    }
}

// ---- regressions ----

/// `Archive::len` is the offset just past the end section: for an end section cut off
/// by the end of the file it must not point past the input (`&bytes[..len]` would panic).
#[test]
fn archive_len_never_exceeds_input() {
    // End section with the one-character name "e" and no padding: 38 bytes in all.
    let bytes = [HEADER.as_slice(), &[0; 12], b"e\0"].concat();
    // Refusing the truncated end section would be fine too.
    if let Ok(archive) = avm::read(&bytes) {
        assert!(
            archive.len <= bytes.len(),
            "Archive.len = {} but the input has {} bytes",
            archive.len,
            bytes.len()
        );
    }
}
