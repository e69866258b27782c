//! Copying terms between heaps: the garbage collector (Cheney's algorithm: copy the
//! roots into a fresh heap, then scan it, copying whatever it points to) and the
//! copy of a term into another process's heap (messages, spawn arguments).
//!
//! Literal-arena terms are never copied: they are immortal and shared.

use super::{Heap, Mem, OffHeapBin, MIN_HEAP};
use crate::term::{Area, Header, HeaderKind, Term};
use std::sync::Arc;

/// Whether the payload of an object of `kind` is raw data rather than terms.
fn raw_payload(kind: HeaderKind) -> bool {
    matches!(
        kind,
        HeaderKind::PosBig
            | HeaderKind::NegBig
            | HeaderKind::Float
            | HeaderKind::Ref
            | HeaderKind::HeapBin
    )
}

/// Collects `heap`: everything reachable from `roots` is copied into a fresh heap, the
/// roots are rewritten to point at the copies, and the rest is freed. Afterwards at
/// least `need` words fit before the limit.
pub fn collect(heap: &mut Heap, roots: &mut [&mut [Term]], need: usize) {
    let mut from = std::mem::take(&mut heap.words);
    let old_offheap = std::mem::take(&mut heap.offheap);
    let mut to: Vec<Term> = std::mem::take(&mut heap.spare);
    to.clear();
    to.reserve(from.len() / 2 + need);
    let mut offheap: Vec<OffHeapBin> = Vec::new();
    for root in roots.iter_mut() {
        for t in root.iter_mut() {
            *t = forward(*t, &mut from, &mut to, &old_offheap, &mut offheap);
        }
    }
    let mut scan = 0;
    while let Some(&word) = to.get(scan) {
        if let Some(header) = Header::of(word) {
            scan += 1;
            if raw_payload(header.kind) {
                scan += header.arity;
            }
            continue;
        }
        let moved = forward(word, &mut from, &mut to, &old_offheap, &mut offheap);
        if let Some(slot) = to.get_mut(scan) {
            *slot = moved;
        }
        scan += 1;
    }
    // Grow generously (three times what survived): a heap that keeps most of its data
    // would otherwise be collected again almost at once.
    heap.limit = MIN_HEAP.max((to.len() + need) * 3);
    // Room for everything until the next collection, so the heap never reallocates
    // (and faults in fresh pages) between collections.
    to.reserve(heap.limit.saturating_sub(to.len()));
    from.clear();
    heap.spare = from;
    heap.words = to;
    heap.offheap = offheap;
}

/// Copies one object of the old heap into the new one (once: the old copy is replaced
/// by a forwarding pointer), returning the term that now refers to it.
fn forward(
    t: Term,
    from: &mut [Term],
    to: &mut Vec<Term>,
    old_offheap: &[OffHeapBin],
    offheap: &mut Vec<OffHeapBin>,
) -> Term {
    if let Some((Area::Heap, i)) = t.as_list() {
        let (Some(&head), Some(&tail)) = (from.get(i), from.get(i + 1)) else {
            return Term::NONE;
        };
        if head.is_none() {
            return tail; // already moved: the tail word holds the new pointer
        }
        let at = to.len();
        to.extend_from_slice(&[head, tail]);
        let new = Term::list(Area::Heap, at);
        from[i] = Term::NONE;
        from[i + 1] = new;
        return new;
    }
    if let Some((Area::Heap, i)) = t.as_boxed() {
        let Some(&word) = from.get(i) else {
            return Term::NONE;
        };
        if word.as_boxed().is_some() {
            return word; // already moved
        }
        let Some(header) = Header::of(word) else {
            return Term::NONE;
        };
        let Some(object) = from.get(i..=i + header.arity) else {
            return Term::NONE;
        };
        let at = to.len();
        to.extend_from_slice(object);
        if header.kind == HeaderKind::RefcBin {
            relink_offheap(to, at, old_offheap, offheap);
        }
        let new = Term::boxed(Area::Heap, at);
        from[i] = new;
        return new;
    }
    t
}

/// Points a just-copied `RefcBin` (at `at` in `to`) at its binary's new off-heap slot.
fn relink_offheap(to: &mut [Term], at: usize, old: &[OffHeapBin], new: &mut Vec<OffHeapBin>) {
    let Some(slot) = to.get_mut(at + 2) else {
        return;
    };
    let bin = slot
        .as_small()
        .and_then(|i| usize::try_from(i).ok())
        .and_then(|i| old.get(i));
    if let Some(bin) = bin {
        *slot = Term::small(new.len() as i64).unwrap_or(Term::NIL);
        new.push(Arc::clone(bin));
    }
}

