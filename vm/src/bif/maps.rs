//! Maps: sorted keys (term order, exact), binary-searched; and the `maps` BIFs.

use super::{arg, boolean};
use crate::compare::compare;
use crate::interp::{Context, Exception};
use crate::term::Term;
use std::cmp::Ordering;

fn badmap(ctx: &mut Context<'_>, m: Term) -> Exception {
    let reason = ctx.heap().tuple(&[crate::atom::atoms::badmap, m]);
    Exception::error(reason)
}

/// The value under `key` in map `m`, if `m` is a map holding it.
pub fn get(ctx: &Context<'_>, m: Term, key: Term) -> Option<Term> {
    let mem = ctx.mem();
    let (keys, values) = mem.map(m)?;
    let i = keys
        .binary_search_by(|k| compare(&mem, &ctx.vm.atoms, *k, key, true))
        .ok()?;
    values.get(i).copied()
}

/// A map's keys and values, in key order; `None` if `m` is not a map.
pub fn pairs(ctx: &Context<'_>, m: Term) -> Option<Vec<(Term, Term)>> {
    let mem = ctx.mem();
    let (keys, values) = mem.map(m)?;
    Some(keys.iter().copied().zip(values.iter().copied()).collect())
}

/// Builds a map from pairs, later duplicates winning.
pub fn build(ctx: &mut Context<'_>, mut pairs: Vec<(Term, Term)>) -> Term {
    {
        let mem = ctx.mem();
        let atoms = &ctx.vm.atoms;
        // Stable sort keeps insertion order among equal keys; keep the last.
        pairs.sort_by(|a, b| compare(&mem, atoms, a.0, b.0, true));
        let mut deduped: Vec<(Term, Term)> = Vec::with_capacity(pairs.len());
        for p in pairs {
            match deduped.last_mut() {
                Some(last) if compare(&mem, atoms, last.0, p.0, true) == Ordering::Equal => {
                    *last = p
                }
                _ => deduped.push(p),
            }
        }
        pairs = deduped;
    }
    let keys: Vec<Term> = pairs.iter().map(|p| p.0).collect();
    let values: Vec<Term> = pairs.iter().map(|p| p.1).collect();
    ctx.heap().map_sorted(&keys, &values)
}

/// `M#{K => V}` (or `:=` when `exact`, which requires every key to exist).
pub fn update(
    ctx: &mut Context<'_>,
    m: Term,
    updates: &[(Term, Term)],
    exact: bool,
) -> Result<Term, Exception> {
    if let [(k, v)] = updates {
        // The common case, one key: a binary search and one copy into the heap.
        let found = match ctx.mem().map(m) {
            Some((keys, _)) => {
                let mem = ctx.mem();
                keys.binary_search_by(|probe| compare(&mem, &ctx.vm.atoms, *probe, *k, true))
            }
            None => return Err(badmap(ctx, m)),
        };
        let (at, insert) = match found {
            Ok(i) => (i, false),
            Err(_) if exact => {
                let reason = ctx.heap().tuple(&[crate::atom::atoms::badkey, *k]);
                return Err(Exception::error(reason));
            }
            Err(i) => (i, true),
        };
        let lits = &ctx.vm.literals;
        if let Some(t) = ctx.proc.heap.map_with(lits, m, at, *k, *v, insert) {
            return Ok(t);
        }
    }
    let (mut keys, mut values) = match ctx.mem().map(m) {
        Some((k, v)) => (k.to_vec(), v.to_vec()),
        None => return Err(badmap(ctx, m)),
    };
    // Keys stay sorted: each update is a binary search and at most one insertion.
    for (k, v) in updates {
        let found = {
            let mem = ctx.mem();
            keys.binary_search_by(|probe| compare(&mem, &ctx.vm.atoms, *probe, *k, true))
        };
        match found {
            Ok(i) => values[i] = *v,
            Err(_) if exact => {
                let reason = ctx.heap().tuple(&[crate::atom::atoms::badkey, *k]);
                return Err(Exception::error(reason));
            }
            Err(i) => {
                keys.insert(i, *k);
                values.insert(i, *v);
            }
        }
    }
    Ok(ctx.heap().map_sorted(&keys, &values))
}

