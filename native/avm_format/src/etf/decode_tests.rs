//! Decoding each tag, and the normal form of what it decodes to.

use super::*;
use flate2::{write::ZlibEncoder, Compression};
use std::io::Write;

/// `body` after the version byte.
pub(super) fn v(body: &[u8]) -> Vec<u8> {
    [&[131][..], body].concat()
}

/// Decodes `body` (no version byte), which must be valid.
pub(super) fn d(body: &[u8]) -> Term {
    decode(&v(body)).unwrap_or_else(|e| panic!("{body:?}: {e}"))
}

pub(super) fn int(i: i64) -> Term {
    Term::Integer(i)
}

pub(super) fn node() -> Box<Term> {
    Box::new(Term::atom("n@h"))
}

/// `ATOM_EXT` for `n@h`.
pub(super) const NODE: [u8; 6] = [100, 0, 3, b'n', b'@', b'h'];

pub(super) fn zlib(data: &[u8]) -> Vec<u8> {
    let mut enc = ZlibEncoder::new(Vec::new(), Compression::default());
    enc.write_all(data).unwrap();
    enc.finish().unwrap()
}

/// A `NEW_FUN_EXT` body (tag included) with the given free variables (encoded), its
/// size computed.
pub(super) fn fun_body(free: &[&[u8]]) -> Vec<u8> {
    let mut rest = vec![2];
    rest.extend([7u8; 16]);
    rest.extend(5u32.to_be_bytes());
    rest.extend(u32::try_from(free.len()).unwrap().to_be_bytes());
    rest.extend([100, 0, 1, b'm']);
    rest.extend([97, 5]);
    rest.extend([98, 0xff, 0xff, 0xff, 0xfe]);
    rest.extend([88]);
    rest.extend(NODE);
    rest.extend([0, 0, 0, 1, 0, 0, 0, 2, 0, 0, 0, 3]);
    for f in free {
        rest.extend(*f);
    }
    let size = u32::try_from(rest.len() + 4).unwrap();
    [&[112][..], &size.to_be_bytes(), &rest].concat()
}

/// A term using every tag the decoder reads, encoded by hand (used for truncation).
pub(super) fn every_tag() -> Vec<u8> {
    let mut b = vec![131, 105, 0, 0, 0, 27];
    b.extend([97, 7]);
    b.extend([98, 0x80, 0, 0, 0]);
    b.extend([99]);
    b.extend(b"1.50000000000000000000e+00\0\0\0\0\0");
    b.extend([70, 0x3f, 0xf8, 0, 0, 0, 0, 0, 0]);
    b.extend([100, 0, 2, b'o', 0xe9]);
    b.extend([115, 1, b'x']);
    b.extend([118, 0, 2, 0xce, 0xb1]);
    b.extend([119, 2, 0xce, 0xb1]);
    b.extend([104, 0]);
    b.extend([106]);
    b.extend([107, 0, 2, 1, 2]);
    b.extend([108, 0, 0, 0, 1, 97, 1, 100, 0, 1, b't']);
    b.extend([109, 0, 0, 0, 2, 1, 2]);
    b.extend([77, 0, 0, 0, 1, 3, 0xe0]);
    b.extend([110, 9, 1, 0, 0, 0, 0, 0, 0, 0, 0, 1]);
    b.extend([111, 0, 0, 0, 9, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1]);
    b.extend([116, 0, 0, 0, 1, 97, 1, 97, 2]);
    b.extend(
        [103]
            .iter()
            .chain(&NODE)
            .chain(&[0, 0, 0, 1, 0, 0, 0, 2, 3]),
    );
    b.extend(
        [88].iter()
            .chain(&NODE)
            .chain(&[0, 0, 0, 1, 0, 0, 0, 2, 0, 0, 0, 3]),
    );
    b.extend([102].iter().chain(&NODE).chain(&[0, 0, 0, 1, 3]));
    b.extend([89].iter().chain(&NODE).chain(&[0, 0, 0, 1, 0, 0, 0, 3]));
    b.extend(
        [120]
            .iter()
            .chain(&NODE)
            .chain(&[0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 3]),
    );
    b.extend([101].iter().chain(&NODE).chain(&[0, 0, 0, 1, 3]));
    b.extend([114, 0, 1].iter().chain(&NODE).chain(&[3, 0, 0, 0, 1]));
    b.extend(
        [90, 0, 1]
            .iter()
            .chain(&NODE)
            .chain(&[0, 0, 0, 3, 0, 0, 0, 1]),
    );
    b.extend([113, 100, 0, 1, b'm', 100, 0, 1, b'f', 97, 2]);
    b.extend(fun_body(&[&[97, 1]]));
    b
}

