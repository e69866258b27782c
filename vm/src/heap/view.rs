//! Reading terms: a [`Mem`] sees one process heap and the literal arena, and follows
//! pointers into either. Every read is bounds-checked: a dangling pointer reads as
//! `NONE` instead of panicking.

use super::{Heap, OffHeapBin};
use crate::term::{Area, Header, HeaderKind, Term};
use num_bigint::{BigInt, BigUint, Sign};

/// A read view over a process heap and the literal arena.
#[derive(Clone, Copy)]
pub struct Mem<'a> {
    heap: &'a [Term],
    offheap: &'a [OffHeapBin],
    literals: &'a [Term],
    literal_offheap: &'a [OffHeapBin],
}

/// An integer value read from a term.
#[derive(Debug, Clone, PartialEq)]
pub enum Int {
    /// A small integer.
    Small(i64),
    /// A bignum.
    Big(BigInt),
}

impl Int {
    /// As a bignum.
    pub fn to_big(&self) -> BigInt {
        match self {
            Int::Small(v) => BigInt::from(*v),
            Int::Big(b) => b.clone(),
        }
    }
}

/// A bitstring read from a term: `bits` bits starting `offset` bits into `bytes`.
#[derive(Debug, Clone, Copy)]
pub struct BitStr<'a> {
    /// The underlying bytes.
    pub bytes: &'a [u8],
    /// Bit offset of the first bit.
    pub offset: usize,
    /// Length in bits.
    pub bits: usize,
}

impl BitStr<'_> {
    /// Whether it is a whole number of bytes starting on a byte boundary.
    pub fn is_aligned_binary(&self) -> bool {
        self.offset % 8 == 0 && self.bits % 8 == 0
    }

    /// The bytes when aligned, else `None`.
    pub fn aligned(&self) -> Option<&[u8]> {
        if self.is_aligned_binary() {
            self.bytes
                .get(self.offset / 8..(self.offset + self.bits) / 8)
        } else {
            None
        }
    }

    /// Bit `i` (0 = most significant of the first byte).
    pub fn bit(&self, i: usize) -> bool {
        let at = self.offset + i;
        self.bytes
            .get(at / 8)
            .is_some_and(|b| b & (0x80 >> (at % 8)) != 0)
    }

    /// The contents as bytes, the last one padded with zero bits.
    pub fn to_bytes(&self) -> Vec<u8> {
        if let Some(aligned) = self.aligned() {
            return aligned.to_vec();
        }
        let mut out = vec![0u8; self.bits.div_ceil(8)];
        for i in 0..self.bits {
            if self.bit(i) {
                out[i / 8] |= 0x80 >> (i % 8);
            }
        }
        out
    }
}

impl<'a> Mem<'a> {
    /// A view over `heap` and `literals`.
    pub fn new(heap: &'a Heap, literals: &'a Heap) -> Self {
        Mem {
            heap: &heap.words,
            offheap: &heap.offheap,
            literals: &literals.words,
            literal_offheap: &literals.offheap,
        }
    }

