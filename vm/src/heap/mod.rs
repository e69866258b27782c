//! A process heap: a growable vector of words that boxed terms and list cells live in,
//! plus the off-heap binaries it references; builders for every kind of term; and
//! the copying collector ([`gc`]).

pub mod gc;
mod view;

pub use view::{BitStr, Int, Mem};

use crate::term::{Area, Header, HeaderKind, Term};
use num_bigint::{BigInt, Sign};
use std::sync::Arc;

/// An off-heap binary's bytes, shared by reference count (between processes too). A
/// buffer owned by one `RefcBin` chain can grow in place when the binary is appended to.
pub type OffHeapBin = Arc<Vec<u8>>;

/// Binaries up to this many bytes are stored in the heap; larger ones off-heap.
pub const HEAP_BIN_LIMIT: usize = 64;

/// A process heap (or the literal arena, which uses the same layout).
#[derive(Debug, Default, Clone)]
pub struct Heap {
    /// The words.
    pub words: Vec<Term>,
    /// Off-heap binaries referenced by `RefcBin` objects, by index.
    pub offheap: Vec<OffHeapBin>,
    /// Which area pointers into this heap carry.
    pub area: Area,
    /// Words allowed before the next collection.
    pub limit: usize,
    /// The other semispace: the previous collection's from-space, kept (cleared) so
    /// the next collection reuses its allocation instead of asking the OS again.
    pub spare: Vec<Term>,
}

/// Smallest heap limit after a collection, in words.
pub const MIN_HEAP: usize = 64;

impl Heap {
    /// An empty heap whose pointers carry `area`.
    pub fn new(area: Area) -> Self {
        Heap {
            words: Vec::new(),
            offheap: Vec::new(),
            area,
            limit: MIN_HEAP,
            spare: Vec::new(),
        }
    }

    /// Whether `need` more words fit before the limit (else: collect first).
    pub fn has_room(&self, need: usize) -> bool {
        self.words.len() + need <= self.limit
    }

    /// A read view over this heap and the literal arena.
    pub fn mem<'a>(&'a self, literals: &'a Heap) -> Mem<'a> {
        Mem::new(self, literals)
    }

    fn push_object(&mut self, kind: HeaderKind, payload: &[Term]) -> Term {
        let at = self.words.len();
        self.words.push(Header::word(kind, payload.len()));
        self.words.extend_from_slice(payload);
        Term::boxed(self.area, at)
    }

    /// A tuple of `elements`.
    pub fn tuple(&mut self, elements: &[Term]) -> Term {
        self.push_object(HeaderKind::Tuple, elements)
    }

    /// A list cell.
    pub fn cons(&mut self, head: Term, tail: Term) -> Term {
        let at = self.words.len();
        self.words.push(head);
        self.words.push(tail);
        Term::list(self.area, at)
    }

    /// A proper list of `elements` ending in `tail`.
    pub fn list_with_tail(&mut self, elements: &[Term], tail: Term) -> Term {
        elements
            .iter()
            .rev()
            .fold(tail, |acc, &e| self.cons(e, acc))
    }

    /// A proper list.
    pub fn list(&mut self, elements: &[Term]) -> Term {
        self.list_with_tail(elements, Term::NIL)
    }

    /// A float.
    pub fn float(&mut self, value: f64) -> Term {
        self.push_object(HeaderKind::Float, &[Term(value.to_bits())])
    }

    /// An integer: small when it fits, else a bignum.
    pub fn int(&mut self, value: i64) -> Term {
        Term::small(value).unwrap_or_else(|| self.bigint(&BigInt::from(value)))
    }

    /// An integer from a bignum value (small when it fits).
    pub fn bigint(&mut self, value: &BigInt) -> Term {
        if let Some(small) = i64::try_from(value).ok().and_then(Term::small) {
            return small;
        }
        let (sign, limbs) = value.to_u64_digits();
        let kind = if sign == Sign::Minus {
            HeaderKind::NegBig
        } else {
            HeaderKind::PosBig
        };
        let payload: Vec<Term> = limbs.into_iter().map(Term).collect();
        self.push_object(kind, &payload)
    }

