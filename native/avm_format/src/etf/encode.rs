//! The encoder: the bytes `erlang:term_to_binary/1` writes on OTP 25, built with an
//! explicit work stack so deep terms do not use Rust stack.

use super::leaf::last_byte_mask;
use super::tags;
use super::term::{small_value, Term};

/// How [`encode_with`] writes terms where the format allows a choice.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct EncodeOptions {
    /// Write every atom as UTF-8 (`SMALL_ATOM_UTF8_EXT`/`ATOM_UTF8_EXT`), as
    /// `term_to_binary(T, [{minor_version, 2}])` and OTP 26's default do. When unset,
    /// an atom whose characters are all Latin-1 is written as `ATOM_EXT` in Latin-1,
    /// as OTP 25's `term_to_binary/1` does.
    pub utf8_atoms: bool,
}

/// Encodes `term` as `erlang:term_to_binary/1` does on OTP 25: version byte 131, no
/// compression, the smallest integer encoding, `NEW_FLOAT_EXT`, atoms as
/// [`EncodeOptions::utf8_atoms`] describes (unset), `STRING_EXT` for a proper list
/// of at most 65,535 integers in `0..=255`, the newest pid, port and reference
/// encodings, map pairs in the order given.
///
/// Terms not in the decoder's normal form (see [`Term`]) are encoded as the value they
/// denote. What the format cannot hold is cut to its limit: an atom to 65,535 bytes,
/// a collection or binary to 2³²−1 elements or bytes, reference ids to 65,535. A
/// [`Term::BitBinary`] with `bits` 0 or 8 or more is written as a binary of all its
/// bytes.
///
/// ```
/// use avm_format::etf::{decode, encode, Term};
///
/// let term = Term::Tuple(vec![Term::atom("ok"), Term::list(vec![Term::Integer(1)])]);
/// let bytes = encode(&term);
/// assert_eq!(bytes, [131, 104, 2, 100, 0, 2, b'o', b'k', 107, 0, 1, 1]);
/// assert_eq!(decode(&bytes).unwrap(), term);
/// ```
pub fn encode(term: &Term) -> Vec<u8> {
    encode_with(term, EncodeOptions::default())
}

/// Encodes `term` like [`encode`], with the choices `options` makes.
pub fn encode_with(term: &Term, options: EncodeOptions) -> Vec<u8> {
    let mut encoder = Encoder {
        out: vec![tags::VERSION],
        work: vec![Work::Term(term)],
        options,
    };
    while let Some(item) = encoder.work.pop() {
        match item {
            Work::Term(term) => encoder.term(term),
            Work::Bytes(bytes) => encoder.out.extend_from_slice(&bytes),
            Work::FunSize(at) => encoder.patch_fun_size(at),
        }
    }
    encoder.out
}

/// What is still to be written, innermost last.
enum Work<'t> {
    /// A term.
    Term(&'t Term),
    /// Bytes to copy.
    Bytes(Vec<u8>),
    /// The end of a closure: patch its `Size` field, at this offset.
    FunSize(usize),
}

struct Encoder<'t> {
    out: Vec<u8>,
    work: Vec<Work<'t>>,
    options: EncodeOptions,
}

/// `len` as a 4-byte count, cut to `u32::MAX`.
fn count32(len: usize) -> u32 {
    u32::try_from(len).unwrap_or(u32::MAX)
}

/// The first `len` items of `items`.
fn first<T>(items: &[T], len: u32) -> &[T] {
    let len = usize::try_from(len).unwrap_or(usize::MAX);
    items.get(..len).unwrap_or(items)
}

/// `i` as a small integer: `SMALL_INTEGER_EXT` or `INTEGER_EXT`.
fn int32(i: i32) -> Vec<u8> {
    match u8::try_from(i) {
        Ok(byte) => vec![tags::SMALL_INTEGER, byte],
        Err(_) => [&[tags::INTEGER][..], &i.to_be_bytes()].concat(),
    }
}

/// The value of an integer term in `0..=255`, as `STRING_EXT` can hold it.
fn byte_value(term: &Term) -> Option<u8> {
    match term {
        Term::Integer(i) => u8::try_from(*i).ok(),
        Term::BigInt {
            negative,
            magnitude_le,
        } => small_value(*negative, trimmed(magnitude_le)).and_then(|i| u8::try_from(i).ok()),
        _ => None,
    }
}

/// `digits` without trailing (most significant) zero bytes.
fn trimmed(digits: &[u8]) -> &[u8] {
    let len = digits.iter().rposition(|&b| b != 0).map_or(0, |i| i + 1);
    digits.get(..len).unwrap_or(digits)
}