/// Copies `t`, which lives in the heap `src`, into `dst`, and returns the copy.
/// Sharing within the term is not preserved (as in BEAM's message passing); literals
/// are shared, not copied.
pub fn copy_term(src_heap: &Heap, t: Term, dst: &mut Heap) -> Term {
    let no_literals = Heap::default();
    let src = Mem::new(src_heap, &no_literals);
    let start = dst.words.len();
    let root = shallow_copy(src, src_heap, t, dst);
    let mut scan = start;
    while let Some(&word) = dst.words.get(scan) {
        if let Some(header) = Header::of(word) {
            scan += 1;
            if raw_payload(header.kind) {
                scan += header.arity;
            }
            continue;
        }
        let copied = shallow_copy(src, src_heap, word, dst);
        if let Some(slot) = dst.words.get_mut(scan) {
            *slot = copied;
        }
        scan += 1;
    }
    root
}

/// Copies the cell or object `t` points to (its children still refer to `src`, and
/// the caller's scan fixes them up). Immediates and literals are returned as they are.
fn shallow_copy(src: Mem<'_>, src_heap: &Heap, t: Term, dst: &mut Heap) -> Term {
    if matches!(t.as_list(), Some((Area::Heap, _))) {
        let Some((head, tail)) = src.cons(t) else {
            return Term::NONE;
        };
        let at = dst.words.len();
        dst.words.extend_from_slice(&[head, tail]);
        return Term::list(dst.area, at);
    }
    if matches!(t.as_boxed(), Some((Area::Heap, _))) {
        let Some((header, payload)) = src.boxed(t) else {
            return Term::NONE;
        };
        let at = dst.words.len();
        dst.words.push(Header::word(header.kind, header.arity));
        dst.words.extend_from_slice(payload);
        if header.kind == HeaderKind::RefcBin {
            if let Some(bits) = src.bitstr(t) {
                let index = dst.offheap.len();
                let shared = payload
                    .get(1)
                    .and_then(|i| i.as_small())
                    .and_then(|i| src_heap.offheap.get(usize::try_from(i).ok()?));
                match shared {
                    Some(bin) => dst.offheap.push(Arc::clone(bin)),
                    None => dst.offheap.push(Arc::new(bits.bytes.to_vec())),
                }
                if let Some(slot) = dst.words.get_mut(at + 2) {
                    *slot = Term::small(index as i64).unwrap_or(Term::NIL);
                }
            }
        }
        return Term::boxed(dst.area, at);
    }
    t
}

#[cfg(test)]
mod tests {
    use super::*;

    fn literals() -> Heap {
        Heap::new(Area::Literal)
    }

    #[test]
    fn collection_keeps_reachable_terms_and_drops_garbage() {
        let lits = literals();
        let mut heap = Heap::new(Area::Heap);
        let garbage = heap.tuple(&[Term::small(1).unwrap(); 50]);
        let _ = garbage;
        let big = heap.binary(&[7u8; 200]);
        let f = heap.float(2.5);
        let inner = heap.tuple(&[f, big]);
        let list = heap.list(&[inner, Term::small(3).unwrap(), inner]);
        let before = heap.words.len();
        let mut x = [list, Term::atom(1)];
        collect(&mut heap, &mut [&mut x], 0);
        assert!(heap.words.len() < before);
        let mem = heap.mem(&lits);
        let elements = mem.list_elements(x[0]).unwrap();
        assert_eq!(elements.len(), 3);
        // Sharing is preserved by the collector: both elements point at one tuple.
        assert_eq!(elements[0], elements[2]);
        let tuple = mem.tuple(elements[0]).unwrap();
        assert_eq!(mem.float(tuple[0]), Some(2.5));
        assert_eq!(mem.bitstr(tuple[1]).unwrap().aligned().unwrap(), [7u8; 200]);
        assert_eq!(heap.offheap.len(), 1);
        assert_eq!(x[1], Term::atom(1));
    }

    #[test]
    fn copies_into_another_heap() {
        let lits = literals();
        let mut a = Heap::new(Area::Heap);
        let bin = a.binary(&[1u8; 100]);
        let t = a.tuple(&[Term::small(5).unwrap(), bin]);
        let l = a.list(&[t, t]);
        let mut b = Heap::new(Area::Heap);
        b.tuple(&[Term::NIL]); // something already there
        let copy = copy_term(&a, l, &mut b);
        let mem = b.mem(&lits);
        let items = mem.list_elements(copy).unwrap();
        assert_eq!(items.len(), 2);
        let tuple = mem.tuple(items[1]).unwrap();
        assert_eq!(tuple[0], Term::small(5).unwrap());
        assert_eq!(mem.bitstr(tuple[1]).unwrap().aligned().unwrap(), [1u8; 100]);
    }
}