/// `maps:get/2`, `map_get/2`.
pub fn get2(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    let (key, m) = (arg(args, 0), arg(args, 1));
    if ctx.mem().map(m).is_none() {
        return Err(badmap(ctx, m));
    }
    match get(ctx, m, key) {
        Some(v) => Ok(v),
        None => {
            let reason = ctx.heap().tuple(&[crate::atom::atoms::badkey, key]);
            Err(Exception::error(reason))
        }
    }
}

/// `maps:find/2`.
pub fn find(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    let (key, m) = (arg(args, 0), arg(args, 1));
    if ctx.mem().map(m).is_none() {
        return Err(badmap(ctx, m));
    }
    Ok(match get(ctx, m, key) {
        Some(v) => ctx.heap().tuple(&[crate::atom::atoms::ok, v]),
        None => crate::atom::atoms::error,
    })
}

/// `maps:put/3`.
pub fn put(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    update(ctx, arg(args, 2), &[(arg(args, 0), arg(args, 1))], false)
}

/// `maps:is_key/2`, `is_map_key/2`.
pub fn is_key(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    let m = arg(args, 1);
    if ctx.mem().map(m).is_none() {
        return Err(badmap(ctx, m));
    }
    Ok(boolean(get(ctx, m, arg(args, 0)).is_some()))
}

fn map_pairs(ctx: &mut Context<'_>, m: Term) -> Result<Vec<(Term, Term)>, Exception> {
    match pairs(ctx, m) {
        Some(p) => Ok(p),
        None => Err(badmap(ctx, m)),
    }
}

/// `maps:keys/1`.
pub fn keys(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    let p = map_pairs(ctx, arg(args, 0))?;
    let ks: Vec<Term> = p.iter().map(|p| p.0).collect();
    Ok(ctx.heap().list(&ks))
}

/// `maps:values/1`.
pub fn values(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    let p = map_pairs(ctx, arg(args, 0))?;
    let vs: Vec<Term> = p.iter().map(|p| p.1).collect();
    Ok(ctx.heap().list(&vs))
}

/// `maps:to_list/1`.
pub fn to_list(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    let m = arg(args, 0);
    // From OTP 26 an iterator too (`maps:iterator/2`'s ordered ones included).
    let p = match iterator_pairs(ctx, m).filter(|_| crate::release::get() >= 26) {
        Some(p) if ctx.mem().map(m).is_none() => p,
        _ => map_pairs(ctx, m)?,
    };
    let tuples: Vec<Term> = p.iter().map(|(k, v)| ctx.heap().tuple(&[*k, *v])).collect();
    Ok(ctx.heap().list(&tuples))
}

/// `maps:from_list/1`.
pub fn from_list(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    let items = ctx
        .mem()
        .list_elements(arg(args, 0))
        .ok_or_else(Exception::badarg)?;
    let mut p = Vec::with_capacity(items.len());
    for item in items {
        match ctx.mem().tuple(item) {
            Some([k, v]) => p.push((*k, *v)),
            _ => return Err(Exception::badarg()),
        }
    }
    Ok(build(ctx, p))
}

/// `maps:remove/2`.
pub fn remove(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    let (key, m) = (arg(args, 0), arg(args, 1));
    let p = map_pairs(ctx, m)?;
    let kept: Vec<(Term, Term)> = {
        let mem = ctx.mem();
        p.into_iter()
            .filter(|(k, _)| compare(&mem, &ctx.vm.atoms, *k, key, true) != Ordering::Equal)
            .collect()
    };
    Ok(build(ctx, kept))
}

/// `maps:merge/2`.
pub fn merge(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    let mut p = map_pairs(ctx, arg(args, 0))?;
    p.extend(map_pairs(ctx, arg(args, 1))?);
    Ok(build(ctx, p))
}

/// `map_size/1`, `maps:size/1`.
pub fn size(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    let n = map_pairs(ctx, arg(args, 0))?.len();
    Ok(ctx.heap().int(n as i64))
}