impl<'t> Encoder<'t> {
    fn put(&mut self, bytes: &[u8]) {
        self.out.extend_from_slice(bytes);
    }

    /// Queues `terms` to be written in order.
    fn then_all(&mut self, terms: impl DoubleEndedIterator<Item = &'t Term>) {
        self.work.extend(terms.rev().map(Work::Term));
    }

    fn term(&mut self, term: &'t Term) {
        match term {
            Term::Integer(i) => self.integer(*i),
            Term::BigInt {
                negative,
                magnitude_le,
            } => {
                let digits = trimmed(magnitude_le);
                match small_value(*negative, digits) {
                    Some(i) => self.integer(i),
                    None => self.big(*negative, digits),
                }
            }
            Term::Float(f) => {
                self.put(&[tags::NEW_FLOAT]);
                self.put(&f.to_bits().to_be_bytes());
            }
            Term::Atom(name) => self.atom(name),
            Term::Nil => self.put(&[tags::NIL]),
            Term::List { .. } => self.list(term),
            Term::Tuple(items) => {
                match u8::try_from(items.len()) {
                    Ok(n) => self.put(&[tags::SMALL_TUPLE, n]),
                    Err(_) => {
                        self.put(&[tags::LARGE_TUPLE]);
                        self.put(&count32(items.len()).to_be_bytes());
                    }
                }
                self.then_all(first(items, count32(items.len())).iter());
            }
            Term::Record {
                exported,
                module,
                name,
                fields,
                values,
            } => {
                let n = count32(fields.len().min(values.len()));
                self.put(&[tags::RECORD]);
                self.put(&n.to_be_bytes());
                self.put(&[u8::from(*exported)]);
                self.then_all(first(values, n).iter());
                self.then_all(first(fields, n).iter());
                self.work.push(Work::Term(name));
                self.work.push(Work::Term(module));
            }
            Term::Map(pairs) => {
                let n = count32(pairs.len());
                self.put(&[tags::MAP]);
                self.put(&n.to_be_bytes());
                for (key, value) in first(pairs, n).iter().rev() {
                    self.work.push(Work::Term(value));
                    self.work.push(Work::Term(key));
                }
            }
            Term::Binary(bytes) => self.binary(bytes),
            Term::BitBinary { bytes, bits } => self.bit_binary(bytes, *bits),
            Term::Pid {
                node,
                id,
                serial,
                creation,
            } => {
                self.put(&[tags::NEW_PID]);
                let fields = [
                    id.to_be_bytes(),
                    serial.to_be_bytes(),
                    creation.to_be_bytes(),
                ];
                self.work.push(Work::Bytes(fields.concat()));
                self.work.push(Work::Term(node));
            }
            Term::Port { node, id, creation } => {
                let fields = match u32::try_from(*id) {
                    Ok(id) => {
                        self.put(&[tags::NEW_PORT]);
                        [&id.to_be_bytes()[..], &creation.to_be_bytes()].concat()
                    }
                    Err(_) => {
                        self.put(&[tags::V4_PORT]);
                        [&id.to_be_bytes()[..], &creation.to_be_bytes()].concat()
                    }
                };
                self.work.push(Work::Bytes(fields));
                self.work.push(Work::Term(node));
            }
            Term::Reference {
                node,
                creation,
                ids,
            } => {
                let n = u16::try_from(ids.len()).unwrap_or(u16::MAX);
                self.put(&[tags::NEWER_REFERENCE]);
                self.put(&n.to_be_bytes());
                let mut fields = creation.to_be_bytes().to_vec();
                for id in first(ids, n.into()) {
                    fields.extend_from_slice(&id.to_be_bytes());
                }
                self.work.push(Work::Bytes(fields));
                self.work.push(Work::Term(node));
            }
            Term::ExportFun {
                module,
                function,
                arity,
            } => {
                self.put(&[tags::EXPORT]);
                self.work
                    .push(Work::Bytes(vec![tags::SMALL_INTEGER, *arity]));
                self.work.push(Work::Term(function));
                self.work.push(Work::Term(module));
            }
            Term::Fun {
                arity,
                uniq,
                index,
                module,
                old_index,
                old_uniq,
                pid,
                free_vars,
            } => {
                self.put(&[tags::NEW_FUN]);
                let size_at = self.out.len();
                let num_free = count32(free_vars.len());
                self.put(&[0, 0, 0, 0, *arity]);
                self.put(uniq);
                self.put(&index.to_be_bytes());
                self.put(&num_free.to_be_bytes());
                self.work.push(Work::FunSize(size_at));
                self.then_all(first(free_vars, num_free).iter());
                self.work.push(Work::Term(pid));
                self.work
                    .push(Work::Bytes([int32(*old_index), int32(*old_uniq)].concat()));
                self.work.push(Work::Term(module));
            }
        }
    }

