//! The `binary` module's natively implemented functions.

use super::{arg, check};
use crate::heap::Int;
use crate::interp::{Context, Exception};
use crate::term::Term;
use num_bigint::{BigInt, Sign};

fn bytes(ctx: &Context<'_>, t: Term) -> Result<Vec<u8>, Exception> {
    let mem = ctx.mem();
    let b = mem.bitstr(t).ok_or_else(Exception::badarg)?;
    super::binary_bytes(&b).ok_or_else(Exception::badarg)
}

/// `binary:copy/1,2`.
pub fn copy(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    let b = bytes(ctx, arg(args, 0))?;
    let n = match args.get(1) {
        Some(n) => usize::try_from(n.as_small().ok_or_else(Exception::badarg)?)
            .map_err(|_| Exception::badarg())?,
        None => 1,
    };
    Ok(ctx.heap().binary(&b.repeat(n)))
}

/// `binary:referenced_byte_size/1` (a copy's own size here).
pub fn referenced_byte_size(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    let mem = ctx.mem();
    let b = mem.bitstr(arg(args, 0)).ok_or_else(Exception::badarg)?;
    let n = b.bytes.len();
    Ok(ctx.heap().int(n as i64))
}

/// `binary:first/1`.
pub fn first(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    let b = bytes(ctx, arg(args, 0))?;
    b.first()
        .map(|v| ctx.heap().int(i64::from(*v)))
        .ok_or_else(Exception::badarg)
}

/// `binary:last/1`.
pub fn last(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    let b = bytes(ctx, arg(args, 0))?;
    b.last()
        .map(|v| ctx.heap().int(i64::from(*v)))
        .ok_or_else(Exception::badarg)
}

/// `binary:at/2`.
pub fn at(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    let b = bytes(ctx, arg(args, 0))?;
    let i = arg(args, 1)
        .as_small()
        .and_then(|i| usize::try_from(i).ok())
        .ok_or_else(Exception::badarg)?;
    b.get(i)
        .map(|v| ctx.heap().int(i64::from(*v)))
        .ok_or_else(Exception::badarg)
}

/// `binary:bin_to_list/1`.
pub fn bin_to_list(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    let b = bytes(ctx, arg(args, 0))?;
    let items: Vec<Term> = b
        .iter()
        .filter_map(|v| Term::small(i64::from(*v)))
        .collect();
    Ok(ctx.heap().list(&items))
}

/// `binary:encode_unsigned/1,2`.
pub fn encode_unsigned(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    let v = ctx
        .mem()
        .int(arg(args, 0))
        .ok_or_else(Exception::badarg)?
        .to_big();
    check(v.sign() != Sign::Minus)?;
    let mut out = v.to_bytes_be().1;
    if out.is_empty() {
        out.push(0);
    }
    if little(ctx, args.get(1))? {
        out.reverse();
    }
    Ok(ctx.heap().binary(&out))
}

/// `binary:decode_unsigned/1,2`.
pub fn decode_unsigned(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    let mut b = bytes(ctx, arg(args, 0))?;
    if little(ctx, args.get(1))? {
        b.reverse();
    }
    let v = BigInt::from_bytes_be(Sign::Plus, &b);
    Ok(ctx.heap().bigint(&v))
}

fn little(ctx: &Context<'_>, t: Option<&Term>) -> Result<bool, Exception> {
    match t.and_then(|t| t.as_atom()).map(|a| ctx.vm.atoms.name(a)) {
        None if t.is_none() => Ok(false),
        Some("big") => Ok(false),
        Some("little") => Ok(true),
        _ => Err(Exception::badarg()),
    }
}

/// The patterns of a `binary:compile_pattern/1` argument (a binary or a list of them).
fn patterns(ctx: &Context<'_>, t: Term) -> Result<Vec<Vec<u8>>, Exception> {
    let mem = ctx.mem();
    // A compiled pattern is `{bm, Patterns}` / `{ac, Patterns}` from this module.
    let t = match mem.tuple(t) {
        Some([_, p]) => *p,
        _ => t,
    };
    let list = match mem.list_elements(t) {
        Some(items) => items,
        None => vec![t],
    };
    let out: Vec<Vec<u8>> = list
        .iter()
        .map(|p| bytes(ctx, *p))
        .collect::<Result<_, _>>()?;
    check(!out.is_empty() && out.iter().all(|p| !p.is_empty()))?;
    Ok(out)
}

/// `binary:compile_pattern/1`: `{ac, [Patterns]}` (matching uses the list directly).
pub fn compile_pattern(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    let ps = patterns(ctx, arg(args, 0))?;
    let bins: Vec<Term> = ps.iter().map(|p| ctx.heap().binary(p)).collect();
    let list = ctx.heap().list(&bins);
    let tag = ctx.atom("ac");
    Ok(ctx.heap().tuple(&[tag, list]))
}