/// `erts_internal:map_next/3`: the step of `maps:next/1` (with `iterator`: one
/// `{K, V, NextIterator}` or `none`) and of `maps:to_list/1` (with a list: every
/// remaining pair, in key order, in front of it).
pub fn map_next(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    let (index, m, acc) = (arg(args, 0), arg(args, 1), arg(args, 2));
    if let Some(keys) = ctx.mem().list_elements(index) {
        // An ordered iterator's path (OTP 26): the keys still to visit, in order.
        return next_by_keys(ctx, &keys, m, acc);
    }
    let i = index
        .as_small()
        .and_then(|i| usize::try_from(i).ok())
        .ok_or_else(Exception::badarg)?;
    let pairs = map_pairs(ctx, m)?;
    if acc == crate::atom::atoms::iterator {
        return Ok(match pairs.get(i) {
            Some((k, v)) => {
                let next_index = Term::small(i as i64 + 1).unwrap_or(Term::NIL);
                let next = ctx.heap().cons(next_index, m);
                ctx.heap().tuple(&[*k, *v, next])
            }
            None => crate::atom::atoms::none,
        });
    }
    let rest: Vec<Term> = pairs
        .iter()
        .skip(i)
        .map(|(k, v)| ctx.heap().tuple(&[*k, *v]))
        .collect();
    Ok(ctx.heap().list_with_tail(&rest, acc))
}

/// `erts_internal:map_next/3` along a list of keys: `{K, V, [Rest | Map]}` (or `none`)
/// as an iterator step, else the remaining pairs in front of `acc`.
fn next_by_keys(
    ctx: &mut Context<'_>,
    keys: &[Term],
    m: Term,
    acc: Term,
) -> Result<Term, Exception> {
    if ctx.mem().map(m).is_none() {
        return Err(Exception::badarg());
    }
    let value = |ctx: &Context<'_>, k: Term| get(ctx, m, k).ok_or_else(Exception::badarg);
    if acc == crate::atom::atoms::iterator {
        let Some((k, rest)) = keys.split_first() else {
            return Ok(crate::atom::atoms::none);
        };
        let v = value(ctx, *k)?;
        let rest = ctx.heap().list(rest);
        let next = ctx.heap().cons(rest, m);
        return Ok(ctx.heap().tuple(&[*k, v, next]));
    }
    let mut pairs = Vec::with_capacity(keys.len());
    for k in keys {
        let v = value(ctx, *k)?;
        pairs.push(ctx.heap().tuple(&[*k, v]));
    }
    Ok(ctx.heap().list_with_tail(&pairs, acc))
}

/// The pairs an iterator still yields (`{K, V, Next}`, `[Index | Map]` or `[Keys |
/// Map]`), in its order; `None` if it is not one.
fn iterator_pairs(ctx: &Context<'_>, mut it: Term) -> Option<Vec<(Term, Term)>> {
    let mut out = Vec::new();
    let mem = ctx.mem();
    loop {
        if let Some([k, v, next]) = mem.tuple(it) {
            out.push((*k, *v));
            it = *next;
            continue;
        }
        let (path, m) = mem.cons(it)?;
        let (keys, values) = mem.map(m)?;
        if let Some(i) = path.as_small() {
            let i = usize::try_from(i).ok()?;
            out.extend(keys.iter().copied().zip(values.iter().copied()).skip(i));
            return Some(out);
        }
        for k in mem.list_elements(path)? {
            out.push((k, get(ctx, m, k)?));
        }
        return Some(out);
    }
}

/// `maps:from_keys/2`.
pub fn from_keys(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    let keys = ctx
        .mem()
        .list_elements(arg(args, 0))
        .ok_or_else(Exception::badarg)?;
    let value = arg(args, 1);
    Ok(build(ctx, keys.into_iter().map(|k| (k, value)).collect()))
}

/// `maps:take/2`: `{Value, MapWithout}` or `error`.
pub fn take(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    let (key, m) = (arg(args, 0), arg(args, 1));
    let p = map_pairs(ctx, m)?;
    match get(ctx, m, key) {
        Some(v) => {
            let rest: Vec<(Term, Term)> = {
                let mem = ctx.mem();
                p.into_iter()
                    .filter(|(k, _)| compare(&mem, &ctx.vm.atoms, *k, key, true) != Ordering::Equal)
                    .collect()
            };
            let new = build(ctx, rest);
            Ok(ctx.heap().tuple(&[v, new]))
        }
        None => Ok(crate::atom::atoms::error),
    }
}

/// `maps:update/3`: `{badkey, K}` unless the key exists.
pub fn update3(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    update(ctx, arg(args, 2), &[(arg(args, 0), arg(args, 1))], true)
}
