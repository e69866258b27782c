//! Every kind of [`EtfError`], with its offset, and no panic on mangled input.

use super::decode_tests::{every_tag, fun_body, nested, v, zlib, NODE};
use super::*;
use std::time::{Duration, Instant};

fn err(bytes: &[u8]) -> (usize, EtfErrorKind) {
    let e = decode(bytes).expect_err("should not decode");
    (e.offset, e.kind)
}

/// The error for `body` after the version byte.
fn err_v(body: &[u8]) -> (usize, EtfErrorKind) {
    err(&v(body))
}

fn compressed_sample() -> Vec<u8> {
    let inner = &every_tag()[1..];
    let size = u32::try_from(inner.len()).unwrap();
    [&[131, 80][..], &size.to_be_bytes(), &zlib(inner)].concat()
}

#[test]
fn truncated_at_every_byte() {
    let full = every_tag();
    for len in 0..full.len() {
        let e = decode(&full[..len]).unwrap_err();
        assert!(
            matches!(
                e.kind,
                EtfErrorKind::Truncated { .. } | EtfErrorKind::TooManyElements { .. }
            ),
            "cut at {len}: {e}"
        );
        assert!(e.offset <= len, "cut at {len}: {e}");
    }
    assert_eq!(
        err(&[]),
        (
            0,
            EtfErrorKind::Truncated {
                needed: 1,
                available: 0
            }
        )
    );
    assert_eq!(
        err(&[131, 98, 0, 0]),
        (
            2,
            EtfErrorKind::Truncated {
                needed: 4,
                available: 2
            }
        )
    );
}

#[test]
fn compressed_truncated_at_every_byte() {
    let full = compressed_sample();
    assert!(decode(&full).is_ok());
    for len in 0..full.len() {
        let e = decode(&full[..len]).unwrap_err();
        assert!(
            matches!(
                e.kind,
                EtfErrorKind::Truncated { .. } | EtfErrorKind::Inflate(_)
            ),
            "cut at {len}: {e}"
        );
    }
}

#[test]
fn version_and_trailing_bytes() {
    assert_eq!(err(&[130, 97, 1]), (0, EtfErrorKind::BadVersion(130)));
    assert_eq!(err(&[97, 1]), (0, EtfErrorKind::BadVersion(97)));
    assert_eq!(err(&[131, 97, 1, 0]), (3, EtfErrorKind::TrailingBytes(1)));
    assert_eq!(
        err(&[131, 106, 106, 106]),
        (2, EtfErrorKind::TrailingBytes(2))
    );
    let e = decode(&[131, 97, 1, 0]).unwrap_err();
    assert_eq!(e.to_string(), "1 bytes left after the term (at byte 3)");
}

#[test]
fn huge_counts_fail_fast() {
    let start = Instant::now();
    let too_many = |count, available| EtfErrorKind::TooManyElements { count, available };
    let max = [0xff, 0xff, 0xff, 0xff];
    assert_eq!(
        err_v(&[&[105][..], &max, &[97, 1]].concat()),
        (1, too_many(u64::from(u32::MAX), 2))
    );
    assert_eq!(
        err_v(&[&[108][..], &max, &[106]].concat()),
        (1, too_many(u64::from(u32::MAX), 1))
    );
    assert_eq!(
        err_v(&[&[116][..], &max].concat()),
        (1, too_many(u64::from(u32::MAX), 0))
    );
    // A map needs two bytes a pair at least.
    assert_eq!(err_v(&[116, 0, 0, 0, 2, 97, 1, 97]), (1, too_many(2, 3)));
    // A list tail claiming more elements than are left.
    let tail = [108, 0, 0, 0, 1, 97, 1, 108, 0xff, 0xff, 0xff, 0xff];
    assert_eq!(err_v(&tail), (8, too_many(u64::from(u32::MAX), 0)));
    // Byte strings are read, not allocated, before their length is checked.
    let truncated = |needed, available| EtfErrorKind::Truncated { needed, available };
    assert_eq!(
        err_v(&[&[109][..], &max].concat()),
        (6, truncated(u32::MAX as usize, 0))
    );
    assert_eq!(
        err_v(&[&[77][..], &max, &[3]].concat()),
        (7, truncated(u32::MAX as usize, 0))
    );
    assert_eq!(
        err_v(&[&[111][..], &max, &[0]].concat()),
        (7, truncated(u32::MAX as usize, 0))
    );
    assert_eq!(err_v(&[107, 0xff, 0xff, 1]), (4, truncated(65535, 1)));
    // A closure claiming 4 billion free variables.
    let mut fun = fun_body(&[]);
    fun[26..30].copy_from_slice(&max);
    let available = fun.len() - 30;
    assert_eq!(err_v(&fun), (27, too_many(u64::from(u32::MAX), available)));
    assert!(start.elapsed() < Duration::from_secs(1));
}