/// Scope option `{scope, {Start, Length}}` as a byte range.
fn scope(ctx: &Context<'_>, opts: Option<&Term>, len: usize) -> Result<(usize, usize), Exception> {
    let mut range = (0, len);
    if let Some(opts) = opts {
        let mem = ctx.mem();
        for opt in mem.list_elements(*opts).ok_or_else(Exception::badarg)? {
            if let Some([k, v]) = mem.tuple(opt) {
                if k.as_atom().map(|a| ctx.vm.atoms.name(a)) == Some("scope") {
                    let Some([s, l]) = mem.tuple(*v) else {
                        return Err(Exception::badarg());
                    };
                    let (s, l) = (
                        s.as_small().ok_or_else(Exception::badarg)?,
                        l.as_small().ok_or_else(Exception::badarg)?,
                    );
                    let (a, b) = if l >= 0 { (s, s + l) } else { (s + l, s) };
                    check(a >= 0 && b as usize <= len)?;
                    range = (a as usize, b as usize);
                }
            }
        }
    }
    Ok(range)
}

/// Leftmost-longest match at or after `from` (before `to`).
fn find(subject: &[u8], pats: &[Vec<u8>], from: usize, to: usize) -> Option<(usize, usize)> {
    (from..to).find_map(|i| {
        pats.iter()
            .filter(|p| i + p.len() <= to && subject[i..].starts_with(p))
            .map(|p| p.len())
            .max()
            .map(|len| (i, len))
    })
}

fn has_flag(ctx: &Context<'_>, opts: Option<&Term>, flag: &str) -> bool {
    opts.and_then(|o| ctx.mem().list_elements(*o))
        .is_some_and(|items| {
            items
                .iter()
                .any(|t| t.as_atom().map(|a| ctx.vm.atoms.name(a)) == Some(flag))
        })
}

/// `binary:match/2,3`.
pub fn match_(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    let subject = bytes(ctx, arg(args, 0))?;
    let pats = patterns(ctx, arg(args, 1))?;
    let (from, to) = scope(ctx, args.get(2), subject.len())?;
    Ok(match find(&subject, &pats, from, to) {
        Some((at, len)) => {
            let parts = [ctx.heap().int(at as i64), ctx.heap().int(len as i64)];
            ctx.heap().tuple(&parts)
        }
        None => ctx.atom("nomatch"),
    })
}

/// `binary:matches/2,3`.
pub fn matches(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    let subject = bytes(ctx, arg(args, 0))?;
    let pats = patterns(ctx, arg(args, 1))?;
    let (mut from, to) = scope(ctx, args.get(2), subject.len())?;
    let mut found = Vec::new();
    while let Some((at, len)) = find(&subject, &pats, from, to) {
        let parts = [ctx.heap().int(at as i64), ctx.heap().int(len as i64)];
        found.push(ctx.heap().tuple(&parts));
        from = at + len;
    }
    Ok(ctx.heap().list(&found))
}

/// `binary:split/2,3` (options `global`, `trim`, `trim_all`, `scope`).
pub fn split(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    let subject = bytes(ctx, arg(args, 0))?;
    let pats = patterns(ctx, arg(args, 1))?;
    let opts = args.get(2);
    let (from, to) = scope(ctx, opts, subject.len())?;
    let global = has_flag(ctx, opts, "global");
    let trim = has_flag(ctx, opts, "trim");
    let trim_all = has_flag(ctx, opts, "trim_all");
    let mut parts: Vec<&[u8]> = Vec::new();
    let mut start = 0;
    let mut pos = from;
    while let Some((at, len)) = find(&subject, &pats, pos, to) {
        parts.push(&subject[start..at]);
        start = at + len;
        pos = start;
        if !global {
            break;
        }
    }
    parts.push(&subject[start..]);
    if trim_all {
        parts.retain(|p| !p.is_empty());
    } else if trim {
        while parts.last().is_some_and(|p| p.is_empty()) {
            parts.pop();
        }
    }
    let terms: Vec<Term> = parts.iter().map(|p| ctx.heap().binary(p)).collect();
    Ok(ctx.heap().list(&terms))
}

/// `binary:longest_common_prefix/1`.
pub fn longest_common_prefix(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    let items = ctx
        .mem()
        .list_elements(arg(args, 0))
        .ok_or_else(Exception::badarg)?;
    let bins: Vec<Vec<u8>> = items
        .iter()
        .map(|b| bytes(ctx, *b))
        .collect::<Result<_, _>>()?;
    let n = match bins.split_first() {
        Some((first, rest)) => (0..first.len())
            .take_while(|&i| rest.iter().all(|b| b.get(i) == first.get(i)))
            .count(),
        None => return Err(Exception::badarg()),
    };
    Ok(ctx.heap().int(n as i64))
}

/// `binary:longest_common_suffix/1`.
pub fn longest_common_suffix(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    let items = ctx
        .mem()
        .list_elements(arg(args, 0))
        .ok_or_else(Exception::badarg)?;
    let bins: Vec<Vec<u8>> = items
        .iter()
        .map(|b| {
            bytes(ctx, *b).map(|mut v| {
                v.reverse();
                v
            })
        })
        .collect::<Result<_, _>>()?;
    let n = match bins.split_first() {
        Some((first, rest)) => (0..first.len())
            .take_while(|&i| rest.iter().all(|b| b.get(i) == first.get(i)))
            .count(),
        None => return Err(Exception::badarg()),
    };
    Ok(ctx.heap().int(n as i64))
}

#[allow(dead_code)]
fn _int(_: Int) {}
