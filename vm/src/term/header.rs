//! Header words: the first word of every boxed object, giving its kind and how many
//! words follow it.

use super::Term;

/// What a boxed object is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
pub enum HeaderKind {
    /// A tuple; the words that follow are its elements.
    Tuple = 0,
    /// A positive bignum; little-endian u64 limbs follow.
    PosBig = 1,
    /// A negative bignum; the magnitude's little-endian u64 limbs follow.
    NegBig = 2,
    /// A float; its bits follow in one word.
    Float = 3,
    /// A reference; its id follows in one word.
    Ref = 4,
    /// A closure: defining module index, fun index, then the free variables.
    Fun = 5,
    /// An external fun `fun M:F/A`: module atom, function atom, arity.
    Export = 6,
    /// A map: a tuple pointer of sorted keys, then the values.
    Map = 7,
    /// A binary stored in the heap: bit size, then the bytes packed into words.
    HeapBin = 8,
    /// A binary stored outside the heap: bit size, then its off-heap index.
    RefcBin = 9,
    /// A binary that is part of another: original binary, bit offset, bit size.
    SubBin = 10,
    /// A binary match context: the binary, the bit position, and the saved positions.
    MatchCtx = 11,
    /// An OTP 29 native record: its definition `{Module, Name, IsExported, {Field...}}`
    /// (a tuple), then one value per field, in the definition's field order.
    Record = 12,
}

/// A decoded header word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Header {
    /// The object's kind.
    pub kind: HeaderKind,
    /// How many words follow the header.
    pub arity: usize,
}

impl Header {
    /// The header word for an object of `kind` followed by `arity` words.
    pub fn word(kind: HeaderKind, arity: usize) -> Term {
        Term(((arity as u64) << 6) | ((kind as u64) << 2))
    }

    /// Decodes a header word.
    pub fn of(word: Term) -> Option<Header> {
        if !word.is_header() {
            return None;
        }
        let kind = match (word.0 >> 2) & 0b1111 {
            0 => HeaderKind::Tuple,
            1 => HeaderKind::PosBig,
            2 => HeaderKind::NegBig,
            3 => HeaderKind::Float,
            4 => HeaderKind::Ref,
            5 => HeaderKind::Fun,
            6 => HeaderKind::Export,
            7 => HeaderKind::Map,
            8 => HeaderKind::HeapBin,
            9 => HeaderKind::RefcBin,
            10 => HeaderKind::SubBin,
            11 => HeaderKind::MatchCtx,
            12 => HeaderKind::Record,
            _ => return None,
        };
        Some(Header {
            kind,
            arity: (word.0 >> 6) as usize,
        })
    }
}