    /// A reference with `id`.
    pub fn reference(&mut self, id: u64) -> Term {
        self.push_object(HeaderKind::Ref, &[Term(id)])
    }

    /// A closure of fun `index` of module `module` with its free variables.
    pub fn closure(&mut self, module: u32, index: u32, free: &[Term]) -> Term {
        let mut payload = Vec::with_capacity(2 + free.len());
        payload.push(Term::small(i64::from(module)).unwrap_or(Term::NIL));
        payload.push(Term::small(i64::from(index)).unwrap_or(Term::NIL));
        payload.extend_from_slice(free);
        self.push_object(HeaderKind::Fun, &payload)
    }

    /// An external fun `fun M:F/A`.
    pub fn export(&mut self, module: Term, function: Term, arity: u8) -> Term {
        let arity = Term::small(i64::from(arity)).unwrap_or(Term::NIL);
        self.push_object(HeaderKind::Export, &[module, function, arity])
    }

    /// A native record of definition `def` (see [`crate::records`]) with `values`, one
    /// per field of the definition.
    pub fn record(&mut self, def: Term, values: &[Term]) -> Term {
        let mut payload = Vec::with_capacity(1 + values.len());
        payload.push(def);
        payload.extend_from_slice(values);
        self.push_object(HeaderKind::Record, &payload)
    }

    /// A map from keys sorted in term order (no duplicates) and their values.
    pub fn map_sorted(&mut self, keys: &[Term], values: &[Term]) -> Term {
        let keys = self.tuple(keys);
        let mut payload = Vec::with_capacity(1 + values.len());
        payload.push(keys);
        payload.extend_from_slice(values);
        self.push_object(HeaderKind::Map, &payload)
    }

    /// Appends a copy of `words[range]` of `area` (this heap, or the literal arena).
    fn copy_words(&mut self, lits: &Heap, area: Area, range: std::ops::Range<usize>) -> Option<()> {
        match area {
            Area::Heap if range.end <= self.words.len() => self.words.extend_from_within(range),
            Area::Heap => return None,
            Area::Literal => self.words.extend_from_slice(lits.words.get(range)?),
        }
        Some(())
    }

    /// Map `map` with `value` stored under `key`, which is its `at`-th key (`insert`:
    /// a new key going at position `at` of the sorted keys). An update of an existing
    /// key shares the keys tuple; nothing is allocated outside the heap.
    pub fn map_with(
        &mut self,
        lits: &Heap,
        map: Term,
        at: usize,
        key: Term,
        value: Term,
        insert: bool,
    ) -> Option<Term> {
        let (area, mi) = map.as_boxed()?;
        let words = match area {
            Area::Heap => &self.words,
            Area::Literal => &lits.words,
        };
        let header = crate::term::Header::of(*words.get(mi)?)?;
        let keys_ptr = *words.get(mi + 1)?;
        let n = header.arity.checked_sub(1)?;
        let values = mi + 2..mi + 2 + n;
        if at > n || (!insert && at >= n) {
            return None;
        }
        let new_keys = if insert {
            let (karea, ki) = keys_ptr.as_boxed()?;
            let keys = ki + 1..ki + 1 + n;
            let start = self.words.len();
            self.words.push(Header::word(HeaderKind::Tuple, n + 1));
            self.copy_words(lits, karea, keys.start..keys.start + at)?;
            self.words.push(key);
            self.copy_words(lits, karea, keys.start + at..keys.end)?;
            Term::boxed(self.area, start)
        } else {
            keys_ptr
        };
        let start = self.words.len();
        self.words
            .push(Header::word(HeaderKind::Map, n + 1 + usize::from(insert)));
        self.words.push(new_keys);
        self.copy_words(lits, area, values.start..values.start + at)?;
        self.words.push(value);
        let skip = usize::from(!insert);
        self.copy_words(lits, area, values.start + at + skip..values.end)?;
        Some(Term::boxed(self.area, start))
    }