#[test]
fn integers() {
    assert_eq!(d(&[97, 0]), int(0));
    assert_eq!(d(&[97, 255]), int(255));
    assert_eq!(d(&[98, 0xff, 0xff, 0xff, 0xff]), int(-1));
    assert_eq!(d(&[98, 0x80, 0, 0, 0]), int(-(1 << 31)));
    assert_eq!(d(&[98, 0, 0, 1, 0]), int(256));
}

#[test]
fn bignums_fitting_i64_are_integers() {
    assert_eq!(d(&[110, 1, 1, 5]), int(-5));
    assert_eq!(d(&[110, 0, 0]), int(0));
    assert_eq!(d(&[110, 2, 1, 0, 0]), int(0), "negative zero");
    assert_eq!(d(&[110, 4, 0, 0, 0, 0, 0x80]), int(1 << 31));
    let max = [110, 8, 0, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f];
    assert_eq!(d(&max), int(i64::MAX));
    let min = [110, 8, 1, 0, 0, 0, 0, 0, 0, 0, 0x80];
    assert_eq!(d(&min), int(i64::MIN));
    let padded = [111, 0, 0, 0, 10, 0, 7, 0, 0, 0, 0, 0, 0, 0, 0, 0];
    assert_eq!(d(&padded), int(7));
}

#[test]
fn bignums_beyond_i64() {
    let two63 = [110, 8, 0, 0, 0, 0, 0, 0, 0, 0, 0x80];
    assert_eq!(
        d(&two63),
        Term::BigInt {
            negative: false,
            magnitude_le: vec![0, 0, 0, 0, 0, 0, 0, 0x80]
        }
    );
    let min_minus_1 = [110, 8, 1, 1, 0, 0, 0, 0, 0, 0, 0x80];
    assert_eq!(
        d(&min_minus_1),
        Term::BigInt {
            negative: true,
            magnitude_le: vec![1, 0, 0, 0, 0, 0, 0, 0x80]
        }
    );
    let mut large = vec![111, 0, 0, 1, 2, 1];
    large.extend([0xab; 256]);
    large.extend([0, 0]);
    assert_eq!(
        d(&large),
        Term::BigInt {
            negative: true,
            magnitude_le: vec![0xab; 256]
        }
    );
}

#[test]
fn floats() {
    assert_eq!(d(&[70, 0x3f, 0xf8, 0, 0, 0, 0, 0, 0]), Term::Float(1.5));
    let Term::Float(neg_zero) = d(&[70, 0x80, 0, 0, 0, 0, 0, 0, 0]) else {
        panic!()
    };
    assert!(neg_zero == 0.0 && neg_zero.is_sign_negative());
    let old = |text: &str| {
        let mut body = vec![99];
        body.extend(text.as_bytes());
        body.resize(32, 0);
        decode(&v(&body)).ok()
    };
    assert_eq!(old("1.50000000000000000000e+00"), Some(Term::Float(1.5)));
    assert_eq!(old("-2.5E-3"), Some(Term::Float(-0.0025)));
    assert_eq!(old("+1,5"), Some(Term::Float(1.5)));
    assert_eq!(old("00001.5"), Some(Term::Float(1.5)));
    assert_eq!(old("1.5e-400"), Some(Term::Float(0.0)));
    for bad in [
        "1", "1.", ".5", "1e3", " 1.5", "1.5 ", "1.5e", "1.5x", "inf", "nan", "",
    ] {
        assert_eq!(old(bad), None, "{bad:?}");
    }
    let mut after_nul = b"\x631.5\0junk".to_vec();
    after_nul.resize(32, 0);
    assert_eq!(d(&after_nul), Term::Float(1.5));
}

