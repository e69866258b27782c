//! The bytes [`encode`] writes for each kind of term (the choices OTP 25's
//! `term_to_binary/1` makes), and round trips through [`decode`].

use super::decode_tests::{every_tag, int, node, v};
use super::*;

fn e(term: &Term) -> Vec<u8> {
    encode(term)
}

fn big(negative: bool, magnitude_le: &[u8]) -> Term {
    Term::BigInt {
        negative,
        magnitude_le: magnitude_le.to_vec(),
    }
}

#[test]
fn integers_take_the_smallest_encoding() {
    assert_eq!(e(&int(0)), v(&[97, 0]));
    assert_eq!(e(&int(255)), v(&[97, 255]));
    assert_eq!(e(&int(256)), v(&[98, 0, 0, 1, 0]));
    assert_eq!(e(&int(-1)), v(&[98, 0xff, 0xff, 0xff, 0xff]));
    assert_eq!(e(&int(i32::MAX.into())), v(&[98, 0x7f, 0xff, 0xff, 0xff]));
    assert_eq!(e(&int(i32::MIN.into())), v(&[98, 0x80, 0, 0, 0]));
    assert_eq!(e(&int(1 << 31)), v(&[110, 4, 0, 0, 0, 0, 0x80]));
    assert_eq!(e(&int(-(1 << 31) - 1)), v(&[110, 4, 1, 1, 0, 0, 0x80]));
    assert_eq!(
        e(&int(i64::MIN)),
        v(&[110, 8, 1, 0, 0, 0, 0, 0, 0, 0, 0x80])
    );
}

#[test]
fn bignums() {
    assert_eq!(
        e(&big(false, &[0, 0, 0, 0, 0, 0, 0, 0, 1])),
        v(&[110, 9, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1])
    );
    let mut large = vec![111, 0, 0, 1, 0, 1];
    large.extend([9; 256]);
    assert_eq!(e(&big(true, &[9; 256])), v(&large));
    // Not in normal form: trailing zeros and values that fit i64.
    assert_eq!(e(&big(false, &[5, 0, 0])), v(&[97, 5]));
    assert_eq!(e(&big(true, &[])), v(&[97, 0]));
    assert_eq!(
        e(&big(true, &[1, 0, 0, 0, 0x80, 0])),
        v(&[110, 5, 1, 1, 0, 0, 0, 0x80])
    );
    assert_eq!(Term::big(false, &[1, 0]), int(1));
    assert_eq!(Term::big(true, &[0; 9]), int(0));
    assert_eq!(
        Term::big(false, &[0, 0, 0, 0, 0, 0, 0, 0x80, 0]),
        big(false, &[0, 0, 0, 0, 0, 0, 0, 0x80])
    );
}

#[test]
fn floats_are_new_floats() {
    assert_eq!(e(&Term::Float(1.5)), v(&[70, 0x3f, 0xf8, 0, 0, 0, 0, 0, 0]));
    assert_eq!(e(&Term::Float(-0.0)), v(&[70, 0x80, 0, 0, 0, 0, 0, 0, 0]));
}

#[test]
fn atoms_latin1_when_possible() {
    assert_eq!(e(&Term::atom("ok")), v(&[100, 0, 2, b'o', b'k']));
    assert_eq!(e(&Term::atom("é")), v(&[100, 0, 1, 0xe9]));
    assert_eq!(e(&Term::atom("α")), v(&[119, 2, 0xce, 0xb1]));
    let long = "α".repeat(200);
    let expected = [&[118, 1, 144][..], long.as_bytes()].concat();
    assert_eq!(e(&Term::Atom(long)), v(&expected));
    let utf8 = EncodeOptions { utf8_atoms: true };
    assert_eq!(
        encode_with(&Term::atom("é"), utf8),
        v(&[119, 2, 0xc3, 0xa9])
    );
    assert_eq!(encode_with(&Term::atom(""), utf8), v(&[119, 0]));
    // Cut to what the format holds, on a character boundary.
    let huge = "α".repeat(40_000);
    let bytes = e(&Term::Atom(huge));
    assert_eq!(bytes[..4], [131, 118, 0xff, 0xfe]);
    assert_eq!(bytes.len(), 4 + 65_534);
}

#[test]
fn lists_strings_and_flattening() {
    assert_eq!(e(&Term::Nil), v(&[106]));
    let bytes = Term::list(vec![int(1), int(255)]);
    assert_eq!(e(&bytes), v(&[107, 0, 2, 1, 255]));
    let not_bytes = Term::list(vec![int(1), int(256)]);
    assert_eq!(
        e(&not_bytes),
        v(&[108, 0, 0, 0, 2, 97, 1, 98, 0, 0, 1, 0, 106])
    );
    let improper = Term::improper_list(vec![int(1)], int(2));
    assert_eq!(e(&improper), v(&[108, 0, 0, 0, 1, 97, 1, 97, 2]));
    // [1 | [2 | []]] and an empty List node are encoded as the value they denote.
    let chained = Term::improper_list(vec![int(1)], Term::list(vec![int(2)]));
    assert_eq!(e(&chained), v(&[107, 0, 2, 1, 2]));
    let empty_node = Term::List {
        elements: vec![],
        tail: Box::new(Term::atom("x")),
    };
    assert_eq!(e(&empty_node), v(&[100, 0, 1, b'x']));
    let long = Term::list(vec![int(7); 65_535]);
    assert_eq!(e(&long)[..4], [131, 107, 0xff, 0xff]);
    let longer = Term::list(vec![int(7); 65_536]);
    assert_eq!(e(&longer)[..6], [131, 108, 0, 1, 0, 0]);
}

