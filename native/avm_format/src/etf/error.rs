//! What can be wrong with an encoded term, and where.

use thiserror::Error;

/// A malformed encoded term: what is wrong ([`EtfErrorKind`]) and the byte offset
/// where the decoder found it.
///
/// The offset counts from the start of the input (the version byte is offset 0). For
/// a problem inside a compressed term the kind is [`EtfErrorKind::Compressed`], whose
/// inner error counts offsets in the inflated term.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[error("{kind} (at byte {offset})")]
pub struct EtfError {
    /// Offset in the input where the problem was found: where a read ran past the end,
    /// or the tag byte of the term that is malformed.
    pub offset: usize,
    /// What is wrong.
    pub kind: EtfErrorKind,
}

/// The kinds of [`EtfError`].
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum EtfErrorKind {
    /// The input ends in the middle of a term.
    #[error("truncated: {needed} more bytes needed, {available} left")]
    Truncated {
        /// Bytes the field being read needs.
        needed: usize,
        /// Bytes left in the input.
        available: usize,
    },
    /// The first byte is not the version byte 131.
    #[error("not an encoded term: the version byte is {0}, not 131")]
    BadVersion(u8),
    /// Bytes are left after the term.
    #[error("{0} bytes left after the term")]
    TrailingBytes(usize),
    /// A tag byte that is not part of the format.
    #[error("unknown tag {0}")]
    UnknownTag(u8),
    /// `ATOM_CACHE_REF`, which only means something inside a distribution message.
    #[error("ATOM_CACHE_REF is not supported outside distribution")]
    AtomCacheRef,
    /// `LOCAL_EXT`, which only the node that wrote it can decode.
    #[error("LOCAL_EXT is not supported: only the node that wrote it can decode it")]
    LocalExt,
    /// `COMPRESSED` somewhere other than right after the version byte.
    #[error("COMPRESSED is only valid right after the version byte")]
    MisplacedCompressed,
    /// A collection claims more elements than the rest of the input could hold.
    #[error("{count} elements claimed but only {available} bytes left")]
    TooManyElements {
        /// Elements claimed.
        count: u64,
        /// Bytes left in the input.
        available: usize,
    },
    /// Containers nested deeper than the limit ([`crate::etf::MAX_DEPTH`] unless
    /// [`crate::etf::DecodeOptions`] sets another).
    #[error("containers nested deeper than {0}")]
    TooDeep(usize),
    /// An atom longer than [`crate::etf::MAX_ATOM_CHARS`] characters.
    #[error("atom of {0} characters: the limit is 255")]
    AtomTooLong(usize),
    /// A UTF-8 atom whose text is not valid UTF-8.
    #[error("atom text is not valid UTF-8")]
    InvalidUtf8,
    /// A field that must be an atom (a node, a module, a function name) is not one.
    #[error("{field} must be an atom, found tag {tag}")]
    NotAnAtom {
        /// The field, e.g. `"pid node"`.
        field: &'static str,
        /// The tag found instead.
        tag: u8,
    },
    /// A field has a tag it cannot have (e.g. an export's arity not a small integer).
    #[error("{field} cannot have tag {tag}")]
    BadFieldTag {
        /// The field, e.g. `"export arity"`.
        field: &'static str,
        /// The tag found.
        tag: u8,
    },
    /// A `FLOAT_EXT` whose text is not a float.
    #[error("FLOAT_EXT text is not a float")]
    BadFloatText,
    /// A float that is infinite or NaN, which Erlang has no value for.
    #[error("float is infinite or NaN")]
    NonFiniteFloat,
    /// A `BIT_BINARY_EXT` whose bit count is above 8, zero with bytes, or non-zero
    /// without bytes.
    #[error("bitstring of {len} bytes with {bits} bits in the last byte")]
    BadBitCount {
        /// Bytes in the bitstring.
        len: u32,
        /// Bits claimed used in the last byte.
        bits: u8,
    },
    /// A reference with more ids than [`crate::etf::MAX_REFERENCE_IDS`].
    #[error("reference with {0} ids: the limit is 5")]
    TooManyReferenceIds(u16),
    /// A `NEW_FUN_EXT` whose size field disagrees with its contents.
    #[error("fun declares {declared} bytes but its contents take {actual}")]
    FunSize {
        /// Size in the `Size` field.
        declared: u32,
        /// Bytes the fun actually takes (at least; decoding may stop at the mismatch).
        actual: usize,
    },
    /// A compressed term declares an inflated size above
    /// [`crate::etf::MAX_INFLATED`].
    #[error("compressed term declares {0} bytes inflated: more than the limit")]
    InflatedTooLarge(u32),
    /// The zlib stream of a compressed term is corrupt or cut off.
    #[error("compressed term does not inflate: {0}")]
    Inflate(String),
    /// The compressed term does not inflate to the size it declares.
    #[error("compressed term declares {declared} bytes but inflates to {actual}")]
    InflatedSize {
        /// Size declared.
        declared: u32,
        /// Size found (capped at one more than declared).
        actual: usize,
    },
    /// The term inside a compressed term is malformed; the inner error's offset counts
    /// bytes of the inflated term.
    #[error("in the compressed term: {0}")]
    Compressed(Box<EtfError>),
}

impl EtfError {
    pub(crate) fn at(offset: usize, kind: EtfErrorKind) -> Self {
        EtfError { offset, kind }
    }
}