#[test]
fn atoms() {
    assert_eq!(d(&[100, 0, 2, b'o', b'k']), Term::atom("ok"));
    assert_eq!(d(&[100, 0, 1, 0xe9]), Term::atom("é"), "latin-1");
    assert_eq!(d(&[115, 1, 0xe9]), Term::atom("é"));
    assert_eq!(d(&[118, 0, 2, 0xce, 0xb1]), Term::atom("α"));
    assert_eq!(d(&[119, 2, 0xce, 0xb1]), Term::atom("α"));
    assert_eq!(d(&[119, 0]), Term::atom(""));
    let mut long = vec![118, 0x01, 0xfe];
    long.extend("α".repeat(255).as_bytes());
    assert_eq!(d(&long), Term::Atom("α".repeat(255)), "255 characters");
    let mut latin = vec![100, 0, 255];
    latin.extend([b'a'; 255]);
    assert_eq!(d(&latin), Term::Atom("a".repeat(255)));
}

#[test]
fn tuples() {
    assert_eq!(d(&[104, 0]), Term::Tuple(vec![]));
    assert_eq!(
        d(&[104, 2, 97, 1, 104, 1, 106]),
        Term::Tuple(vec![int(1), Term::Tuple(vec![Term::Nil])])
    );
    assert_eq!(d(&[105, 0, 0, 0, 0]), Term::Tuple(vec![]));
    let mut large = vec![105, 0, 0, 1, 0];
    large.extend([97, 3].repeat(256));
    assert_eq!(d(&large), Term::Tuple(vec![int(3); 256]));
}

#[test]
fn lists_and_strings() {
    assert_eq!(d(&[106]), Term::Nil);
    assert_eq!(d(&[107, 0, 2, 1, 2]), Term::list(vec![int(1), int(2)]));
    assert_eq!(d(&[107, 0, 0]), Term::Nil, "empty STRING_EXT");
    assert_eq!(
        d(&[108, 0, 0, 0, 2, 97, 1, 106, 106]),
        Term::list(vec![int(1), Term::Nil])
    );
    let improper = d(&[108, 0, 0, 0, 1, 97, 1, 97, 2]);
    assert_eq!(improper, Term::improper_list(vec![int(1)], int(2)));
    assert_eq!(
        d(&[108, 0, 0, 0, 0, 97, 2]),
        int(2),
        "no elements: the tail"
    );
    assert_eq!(d(&[108, 0, 0, 0, 0, 106]), Term::Nil);
}

#[test]
fn list_tails_are_flattened() {
    // [1 | [2 | [3 | "ab"]]] is [1, 2, 3, 97, 98]; then [1 | [2 | x]].
    let body = [
        108, 0, 0, 0, 1, 97, 1, 108, 0, 0, 0, 1, 97, 2, 108, 0, 0, 0, 1, 97, 3, 107, 0, 2, 97, 98,
    ];
    assert_eq!(d(&body), Term::list([1, 2, 3, 97, 98].map(int).to_vec()));
    let body = [
        108, 0, 0, 0, 1, 97, 1, 108, 0, 0, 0, 1, 97, 2, 100, 0, 1, b'x',
    ];
    assert_eq!(
        d(&body),
        Term::improper_list(vec![int(1), int(2)], Term::atom("x"))
    );
    let body = [108, 0, 0, 0, 1, 97, 1, 108, 0, 0, 0, 0, 107, 0, 0];
    assert_eq!(
        d(&body),
        Term::list(vec![int(1)]),
        "empty list and string tails"
    );
}

#[test]
fn long_tail_chain_does_not_nest() {
    let n = 1_000_000;
    let mut b = vec![131];
    for _ in 0..n {
        b.extend([108, 0, 0, 0, 1, 97, 1]);
    }
    b.push(106);
    let Term::List { elements, tail } = decode(&b).unwrap() else {
        panic!()
    };
    assert_eq!((elements.len(), *tail), (n, Term::Nil));
}

#[test]
fn binaries_and_bitstrings() {
    assert_eq!(d(&[109, 0, 0, 0, 0]), Term::Binary(vec![]));
    assert_eq!(d(&[109, 0, 0, 0, 3, 1, 2, 3]), Term::Binary(vec![1, 2, 3]));
    assert_eq!(
        d(&[77, 0, 0, 0, 2, 3, 0xff, 0xff]),
        Term::BitBinary {
            bytes: vec![0xff, 0xe0],
            bits: 3
        },
        "unused bits cleared"
    );
    assert_eq!(d(&[77, 0, 0, 0, 1, 8, 5]), Term::Binary(vec![5]));
    assert_eq!(d(&[77, 0, 0, 0, 0, 0]), Term::Binary(vec![]));
}

