//! Small helpers for the I/O natives: reading arguments and building results.

use crate::interp::{Context, Exception};
use crate::term::{HeaderKind, Term};

/// A map of `pairs` (keys in any order; no duplicates) on the process heap.
pub fn map(ctx: &mut Context<'_>, mut pairs: Vec<(Term, Term)>) -> Term {
    {
        let mem = ctx.proc.heap.mem(&ctx.vm.literals);
        let atoms = &ctx.vm.atoms;
        pairs.sort_by(|a, b| crate::compare::compare(&mem, atoms, a.0, b.0, true));
    }
    let keys: Vec<Term> = pairs.iter().map(|p| p.0).collect();
    let values: Vec<Term> = pairs.iter().map(|p| p.1).collect();
    ctx.proc.heap.map_sorted(&keys, &values)
}

/// A map with atom keys.
pub fn atom_map(ctx: &mut Context<'_>, pairs: &[(&str, Term)]) -> Term {
    let pairs = pairs.iter().map(|(k, v)| (ctx.atom(k), *v)).collect();
    map(ctx, pairs)
}

/// The value under atom key `key` of map `m`.
pub fn get(ctx: &mut Context<'_>, m: Term, key: &str) -> Option<Term> {
    let key = ctx.atom(key);
    let mem = ctx.mem();
    let (keys, values) = mem.map(m)?;
    keys.iter()
        .position(|k| *k == key)
        .and_then(|i| values.get(i).copied())
}

/// `{Tag, Value}`.
pub fn tagged(ctx: &mut Context<'_>, tag: &str, value: Term) -> Term {
    let tag = ctx.atom(tag);
    ctx.heap().tuple(&[tag, value])
}

/// `{error, Reason}` with an atom reason.
pub fn error(ctx: &mut Context<'_>, reason: &str) -> Term {
    let reason = ctx.atom(reason);
    tagged(ctx, "error", reason)
}

/// `{error, Posix}` for an OS error.
pub fn os_error(ctx: &mut Context<'_>, e: &std::io::Error) -> Term {
    error(ctx, &super::errno::name(e))
}

/// A small integer argument.
pub fn int(ctx: &Context<'_>, t: Term) -> Result<i64, Exception> {
    match ctx.mem().int(t) {
        Some(crate::heap::Int::Small(v)) => Ok(v),
        _ => Err(Exception::badarg()),
    }
}

/// A small integer (any size that fits).
pub fn small(value: i64) -> Term {
    Term::small(value).unwrap_or(Term::NIL)
}

/// The bytes of a binary argument.
pub fn bytes(ctx: &Context<'_>, t: Term) -> Result<Vec<u8>, Exception> {
    ctx.mem()
        .bitstr(t)
        .and_then(|b| b.aligned().map(<[u8]>::to_vec))
        .ok_or_else(Exception::badarg)
}

/// The id of a reference term.
pub fn ref_id(ctx: &Context<'_>, t: Term) -> Option<u64> {
    match ctx.mem().boxed(t) {
        Some((h, [id])) if h.kind == HeaderKind::Ref => Some(id.0),
        _ => None,
    }
}

/// Whether `t` is `true` (`Some(true)`), `false`, or neither.
pub fn boolean(t: Term) -> Option<bool> {
    if t == crate::atom::atoms::true_ {
        Some(true)
    } else if t == crate::atom::atoms::false_ {
        Some(false)
    } else {
        None
    }
}

/// The atom `true` or `false`.
pub fn bool_term(b: bool) -> Term {
    if b {
        crate::atom::atoms::true_
    } else {
        crate::atom::atoms::false_
    }
}