#[test]
fn a_million_nested_containers_fail_without_crashing() {
    for kind in ["tuple", "list", "map"] {
        let bytes = nested(kind, 1_000_000);
        let start = Instant::now();
        let (offset, kind_found) = err(&bytes);
        assert_eq!(kind_found, EtfErrorKind::TooDeep(MAX_DEPTH), "{kind}");
        let per_level = match kind {
            "tuple" => 2,
            "list" => 5,
            _ => 7,
        };
        assert_eq!(offset, 1 + per_level * MAX_DEPTH, "{kind}");
        assert!(start.elapsed() < Duration::from_secs(2), "{kind}");
    }
    // Nesting through free variables counts too.
    let mut bytes = vec![131];
    let fun = fun_body(&[&[]]);
    for _ in 0..=MAX_DEPTH {
        bytes.extend(&fun);
    }
    assert_eq!(err(&bytes).1, EtfErrorKind::TooDeep(MAX_DEPTH));
}

#[test]
fn atoms_invalid_or_too_long() {
    assert_eq!(
        err_v(&[118, 0, 2, 0xce, 0x41]),
        (4, EtfErrorKind::InvalidUtf8)
    );
    assert_eq!(err_v(&[119, 1, 0xff]), (3, EtfErrorKind::InvalidUtf8));
    assert_eq!(
        err_v(&[119, 2, 0xc0, 0x80]),
        (3, EtfErrorKind::InvalidUtf8),
        "overlong"
    );
    let mut latin = vec![100, 1, 0];
    latin.extend([b'a'; 256]);
    assert_eq!(err_v(&latin), (1, EtfErrorKind::AtomTooLong(256)));
    let text = "α".repeat(256);
    let len = u16::try_from(text.len()).unwrap().to_be_bytes();
    let utf8 = [&[118][..], &len, text.as_bytes()].concat();
    assert_eq!(err_v(&utf8), (1, EtfErrorKind::AtomTooLong(256)));
    // 255 characters of 4 bytes each are fine.
    let text = "😀".repeat(255);
    let len = u16::try_from(text.len()).unwrap().to_be_bytes();
    assert_eq!(
        decode(&v(&[&[118][..], &len, text.as_bytes()].concat())).unwrap(),
        Term::Atom(text)
    );
}

#[test]
fn tags_not_accepted() {
    for tag in [
        0, 1, 69, 71, 75, 76, 78, 81, 83, 87, 91, 96, 117, 122, 130, 131, 255,
    ] {
        assert_eq!(err_v(&[tag]), (1, EtfErrorKind::UnknownTag(tag)), "{tag}");
    }
    assert_eq!(err_v(&[82, 0]), (1, EtfErrorKind::AtomCacheRef));
    assert_eq!(err_v(&[121, 0]), (1, EtfErrorKind::LocalExt));
    let nested = [104, 1, 80, 0, 0, 0, 1, 0x78, 0x9c];
    assert_eq!(err_v(&nested), (3, EtfErrorKind::MisplacedCompressed));
}

#[test]
fn fields_with_wrong_tags() {
    let pid = [&[88, 97, 1][..], &[0; 12]].concat();
    let field = "pid node";
    assert_eq!(err_v(&pid), (2, EtfErrorKind::NotAnAtom { field, tag: 97 }));
    assert_eq!(err_v(&[88, 82, 0]), (2, EtfErrorKind::AtomCacheRef));
    let export = [113, 100, 0, 1, b'm', 119, 1, b'f', 98, 0, 0, 0, 2];
    let field = "export arity";
    assert_eq!(
        err_v(&export),
        (9, EtfErrorKind::BadFieldTag { field, tag: 98 })
    );
    let export = [113, 100, 0, 1, b'm', 104, 0, 97, 2];
    let field = "export function";
    assert_eq!(
        err_v(&export),
        (6, EtfErrorKind::NotAnAtom { field, tag: 104 })
    );
    let mut fun = fun_body(&[]);
    fun[34] = 100; // Old index: an atom tag instead of SMALL_INTEGER_EXT.
    let field = "fun old index";
    assert_eq!(
        err_v(&fun),
        (35, EtfErrorKind::BadFieldTag { field, tag: 100 })
    );
    let mut fun = fun_body(&[]);
    fun[41] = 106; // The pid: NIL_EXT.
    let field = "fun pid";
    assert_eq!(
        err_v(&fun),
        (42, EtfErrorKind::BadFieldTag { field, tag: 106 })
    );
}

#[test]
fn bad_numbers() {
    let mut old = vec![99];
    old.extend(b"1.5 ");
    old.resize(32, 0);
    assert_eq!(err_v(&old), (1, EtfErrorKind::BadFloatText));
    let mut huge = vec![99];
    huge.extend(b"1.5e400");
    huge.resize(32, 0);
    assert_eq!(err_v(&huge), (1, EtfErrorKind::NonFiniteFloat));
    for bits in [f64::INFINITY, f64::NEG_INFINITY, f64::NAN] {
        let body = [&[70][..], &bits.to_bits().to_be_bytes()].concat();
        assert_eq!(err_v(&body), (1, EtfErrorKind::NonFiniteFloat));
    }
    // A bignum's sign byte other than 0 is negative (the BEAM reads it so).
    assert_eq!(decode(&v(&[110, 1, 2, 5])), Ok(Term::Integer(-5)));
    assert_eq!(
        decode(&v(&[111, 0, 0, 0, 1, 255, 5])),
        Ok(Term::Integer(-5))
    );
}