#[test]
fn maps_keep_encoded_order() {
    assert_eq!(d(&[116, 0, 0, 0, 0]), Term::Map(vec![]));
    let body = [116, 0, 0, 0, 2, 97, 2, 104, 0, 97, 1, 106];
    assert_eq!(
        d(&body),
        Term::Map(vec![(int(2), Term::Tuple(vec![])), (int(1), Term::Nil)])
    );
}

#[test]
fn pids_ports_references() {
    let pid = |creation| Term::Pid {
        node: node(),
        id: 1,
        serial: 2,
        creation,
    };
    let tail = [0, 0, 0, 1, 0, 0, 0, 2];
    assert_eq!(d(&[&[103][..], &NODE, &tail, &[3]].concat()), pid(3));
    assert_eq!(
        d(&[&[88][..], &NODE, &tail, &[0, 0, 1, 0]].concat()),
        pid(256)
    );
    let port = |id, creation| Term::Port {
        node: node(),
        id,
        creation,
    };
    assert_eq!(
        d(&[&[102][..], &NODE, &[0, 0, 0, 9, 3]].concat()),
        port(9, 3)
    );
    let new_port = [&[89][..], &NODE, &[0, 0, 0, 9, 0, 0, 1, 0]].concat();
    assert_eq!(d(&new_port), port(9, 256));
    let v4 = [&[120][..], &NODE, &[1, 0, 0, 0, 0, 0, 0, 9, 0, 0, 0, 4]].concat();
    assert_eq!(d(&v4), port((1 << 56) + 9, 4));
    let reference = |creation, ids: &[u32]| Term::Reference {
        node: node(),
        creation,
        ids: ids.to_vec(),
    };
    let old = [&[101][..], &NODE, &[0, 0, 0, 7, 2]].concat();
    assert_eq!(d(&old), reference(2, &[7]));
    let new = [&[114, 0, 2][..], &NODE, &[2, 0, 0, 0, 7, 0, 0, 0, 8]].concat();
    assert_eq!(d(&new), reference(2, &[7, 8]));
    let ids = [0, 0, 0, 1, 0, 0, 0, 2, 0, 0, 0, 3, 0, 0, 0, 4, 0, 0, 0, 5];
    let newer = [&[90, 0, 5][..], &NODE, &[0, 0, 1, 0], &ids].concat();
    assert_eq!(d(&newer), reference(256, &[1, 2, 3, 4, 5]));
    let none = [&[90, 0, 0][..], &NODE, &[0, 0, 0, 1]].concat();
    assert_eq!(d(&none), reference(1, &[]));
}

#[test]
fn export_and_closure() {
    let export = [
        113, 100, 0, 5, b'l', b'i', b's', b't', b's', 119, 3, b'm', b'a', b'p', 97, 2,
    ];
    assert_eq!(
        d(&export),
        Term::ExportFun {
            module: Box::new(Term::atom("lists")),
            function: Box::new(Term::atom("map")),
            arity: 2
        }
    );
    let fun = |free_vars| Term::Fun {
        arity: 2,
        uniq: [7; 16],
        index: 5,
        module: Box::new(Term::atom("m")),
        old_index: 5,
        old_uniq: -2,
        pid: Box::new(Term::Pid {
            node: node(),
            id: 1,
            serial: 2,
            creation: 3,
        }),
        free_vars,
    };
    assert_eq!(d(&fun_body(&[])), fun(vec![]));
    let free: [&[u8]; 2] = [&[97, 1], &[104, 1, 106]];
    assert_eq!(
        d(&fun_body(&free)),
        fun(vec![int(1), Term::Tuple(vec![Term::Nil])])
    );
}

#[test]
fn compressed() {
    let inner = [104, 2, 97, 1, 107, 0, 3, 1, 2, 3];
    let mut b = vec![131, 80, 0, 0, 0, 10];
    b.extend(zlib(&inner));
    let expected = Term::Tuple(vec![int(1), Term::list(vec![int(1), int(2), int(3)])]);
    assert_eq!(decode(&b).unwrap(), expected);
    let len = b.len();
    b.extend([1, 2, 3]);
    assert_eq!(decode_prefix(&b).unwrap(), (expected, len));
}

