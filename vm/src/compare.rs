//! Erlang's term order and equality:
//! `number < atom < reference < fun < port < pid < tuple < record < map < [] < list <
//! bitstring` (OTP 29's native records between tuples and maps).
//!
//! Iterative (an explicit work stack), so deeply nested terms cannot overflow the Rust
//! stack.

use crate::atom::AtomTable;
use crate::heap::{Int, Mem};
use crate::term::{HeaderKind, Term};
use num_bigint::BigInt;
use num_traits::ToPrimitive;
use std::cmp::Ordering;

/// Rank of a term's type in the term order.
fn rank(mem: &Mem<'_>, t: Term) -> u8 {
    if t.as_small().is_some() {
        return 0;
    }
    if t.as_atom().is_some() {
        return 1;
    }
    if t.as_port().is_some() {
        return 4;
    }
    if t.as_pid().is_some() {
        return 5;
    }
    if t.is_nil() {
        return NIL;
    }
    if t.as_list().is_some() {
        return LIST;
    }
    match mem.kind(t) {
        Some(HeaderKind::PosBig | HeaderKind::NegBig | HeaderKind::Float) => 0,
        Some(HeaderKind::Ref) => 2,
        Some(HeaderKind::Fun | HeaderKind::Export) => 3,
        Some(HeaderKind::Tuple) => 6,
        Some(HeaderKind::Record) => RECORD,
        Some(HeaderKind::Map) => 8,
        Some(HeaderKind::HeapBin | HeaderKind::RefcBin | HeaderKind::SubBin) => BITSTRING,
        _ => 12,
    }
}

/// Ranks that the comparison treats specially.
const RECORD: u8 = 7;
const NIL: u8 = 9;
const LIST: u8 = 10;
const BITSTRING: u8 = 11;

/// A number read for comparison.
enum Num {
    Int(Int),
    Float(f64),
}

fn number(mem: &Mem<'_>, t: Term) -> Option<Num> {
    if let Some(i) = mem.int(t) {
        return Some(Num::Int(i));
    }
    mem.float(t).map(Num::Float)
}

fn cmp_int_float(i: &Int, f: f64) -> Ordering {
    match i {
        Int::Small(v) => {
            // Exact for |v| < 2^53; beyond, compare through BigInt.
            if v.unsigned_abs() < (1 << 53) {
                (*v as f64).partial_cmp(&f).unwrap_or(Ordering::Equal)
            } else {
                cmp_big_float(&BigInt::from(*v), f)
            }
        }
        Int::Big(b) => cmp_big_float(b, f),
    }
}

fn cmp_big_float(b: &BigInt, f: f64) -> Ordering {
    if f.is_nan() {
        return Ordering::Equal;
    }
    let truncated = f.trunc();
    match Some(BigInt::from(truncated as i128))
        .filter(|_| truncated.abs() < 1.0e38)
        .or_else(|| num_bigint_from_f64(truncated))
    {
        Some(fb) => match b.cmp(&fb) {
            Ordering::Equal => 0.0f64
                .partial_cmp(&(f - truncated))
                .unwrap_or(Ordering::Equal),
            other => other,
        },
        None => b
            .to_f64()
            .and_then(|bf| bf.partial_cmp(&f))
            .unwrap_or(Ordering::Equal),
    }
}

fn num_bigint_from_f64(f: f64) -> Option<BigInt> {
    num_traits::FromPrimitive::from_f64(f)
}

fn cmp_numbers(a: &Num, b: &Num, exact: bool) -> Ordering {
    match (a, b) {
        (Num::Int(Int::Small(x)), Num::Int(Int::Small(y))) => x.cmp(y),
        (Num::Int(x), Num::Int(y)) => x.to_big().cmp(&y.to_big()),
        // From OTP 27, exact comparison tells -0.0 from 0.0.
        (Num::Float(x), Num::Float(y))
            if exact && *x == 0.0 && *y == 0.0 && crate::release::get() >= 27 =>
        {
            y.is_sign_negative().cmp(&x.is_sign_negative())
        }
        (Num::Float(x), Num::Float(y)) => x.partial_cmp(y).unwrap_or(Ordering::Equal),
        // Exact order (map keys): every integer before every float, as BEAM.
        (Num::Int(_), Num::Float(_)) if exact => Ordering::Less,
        (Num::Float(_), Num::Int(_)) if exact => Ordering::Greater,
        (Num::Int(i), Num::Float(f)) => cmp_int_float(i, *f),
        (Num::Float(f), Num::Int(i)) => cmp_int_float(i, *f).reverse(),
    }
}