    /// A binary of whole bytes.
    pub fn binary(&mut self, bytes: &[u8]) -> Term {
        self.bitstring(bytes, bytes.len() * 8)
    }

    /// A bitstring of `bits` bits taken from `bytes` (which must hold them all; bits of
    /// the last byte beyond `bits` are cleared).
    pub fn bitstring(&mut self, bytes: &[u8], bits: usize) -> Term {
        let len = bits.div_ceil(8).min(bytes.len());
        let bytes = &bytes[..len];
        let size = Term::small(bits as i64).unwrap_or(Term::NIL);
        if len <= HEAP_BIN_LIMIT || self.area == Area::Literal {
            let mut payload = vec![size];
            let mut words = vec![Term(0); len.div_ceil(8)];
            let raw: &mut [u8] = bytemuck::cast_slice_mut(&mut words);
            raw[..len].copy_from_slice(bytes);
            clear_tail_bits(&mut raw[..len], bits);
            payload.extend(words);
            self.push_object(HeaderKind::HeapBin, &payload)
        } else {
            let mut owned = bytes.to_vec();
            clear_tail_bits(&mut owned, bits);
            let index = self.offheap.len();
            self.offheap.push(Arc::new(owned));
            let index = Term::small(index as i64).unwrap_or(Term::NIL);
            self.push_object(HeaderKind::RefcBin, &[size, index])
        }
    }

    /// The bytes of a heap or off-heap binary in this heap, for writing while it is
    /// being built (`bs_put_*`).
    pub fn binary_bytes_mut(&mut self, t: Term) -> Option<&mut [u8]> {
        let (Area::Heap, at) = t.as_boxed()? else {
            return None;
        };
        let header = crate::term::Header::of(*self.words.get(at)?)?;
        match header.kind {
            HeaderKind::HeapBin => {
                let words = self.words.get_mut(at + 2..at + 1 + header.arity)?;
                Some(bytemuck::cast_slice_mut(words))
            }
            HeaderKind::RefcBin => {
                let index = usize::try_from(self.words.get(at + 2)?.as_small()?).ok()?;
                Arc::get_mut(self.offheap.get_mut(index)?).map(Vec::as_mut_slice)
            }
            _ => None,
        }
    }

    /// Another view of off-heap binary `index`: its first `bits` bits.
    pub fn refc_binary(&mut self, index: usize, bits: usize) -> Term {
        let size = Term::small(bits as i64).unwrap_or(Term::NIL);
        let index = Term::small(index as i64).unwrap_or(Term::NIL);
        self.push_object(HeaderKind::RefcBin, &[size, index])
    }

    /// A sub-binary of `bits` bits starting `offset` bits into binary `of`.
    pub fn sub_binary(&mut self, of: Term, offset: usize, bits: usize) -> Term {
        let offset = Term::small(offset as i64).unwrap_or(Term::NIL);
        let size = Term::small(bits as i64).unwrap_or(Term::NIL);
        self.push_object(HeaderKind::SubBin, &[of, offset, size])
    }

    /// A binary match context over `bin` at bit `position`.
    pub fn match_context(&mut self, bin: Term, position: usize, slots: usize) -> Term {
        let mut payload = vec![bin, Term::small(position as i64).unwrap_or(Term::NIL)];
        payload.extend(std::iter::repeat_n(
            Term::small(0).unwrap_or(Term::NIL),
            slots,
        ));
        self.push_object(HeaderKind::MatchCtx, &payload)
    }
}

fn clear_tail_bits(bytes: &mut [u8], bits: usize) {
    let rem = bits % 8;
    if rem != 0 {
        if let Some(last) = bytes.last_mut() {
            *last &= 0xFFu8 << (8 - rem);
        }
    }
}