#[test]
fn prefix_reports_bytes_used() {
    let b = [131, 97, 1, 131, 97, 2];
    assert_eq!(decode_prefix(&b).unwrap(), (int(1), 3));
    assert!(decode(&every_tag()).is_ok());
}

#[test]
fn every_tag_sample_decodes() {
    let Term::Tuple(items) = decode(&every_tag()).unwrap() else {
        panic!()
    };
    assert_eq!(items.len(), 27);
    assert_eq!(items.get(4), Some(&Term::atom("oé")));
}

/// `depth` containers of `kind` nested in one another around `[]`.
pub(super) fn nested(kind: &str, depth: usize) -> Vec<u8> {
    let (open, close): (&[u8], &[u8]) = match kind {
        "tuple" => (&[104, 1], &[]),
        "list" => (&[108, 0, 0, 0, 1], &[106]),
        "map" => (&[116, 0, 0, 0, 1, 97, 1], &[]),
        _ => panic!("{kind}"),
    };
    [
        vec![131],
        open.repeat(depth),
        vec![106],
        close.repeat(depth),
    ]
    .concat()
}

/// A term at the depth limit decodes, and can be cloned, compared, printed, encoded
/// and dropped on a 2 MiB stack (a test thread's default) even in a debug build.
#[test]
fn max_depth_term_is_usable_on_a_small_stack() {
    for kind in ["tuple", "list", "map"] {
        let handle = std::thread::Builder::new()
            .stack_size(2 << 20)
            .spawn(move || {
                let term = decode(&nested(kind, MAX_DEPTH)).unwrap();
                let copy = term.clone();
                assert!(term == copy);
                assert!(format!("{term:?}").len() > MAX_DEPTH);
                assert_eq!(encode(&term), nested(kind, MAX_DEPTH));
                drop(term);
                let err = decode(&nested(kind, MAX_DEPTH + 1)).unwrap_err();
                assert_eq!(err.kind, EtfErrorKind::TooDeep(MAX_DEPTH), "{kind}");
            })
            .unwrap();
        handle.join().unwrap();
    }
}

#[test]
fn max_depth_can_be_raised() {
    let options = DecodeOptions { max_depth: 5_000 };
    let handle = std::thread::Builder::new()
        .stack_size(64 << 20)
        .spawn(move || {
            let bytes = nested("tuple", 5_000);
            let term = decode_with(&bytes, options).unwrap();
            assert_eq!(encode(&term), bytes);
            let err = decode(&bytes).unwrap_err();
            assert_eq!(
                (err.offset, err.kind),
                (1 + 2 * MAX_DEPTH, EtfErrorKind::TooDeep(MAX_DEPTH))
            );
            let (_, used) = decode_prefix_with(&[&bytes[..], &[0]].concat(), options).unwrap();
            assert_eq!(used, bytes.len());
        })
        .unwrap();
    handle.join().unwrap();
}

#[test]
fn native_records_round_trip_as_otp_29_writes_them() {
    // term_to_binary(#nr:point{x = 1, y = 0}) on OTP 29.1 (nr exports point).
    let bytes = [
        131, 67, 0, 0, 0, 2, 1, 119, 2, 110, 114, 119, 5, 112, 111, 105, 110, 116, 119, 1, 120,
        119, 1, 121, 97, 1, 97, 0,
    ];
    let term = decode(&bytes).unwrap();
    assert_eq!(
        term,
        Term::Record {
            exported: true,
            module: Box::new(Term::atom("nr")),
            name: Box::new(Term::atom("point")),
            fields: vec![Term::atom("x"), Term::atom("y")],
            values: vec![Term::Integer(1), Term::Integer(0)],
        }
    );
    let utf8 = EncodeOptions { utf8_atoms: true };
    assert_eq!(encode_with(&term, utf8), bytes);
    // A record without fields, not exported; a truncated one is an error.
    let empty = [131, 67, 0, 0, 0, 0, 0, 119, 1, 109, 119, 1, 114];
    assert_eq!(encode_with(&decode(&empty).unwrap(), utf8), empty);
    assert!(decode(&bytes[..bytes.len() - 2]).is_err());
}
