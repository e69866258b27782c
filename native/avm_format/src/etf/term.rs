//! [`Term`]: an owned tree of the values the external term format can carry.

/// A decoded term, as the format describes it (no VM: atoms are strings, pids are
/// their fields).
///
/// The decoder always returns the *normal form* of a value, so two encodings of the
/// same Erlang value decode to equal terms:
///
/// * an integer that fits `i64` is [`Term::Integer`], whatever tag carried it; only
///   larger ones are [`Term::BigInt`], with no trailing zero bytes in the magnitude;
/// * a list is flattened: [`Term::List`] has at least one element and its `tail` is
///   never itself a `List` (`[1 | [2]]` is `[1, 2]`), and `STRING_EXT` becomes a
///   list of [`Term::Integer`]s; an empty list is [`Term::Nil`];
/// * a bitstring whose last byte is complete is a [`Term::Binary`]; the unused low
///   bits of a [`Term::BitBinary`]'s last byte are zero.
///
/// [`crate::etf::encode`] accepts terms that are not in normal form and encodes the
/// value they denote.
#[derive(Debug, Clone, PartialEq)]
pub enum Term {
    /// An integer that fits 64 bits.
    Integer(i64),
    /// An integer outside `i64`: its sign and its magnitude in little-endian base 256.
    BigInt {
        /// Whether the integer is negative.
        negative: bool,
        /// The absolute value, least significant byte first.
        magnitude_le: Vec<u8>,
    },
    /// A float (always finite when decoded).
    Float(f64),
    /// An atom.
    Atom(String),
    /// The empty list `[]`.
    Nil,
    /// A non-empty list: `[e1, e2, … | tail]`, proper when `tail` is [`Term::Nil`].
    List {
        /// The elements, at least one when decoded.
        elements: Vec<Term>,
        /// What the last cell points to: [`Term::Nil`] for a proper list.
        tail: Box<Term>,
    },
    /// A tuple.
    Tuple(Vec<Term>),
    /// An OTP 29 native record.
    Record {
        /// Whether its module exports it.
        exported: bool,
        /// The defining module, an atom.
        module: Box<Term>,
        /// The record's name, an atom.
        name: Box<Term>,
        /// Field names (atoms), in the record's order.
        fields: Vec<Term>,
        /// One value per field, in the same order.
        values: Vec<Term>,
    },
    /// A map, its pairs in the order they were encoded.
    Map(Vec<(Term, Term)>),
    /// A binary (a bitstring of whole bytes).
    Binary(Vec<u8>),
    /// A bitstring whose length is not a multiple of 8.
    BitBinary {
        /// The bytes; the last one holds `bits` bits in its high end.
        bytes: Vec<u8>,
        /// Bits used in the last byte, 1 to 7 when decoded.
        bits: u8,
    },
    /// A process identifier.
    Pid {
        /// The node, an atom.
        node: Box<Term>,
        /// Process id.
        id: u32,
        /// Serial number.
        serial: u32,
        /// Node incarnation.
        creation: u32,
    },
    /// A port identifier.
    Port {
        /// The node, an atom.
        node: Box<Term>,
        /// Port id.
        id: u64,
        /// Node incarnation.
        creation: u32,
    },
    /// A reference.
    Reference {
        /// The node, an atom.
        node: Box<Term>,
        /// Node incarnation.
        creation: u32,
        /// The id words, at most five.
        ids: Vec<u32>,
    },
    /// `fun Module:Function/Arity`.
    ExportFun {
        /// The module, an atom.
        module: Box<Term>,
        /// The function, an atom.
        function: Box<Term>,
        /// The arity.
        arity: u8,
    },
    /// A closure (`NEW_FUN_EXT`).
    Fun {
        /// The arity.
        arity: u8,
        /// MD5 of the module's significant parts.
        uniq: [u8; 16],
        /// Index of the fun in the module's fun table.
        index: u32,
        /// The module, an atom.
        module: Box<Term>,
        /// The old-style index (`OldIndex`).
        old_index: i32,
        /// The old-style hash (`OldUniq`).
        old_uniq: i32,
        /// The process that created the fun, a [`Term::Pid`].
        pid: Box<Term>,
        /// The values of the free variables.
        free_vars: Vec<Term>,
    },
}

impl Term {
    /// An atom.
    pub fn atom(name: &str) -> Term {
        Term::Atom(name.to_owned())
    }

    /// A proper list of `elements` (`[]` when empty).
    pub fn list(elements: Vec<Term>) -> Term {
        Term::improper_list(elements, Term::Nil)
    }

    /// `[elements… | tail]`; just `tail` when `elements` is empty.
    pub fn improper_list(elements: Vec<Term>, tail: Term) -> Term {
        if elements.is_empty() {
            tail
        } else {
            Term::List {
                elements,
                tail: Box::new(tail),
            }
        }
    }

    /// The integer `negative ? -magnitude : magnitude` in normal form: a
    /// [`Term::Integer`] if it fits `i64`, else a [`Term::BigInt`] without trailing
    /// zero bytes.
    pub fn big(negative: bool, magnitude_le: &[u8]) -> Term {
        let len = magnitude_le
            .iter()
            .rposition(|&b| b != 0)
            .map_or(0, |last| last + 1);
        let digits = magnitude_le.get(..len).unwrap_or_default();
        if let Some(small) = small_value(negative, digits) {
            return Term::Integer(small);
        }
        Term::BigInt {
            negative,
            magnitude_le: digits.to_vec(),
        }
    }
}

/// The value of a trimmed magnitude if it fits `i64`.
pub(super) fn small_value(negative: bool, digits: &[u8]) -> Option<i64> {
    if digits.len() > 8 {
        return None;
    }
    let mut le = [0u8; 8];
    for (slot, digit) in le.iter_mut().zip(digits) {
        *slot = *digit;
    }
    let magnitude = u64::from_le_bytes(le);
    if negative {
        0i64.checked_sub_unsigned(magnitude)
    } else {
        i64::try_from(magnitude).ok()
    }
}