#[test]
fn tuples_maps_binaries() {
    assert_eq!(e(&Term::Tuple(vec![])), v(&[104, 0]));
    let large = Term::Tuple(vec![Term::Nil; 256]);
    assert_eq!(
        e(&large),
        v(&[&[105, 0, 0, 1, 0][..], &[106; 256]].concat())
    );
    let map = Term::Map(vec![(int(2), Term::Nil), (int(1), Term::Nil)]);
    assert_eq!(e(&map), v(&[116, 0, 0, 0, 2, 97, 2, 106, 97, 1, 106]));
    assert_eq!(e(&Term::Binary(vec![1, 2])), v(&[109, 0, 0, 0, 2, 1, 2]));
    let bits = |bytes: &[u8], bits| Term::BitBinary {
        bytes: bytes.to_vec(),
        bits,
    };
    assert_eq!(
        e(&bits(&[0xff, 0xff], 3)),
        v(&[77, 0, 0, 0, 2, 3, 0xff, 0xe0])
    );
    assert_eq!(e(&bits(&[5], 8)), v(&[109, 0, 0, 0, 1, 5]));
    assert_eq!(e(&bits(&[], 3)), v(&[109, 0, 0, 0, 0]));
}

#[test]
fn identifiers_take_the_newest_encodings() {
    let pid = Term::Pid {
        node: node(),
        id: 1,
        serial: 2,
        creation: 3,
    };
    let node_bytes = [100, 0, 3, b'n', b'@', b'h'];
    let expected = [
        &[88][..],
        &node_bytes,
        &[0, 0, 0, 1, 0, 0, 0, 2, 0, 0, 0, 3],
    ]
    .concat();
    assert_eq!(e(&pid), v(&expected));
    let port = |id| Term::Port {
        node: node(),
        id,
        creation: 3,
    };
    let expected = [&[89][..], &node_bytes, &[0, 0, 0, 9, 0, 0, 0, 3]].concat();
    assert_eq!(e(&port(9)), v(&expected));
    let expected = [
        &[120][..],
        &node_bytes,
        &[0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 3],
    ]
    .concat();
    assert_eq!(e(&port(1 << 32)), v(&expected));
    let reference = Term::Reference {
        node: node(),
        creation: 3,
        ids: vec![7, 8],
    };
    let expected = [
        &[90, 0, 2][..],
        &node_bytes,
        &[0, 0, 0, 3, 0, 0, 0, 7, 0, 0, 0, 8],
    ]
    .concat();
    assert_eq!(e(&reference), v(&expected));
    let export = Term::ExportFun {
        module: Box::new(Term::atom("m")),
        function: Box::new(Term::atom("f")),
        arity: 2,
    };
    assert_eq!(
        e(&export),
        v(&[113, 100, 0, 1, b'm', 100, 0, 1, b'f', 97, 2])
    );
}

#[test]
fn closures_get_their_size() {
    let fun = |free_vars| Term::Fun {
        arity: 1,
        uniq: [9; 16],
        index: 4,
        module: Box::new(Term::atom("m")),
        old_index: 300,
        old_uniq: 7,
        pid: Box::new(Term::Pid {
            node: node(),
            id: 1,
            serial: 0,
            creation: 0,
        }),
        free_vars,
    };
    let with = fun(vec![int(1), Term::Tuple(vec![Term::atom("x")])]);
    let bytes = e(&with);
    let size = u32::from_be_bytes(bytes[2..6].try_into().unwrap());
    assert_eq!(size as usize, bytes.len() - 2);
    assert_eq!(
        bytes[6..31],
        [&[1][..], &[9; 16], &[0, 0, 0, 4, 0, 0, 0, 2]].concat()[..]
    );
    assert_eq!(
        bytes[31..45],
        [100, 0, 1, b'm', 98, 0, 0, 1, 44, 97, 7, 88, 100, 0]
    );
    assert_eq!(decode(&bytes).unwrap(), with);
    let without = fun(vec![]);
    assert_eq!(decode(&e(&without)).unwrap(), without);
}

#[test]
fn decoded_terms_round_trip() {
    let term = decode(&every_tag()).unwrap();
    let bytes = e(&term);
    assert_eq!(decode(&bytes).unwrap(), term);
    assert_eq!(
        e(&decode(&bytes).unwrap()),
        bytes,
        "canonical bytes are stable"
    );
}

/// Encoding takes no Rust stack per level of nesting.
#[test]
fn deep_terms_encode_without_recursion() {
    let depth = 200_000;
    let mut term = Term::Nil;
    for _ in 0..depth {
        term = Term::Tuple(vec![term]);
    }
    let bytes = e(&term);
    assert_eq!(bytes.len(), 2 + 2 * depth);
    // Taken apart by hand: the derived `Drop` would recurse.
    while let Term::Tuple(mut items) = term {
        term = items.pop().unwrap_or(Term::Nil);
    }
}