/// Compares two terms. With `exact` (map key order, `=:=`), integers and floats never
/// compare equal and every integer sorts before every float; without, numbers compare
/// by value (as `==` and `<` see them).
pub fn compare(mem: &Mem<'_>, atoms: &AtomTable, a: Term, b: Term, exact: bool) -> Ordering {
    // Fast path for the most common keys: two small integers.
    if let (Some(x), Some(y)) = (a.as_small(), b.as_small()) {
        return x.cmp(&y);
    }
    // Pairs to compare, each with its own exactness: a record's values are compared
    // exactly even by `==` (as the BEAM does).
    let mut work = vec![(a, b, exact)];
    while let Some((a, b, exact)) = work.pop() {
        if a == b {
            continue;
        }
        let (ra, rb) = (rank(mem, a), rank(mem, b));
        if ra != rb {
            return ra.cmp(&rb);
        }
        let order = match ra {
            0 => match (number(mem, a), number(mem, b)) {
                (Some(x), Some(y)) => cmp_numbers(&x, &y, exact),
                _ => Ordering::Equal,
            },
            1 => atoms
                .name(a.as_atom().unwrap_or(0))
                .cmp(atoms.name(b.as_atom().unwrap_or(0))),
            4 => a.as_port().cmp(&b.as_port()),
            5 => a.as_pid().cmp(&b.as_pid()),
            LIST => {
                let (Some((ha, ta)), Some((hb, tb))) = (mem.cons(a), mem.cons(b)) else {
                    return Ordering::Equal;
                };
                work.push((ta, tb, exact));
                work.push((ha, hb, exact));
                Ordering::Equal
            }
            RECORD => match (mem.record(a), mem.record(b)) {
                // The definitions `{Module, Name, IsExported, {Field...}}` (module, name,
                // exported flag, field count, field names), then the values, exactly.
                (Some((da, va)), Some((db, vb))) => {
                    for (x, y) in va.iter().zip(vb).rev() {
                        work.push((*x, *y, true));
                    }
                    work.push((da, db, true));
                    Ordering::Equal
                }
                _ => Ordering::Equal,
            },
            BITSTRING => match (mem.bitstr(a), mem.bitstr(b)) {
                (Some(x), Some(y)) => {
                    let common = x.bits.min(y.bits);
                    let mut order = Ordering::Equal;
                    for i in 0..common {
                        order = x.bit(i).cmp(&y.bit(i));
                        if order != Ordering::Equal {
                            break;
                        }
                    }
                    order.then(x.bits.cmp(&y.bits))
                }
                _ => Ordering::Equal,
            },
            _ => match (mem.boxed(a), mem.boxed(b)) {
                (Some((ha, pa)), Some((_, pb))) => {
                    if ha.kind == HeaderKind::Map {
                        // Size, then keys in order, then values in key order.
                        match (mem.map(a), mem.map(b)) {
                            (Some((ka, va)), Some((kb, vb))) if ka.len() == kb.len() => {
                                for (x, y) in va.iter().zip(vb).rev() {
                                    work.push((*x, *y, exact));
                                }
                                // Keys compare exactly whatever the comparison (an
                                // integer key is below the equal float), all through.
                                for (x, y) in ka.iter().zip(kb).rev() {
                                    work.push((*x, *y, true));
                                }
                                Ordering::Equal
                            }
                            (Some((ka, _)), Some((kb, _))) => ka.len().cmp(&kb.len()),
                            _ => Ordering::Equal,
                        }
                    } else if ha.kind == HeaderKind::Ref {
                        pa.first().map(|t| t.0).cmp(&pb.first().map(|t| t.0))
                    } else if pa.len() != pb.len() {
                        pa.len().cmp(&pb.len())
                    } else {
                        for (x, y) in pa.iter().zip(pb).rev() {
                            work.push((*x, *y, exact));
                        }
                        Ordering::Equal
                    }
                }
                _ => Ordering::Equal,
            },
        };
        if order != Ordering::Equal {
            return order;
        }
    }
    Ordering::Equal
}