    fn area(&self, area: Area) -> &'a [Term] {
        match area {
            Area::Heap => self.heap,
            Area::Literal => self.literals,
        }
    }

    /// The head and tail of a list cell.
    pub fn cons(&self, t: Term) -> Option<(Term, Term)> {
        let (area, i) = t.as_list()?;
        let words = self.area(area);
        Some((*words.get(i)?, *words.get(i + 1)?))
    }

    /// A boxed object's header and payload.
    pub fn boxed(&self, t: Term) -> Option<(Header, &'a [Term])> {
        let (area, i) = t.as_boxed()?;
        let words = self.area(area);
        let header = Header::of(*words.get(i)?)?;
        let payload = words.get(i + 1..i + 1 + header.arity)?;
        Some((header, payload))
    }

    /// What kind of boxed object `t` is.
    pub fn kind(&self, t: Term) -> Option<HeaderKind> {
        self.boxed(t).map(|(h, _)| h.kind)
    }

    /// A tuple's elements.
    pub fn tuple(&self, t: Term) -> Option<&'a [Term]> {
        match self.boxed(t)? {
            (
                Header {
                    kind: HeaderKind::Tuple,
                    ..
                },
                elements,
            ) => Some(elements),
            _ => None,
        }
    }

    /// A float's value.
    pub fn float(&self, t: Term) -> Option<f64> {
        match self.boxed(t)? {
            (
                Header {
                    kind: HeaderKind::Float,
                    ..
                },
                [bits],
            ) => Some(f64::from_bits(bits.0)),
            _ => None,
        }
    }

    /// An integer's value (small or big).
    pub fn int(&self, t: Term) -> Option<Int> {
        if let Some(v) = t.as_small() {
            return Some(Int::Small(v));
        }
        let (header, limbs) = self.boxed(t)?;
        let sign = match header.kind {
            HeaderKind::PosBig => Sign::Plus,
            HeaderKind::NegBig => Sign::Minus,
            _ => return None,
        };
        let digits: Vec<u64> = limbs.iter().map(|l| l.0).collect();
        Some(Int::Big(BigInt::from_biguint(
            sign,
            BigUint::from_slice(&u64s_to_u32s(&digits)),
        )))
    }

    /// Whether `t` is an integer (small or big).
    pub fn is_integer(&self, t: Term) -> bool {
        t.as_small().is_some()
            || matches!(self.kind(t), Some(HeaderKind::PosBig | HeaderKind::NegBig))
    }

    /// A bitstring's bits (heap, off-heap or sub-binary).
    pub fn bitstr(&self, t: Term) -> Option<BitStr<'a>> {
        let (header, payload) = self.boxed(t)?;
        match header.kind {
            HeaderKind::HeapBin => {
                let bits = usize::try_from(payload.first()?.as_small()?).ok()?;
                let bytes: &[u8] = bytemuck::cast_slice(payload.get(1..)?);
                Some(BitStr {
                    bytes: bytes.get(..bits.div_ceil(8))?,
                    offset: 0,
                    bits,
                })
            }
            HeaderKind::RefcBin => {
                let bits = usize::try_from(payload.first()?.as_small()?).ok()?;
                let index = usize::try_from(payload.get(1)?.as_small()?).ok()?;
                let (area, _) = t.as_boxed()?;
                let bin = match area {
                    Area::Heap => self.offheap.get(index)?,
                    // `persistent_term` values live in the literal area.
                    Area::Literal => self.literal_offheap.get(index)?,
                };
                Some(BitStr {
                    bytes: bin,
                    offset: 0,
                    bits,
                })
            }
            HeaderKind::SubBin => {
                let base = self.bitstr(*payload.first()?)?;
                let offset = usize::try_from(payload.get(1)?.as_small()?).ok()?;
                let bits = usize::try_from(payload.get(2)?.as_small()?).ok()?;
                (offset + bits <= base.bits).then_some(BitStr {
                    bytes: base.bytes,
                    offset: base.offset + offset,
                    bits,
                })
            }
            _ => None,
        }
    }

    /// The elements of a proper list, or `None` for an improper or overly long one.
    pub fn list_elements(&self, mut t: Term) -> Option<Vec<Term>> {
        let mut out = Vec::new();
        loop {
            if t.is_nil() {
                return Some(out);
            }
            let (head, tail) = self.cons(t)?;
            out.push(head);
            t = tail;
        }
    }

    /// A native record's definition tuple and its values.
    pub fn record(&self, t: Term) -> Option<(Term, &'a [Term])> {
        match self.boxed(t)? {
            (
                Header {
                    kind: HeaderKind::Record,
                    ..
                },
                payload,
            ) => {
                let (def, values) = payload.split_first()?;
                Some((*def, values))
            }
            _ => None,
        }
    }

    /// A map's sorted keys and its values.
    pub fn map(&self, t: Term) -> Option<(&'a [Term], &'a [Term])> {
        match self.boxed(t)? {
            (
                Header {
                    kind: HeaderKind::Map,
                    ..
                },
                payload,
            ) => {
                let (keys, values) = payload.split_first()?;
                Some((self.tuple(*keys)?, values))
            }
            _ => None,
        }
    }
}

fn u64s_to_u32s(limbs: &[u64]) -> Vec<u32> {
    limbs
        .iter()
        .flat_map(|l| [*l as u32, (*l >> 32) as u32])
        .collect()
}