#[test]
fn bad_bitstrings_and_references() {
    let bad = |len, bits| EtfErrorKind::BadBitCount { len, bits };
    assert_eq!(err_v(&[77, 0, 0, 0, 1, 0, 5]), (1, bad(1, 0)));
    assert_eq!(err_v(&[77, 0, 0, 0, 0, 8]), (1, bad(0, 8)));
    assert_eq!(err_v(&[77, 0, 0, 0, 1, 9, 5]), (1, bad(1, 9)));
    let six = [&[90, 0, 6][..], &NODE, &[0; 28]].concat();
    assert_eq!(err_v(&six), (1, EtfErrorKind::TooManyReferenceIds(6)));
    let six = [&[114, 0, 6][..], &NODE, &[0; 25]].concat();
    assert_eq!(err_v(&six), (1, EtfErrorKind::TooManyReferenceIds(6)));
}

#[test]
fn fun_size_must_match() {
    for free in [&[][..], &[&[97, 1][..]][..]] {
        let good = fun_body(free);
        let declared = u32::from_be_bytes(good[1..5].try_into().unwrap());
        let actual = good.len() - 1;
        for wrong in [declared - 1, declared + 1, 0, u32::MAX] {
            let mut fun = good.clone();
            fun[1..5].copy_from_slice(&wrong.to_be_bytes());
            let e = EtfErrorKind::FunSize {
                declared: wrong,
                actual,
            };
            assert_eq!(err_v(&fun), (1, e));
        }
    }
}

#[test]
fn compressed_errors() {
    let huge = [131, 80, 0x10, 0, 0, 1, 0x78, 0x9c];
    assert_eq!(
        err(&huge),
        (1, EtfErrorKind::InflatedTooLarge(MAX_INFLATED + 1))
    );
    let garbage = [131, 80, 0, 0, 0, 1, 1, 2, 3, 4, 5, 6];
    assert!(matches!(err(&garbage), (6, EtfErrorKind::Inflate(_))));
    let inner = [97, 1];
    let short = [&[131, 80, 0, 0, 0, 3][..], &zlib(&inner)].concat();
    let size = |declared, actual| EtfErrorKind::InflatedSize { declared, actual };
    assert_eq!(err(&short), (6, size(3, 2)));
    let long = [&[131, 80, 0, 0, 0, 1][..], &zlib(&inner)].concat();
    assert_eq!(err(&long), (6, size(1, 2)));
    let bad_inner = [&[131, 80, 0, 0, 0, 2][..], &zlib(&[98, 1])].concat();
    let inner_err = EtfError {
        offset: 1,
        kind: EtfErrorKind::Truncated {
            needed: 4,
            available: 1,
        },
    };
    assert_eq!(
        err(&bad_inner),
        (6, EtfErrorKind::Compressed(Box::new(inner_err)))
    );
    let trailing_inner = [&[131, 80, 0, 0, 0, 3][..], &zlib(&[97, 1, 0])].concat();
    let inner_err = EtfError {
        offset: 2,
        kind: EtfErrorKind::TrailingBytes(1),
    };
    assert_eq!(
        err(&trailing_inner),
        (6, EtfErrorKind::Compressed(Box::new(inner_err)))
    );
    let mut after = [&[131, 80, 0, 0, 0, 2][..], &zlib(&inner)].concat();
    let len = after.len();
    after.push(0);
    assert_eq!(err(&after), (len, EtfErrorKind::TrailingBytes(1)));
}

/// A small deterministic generator (xorshift), for mangling input.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

#[test]
fn mangled_input_never_panics() {
    let samples = [every_tag(), compressed_sample()];
    for sample in &samples {
        for at in 0..sample.len() {
            for byte in [0, 1, 2, 0x7f, 0x80, 0xfe, 0xff, 104, 106, 108, 116, 131] {
                let mut bytes = sample.clone();
                bytes[at] = byte;
                let _ = decode(&bytes);
                let _ = decode_prefix(&bytes);
            }
        }
    }
    let mut rng = Rng(0x2545_f491_4f6c_dd1d);
    let tags: Vec<u8> = (70..=121).collect();
    for _ in 0..50_000 {
        let len = (rng.next() % 48) as usize;
        let mut bytes = vec![131];
        for _ in 0..len {
            let r = rng.next();
            bytes.push(if r % 3 == 0 {
                tags[(r >> 8) as usize % tags.len()]
            } else {
                (r >> 16) as u8 % 8
            });
        }
        if let Ok(term) = decode(&bytes) {
            assert_eq!(decode(&encode(&term)).unwrap(), term, "{bytes:?}");
        }
    }
}
