//! `erts_debug:flat_size/1` and `erts_debug:size/1`: a term's size in words as the
//! machine being emulated stores it — the BEAM of the emulated release (64-bit), or
//! AtomVM's 64-bit Unix build in device mode. This VM's own layout differs (it keeps
//! larger binaries on the heap, for one), so the size is computed from the term's
//! shape and each machine's rules, not from this heap.
//!
//! | object | BEAM 25 | BEAM 27, 29 | AtomVM |
//! |---|---|---|---|
//! | list cell | 2 | 2 | 2 |
//! | tuple of n (n > 0) | 1 + n | 1 + n | 1 + n |
//! | `{}` | 0 (a shared literal) | 0 | 1 |
//! | float, reference | 2, 3 | 2, 3 | 2, 2 |
//! | integer outside 60 bits | 1 + 64-bit digits | same | same |
//! | map of n ≤ 32 keys | 3 + n + keys tuple | same | 3 + 2n |
//! | fun with k free variables | 5 + k | 6 + k (29: 2 + k) | 3 + k |
//! | `fun M:F/A` | 5 | 2 | 4 |
//! | binary of b ≤ 64 bytes (AtomVM: < 64) | 2 + ⌈b/8⌉ | same | same |
//! | larger binary | 6 | 8 | 6, and every literal one (a part ≥ 16 bytes: 4 + 6) |
//! | bitstring (not whole bytes) | 5 + its storage | as a binary | — |
//!
//! Maps of more than 32 keys are hash tries on the BEAM whose shape depends on its
//! internal hash; they are counted here as the flat maps above (a known difference).

use std::collections::HashSet;

use crate::heap::Mem;
use crate::interp::{Context, Exception};
use crate::term::HeaderKind;
use crate::term::{Area, Term};

/// The largest binary the BEAM keeps on the process heap (`ERL_ONHEAP_BIN_LIMIT`).
const BEAM_HEAP_BINARY_MAX: usize = 64;
/// AtomVM keeps binaries shorter than this on the heap (`REFC_BINARY_MIN`, 64-bit).
const ATOMVM_REFC_BINARY_MIN: usize = 64;
/// AtomVM refers into a reference-counted binary for parts at least this long.
const ATOMVM_SUB_BINARY_MIN: usize = 16;

/// Whose layout the sizes follow.
#[derive(Clone, Copy, PartialEq)]
enum Machine {
    Beam(u32),
    AtomVm,
}

impl Machine {
    fn of(ctx: &Context<'_>) -> Machine {
        if ctx.vm.code_path.device_release.is_some() {
            Machine::AtomVm
        } else {
            Machine::Beam(crate::release::get())
        }
    }
}

/// `erts_debug:flat_size(Term)`: the words `Term` takes when copied (shared parts
/// counted each time they occur).
pub fn flat_size(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    let term = args.first().copied().ok_or_else(Exception::badarg)?;
    let words = Sizer::new(ctx.mem(), Machine::of(ctx), false).size(term);
    Term::small(words as i64).ok_or_else(Exception::badarg)
}

/// `erts_debug:size(Term)`: the words `Term` takes, each shared part counted once.
pub fn size(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    let term = args.first().copied().ok_or_else(Exception::badarg)?;
    let words = Sizer::new(ctx.mem(), Machine::of(ctx), true).size(term);
    Term::small(words as i64).ok_or_else(Exception::badarg)
}

struct Sizer<'a> {
    mem: Mem<'a>,
    machine: Machine,
    /// For `size/1`: the objects already counted.
    seen: Option<HashSet<u64>>,
}

impl<'a> Sizer<'a> {
    fn new(mem: Mem<'a>, machine: Machine, shared: bool) -> Self {
        Sizer {
            mem,
            machine,
            seen: shared.then(HashSet::new),
        }
    }

    /// The words of `term` and everything it refers to (an explicit stack: a long list
    /// must not exhaust the native one).
    fn size(&mut self, term: Term) -> usize {
        let mut total = 0;
        let mut stack = vec![term];
        while let Some(t) = stack.pop() {
            if t.is_immediate() || t.is_nil() {
                continue;
            }
            if let Some(seen) = &mut self.seen {
                if !seen.insert(t.raw()) {
                    continue;
                }
            }
            if let Some((head, tail)) = self.mem.cons(t) {
                total += 2;
                stack.push(tail);
                stack.push(head);
                continue;
            }
            total += self.object(t, &mut stack);
        }
        total
    }