    fn integer(&mut self, i: i64) {
        if let Ok(byte) = u8::try_from(i) {
            self.put(&[tags::SMALL_INTEGER, byte]);
        } else if let Ok(word) = i32::try_from(i) {
            self.put(&[tags::INTEGER]);
            self.put(&word.to_be_bytes());
        } else {
            let magnitude = i.unsigned_abs().to_le_bytes();
            self.big(i < 0, trimmed(&magnitude));
        }
    }

    /// A bignum of trimmed `digits`.
    fn big(&mut self, negative: bool, digits: &[u8]) {
        let n = count32(digits.len());
        match u8::try_from(n) {
            Ok(small) => self.put(&[tags::SMALL_BIG, small]),
            Err(_) => {
                self.put(&[tags::LARGE_BIG]);
                self.put(&n.to_be_bytes());
            }
        }
        self.put(&[u8::from(negative)]);
        self.put(first(digits, n));
    }

    fn atom(&mut self, name: &str) {
        let latin1: Option<Vec<u8>> = if self.options.utf8_atoms {
            None
        } else {
            name.chars().map(|c| u8::try_from(c).ok()).collect()
        };
        match latin1 {
            Some(bytes) => {
                let n = u16::try_from(bytes.len()).unwrap_or(u16::MAX);
                self.put(&[tags::ATOM]);
                self.put(&n.to_be_bytes());
                self.put(first(&bytes, n.into()));
            }
            None => {
                let text = truncate_utf8(name, u16::MAX.into());
                match u8::try_from(text.len()) {
                    Ok(n) => self.put(&[tags::SMALL_ATOM_UTF8, n]),
                    Err(_) => {
                        self.put(&[tags::ATOM_UTF8]);
                        let n = u16::try_from(text.len()).unwrap_or(u16::MAX);
                        self.put(&n.to_be_bytes());
                    }
                }
                self.put(text.as_bytes());
            }
        }
    }

    /// A list, flattened: `STRING_EXT` if it is a proper list of bytes, else one
    /// `LIST_EXT` with the final non-list tail.
    fn list(&mut self, term: &'t Term) {
        let mut elements: Vec<&'t Term> = Vec::new();
        let mut tail = term;
        while let Term::List {
            elements: more,
            tail: next,
        } = tail
        {
            elements.extend(more.iter());
            tail = next;
        }
        if elements.is_empty() {
            self.work.push(Work::Term(tail));
            return;
        }
        if *tail == Term::Nil && elements.len() <= usize::from(u16::MAX) {
            let bytes: Option<Vec<u8>> = elements.iter().map(|e| byte_value(e)).collect();
            if let Some(bytes) = bytes {
                let n = u16::try_from(bytes.len()).unwrap_or(u16::MAX);
                self.put(&[tags::STRING]);
                self.put(&n.to_be_bytes());
                self.put(&bytes);
                return;
            }
        }
        let n = count32(elements.len());
        self.put(&[tags::LIST]);
        self.put(&n.to_be_bytes());
        self.work.push(Work::Term(tail));
        self.then_all(first(&elements, n).iter().copied());
    }

    fn binary(&mut self, bytes: &[u8]) {
        let n = count32(bytes.len());
        self.put(&[tags::BINARY]);
        self.put(&n.to_be_bytes());
        self.put(first(bytes, n));
    }

    fn bit_binary(&mut self, bytes: &[u8], bits: u8) {
        if bits == 0 || bits >= 8 || bytes.is_empty() {
            return self.binary(bytes);
        }
        let n = count32(bytes.len());
        let bytes = first(bytes, n);
        self.put(&[tags::BIT_BINARY]);
        self.put(&n.to_be_bytes());
        self.put(&[bits]);
        if let Some((last, whole)) = bytes.split_last() {
            self.put(whole);
            self.put(&[last & last_byte_mask(bits)]);
        }
    }

    /// Writes the `Size` of the closure whose `Size` field is at `at`, now that the
    /// closure is complete.
    fn patch_fun_size(&mut self, at: usize) {
        let size = count32(self.out.len().saturating_sub(at)).to_be_bytes();
        if let Some(field) = self.out.get_mut(at..at.saturating_add(4)) {
            field.copy_from_slice(&size);
        }
    }
}

/// The longest prefix of `text` of at most `max` bytes that ends on a character
/// boundary.
fn truncate_utf8(text: &str, max: usize) -> &str {
    let mut end = text.len().min(max);
    while !text.is_char_boundary(end) {
        end = end.saturating_sub(1);
    }
    text.get(..end).unwrap_or_default()
}