    /// The words of the boxed object `t` itself; what it refers to goes on `stack`.
    fn object(&self, t: Term, stack: &mut Vec<Term>) -> usize {
        let Some((header, payload)) = self.mem.boxed(t) else {
            return 0;
        };
        let beam = |r25: usize, r27: usize, r29: usize| match self.machine {
            Machine::Beam(r) if r >= 29 => r29,
            Machine::Beam(r) if r >= 27 => r27,
            _ => r25,
        };
        match header.kind {
            HeaderKind::Tuple => {
                stack.extend_from_slice(payload);
                match (self.machine, payload.len()) {
                    (Machine::Beam(_), 0) => 0,
                    (_, n) => 1 + n,
                }
            }
            HeaderKind::Record => {
                stack.extend_from_slice(payload);
                1 + payload.len()
            }
            HeaderKind::Float => 2,
            HeaderKind::Ref => match self.machine {
                Machine::Beam(_) => 3,
                Machine::AtomVm => 2,
            },
            HeaderKind::PosBig | HeaderKind::NegBig => 1 + payload.len(),
            HeaderKind::Map => {
                let values = payload.get(1..).unwrap_or(&[]);
                let keys = self
                    .mem
                    .tuple(payload.first().copied().unwrap_or(Term::NIL));
                stack.extend(keys.unwrap_or(&[]).iter().copied());
                stack.extend_from_slice(values);
                let n = values.len();
                match self.machine {
                    Machine::AtomVm => 3 + 2 * n,
                    // Header, size, keys pointer and values; the keys tuple (none when empty).
                    Machine::Beam(_) => 3 + n + if n == 0 { 0 } else { 1 + n },
                }
            }
            HeaderKind::Fun => {
                let free = payload.get(2..).unwrap_or(&[]);
                stack.extend_from_slice(free);
                free.len()
                    + match self.machine {
                        Machine::AtomVm => 3,
                        Machine::Beam(_) => beam(5, 6, 2),
                    }
            }
            HeaderKind::Export => match self.machine {
                Machine::AtomVm => 4,
                Machine::Beam(_) => beam(5, 2, 2),
            },
            HeaderKind::HeapBin | HeaderKind::RefcBin | HeaderKind::SubBin => self.bitstring(t),
            HeaderKind::MatchCtx => 0,
        }
    }

    /// A binary or bitstring, as the machine would store what the program made.
    fn bitstring(&self, t: Term) -> usize {
        let Some(bits) = self.mem.bitstr(t) else {
            return 0;
        };
        let bytes = bits.bits.div_ceil(8);
        let heap = |b: usize| 2 + b.div_ceil(8);
        // The binary this one is part of (itself when it is not a part).
        let base = match self.mem.boxed(t) {
            Some((h, payload)) if h.kind == HeaderKind::SubBin => payload.first().copied(),
            _ => None,
        };
        let whole = base
            .and_then(|b| self.mem.bitstr(b))
            .map_or(bytes, |b| b.bits.div_ceil(8));
        match self.machine {
            Machine::AtomVm => {
                // AtomVM refers to a module's literal binaries where they are, whatever
                // their size (a constant reference-counted binary).
                let literal = matches!(base.unwrap_or(t).as_boxed(), Some((Area::Literal, _)));
                let refc = literal || whole >= ATOMVM_REFC_BINARY_MIN;
                match base {
                    None if refc => 6,
                    None => heap(bytes),
                    Some(_) if refc && bytes >= ATOMVM_SUB_BINARY_MIN => 4 + 6,
                    Some(_) => heap(bytes),
                }
            }
            // A match of whole bytes up to 64 is copied onto the heap; other parts keep
            // referring to their binary, with a sub-binary when not byte-aligned.
            Machine::Beam(r) if r < 27 => {
                let aligned = bits.offset % 8 == 0 && bits.bits % 8 == 0;
                let storage = if (aligned && bytes <= BEAM_HEAP_BINARY_MAX)
                    || whole <= BEAM_HEAP_BINARY_MAX
                {
                    heap(if aligned { bytes } else { whole })
                } else {
                    6
                };
                storage + if aligned { 0 } else { 5 }
            }
            Machine::Beam(_) => {
                if bytes <= BEAM_HEAP_BINARY_MAX {
                    heap(bytes)
                } else {
                    8
                }
            }
        }
    }
}
