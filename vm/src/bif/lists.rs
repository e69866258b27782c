//! List BIFs and the natively implemented functions of `lists`.

use super::{arg, boolean};
use crate::compare::compare;
use crate::interp::{Context, Exception};
use crate::term::Term;
use std::cmp::Ordering;

fn elements(ctx: &Context<'_>, t: Term) -> Result<Vec<Term>, Exception> {
    ctx.mem().list_elements(t).ok_or_else(Exception::badarg)
}

/// `hd/1`.
pub fn hd(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    ctx.mem()
        .cons(arg(args, 0))
        .map(|c| c.0)
        .ok_or_else(Exception::badarg)
}

/// `tl/1`.
pub fn tl(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    ctx.mem()
        .cons(arg(args, 0))
        .map(|c| c.1)
        .ok_or_else(Exception::badarg)
}

/// `length/1`.
pub fn length(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    let mem = ctx.mem();
    let mut n = 0i64;
    let mut t = arg(args, 0);
    while let Some((_, tail)) = mem.cons(t) {
        n += 1;
        t = tail;
    }
    if !t.is_nil() {
        return Err(Exception::badarg());
    }
    Ok(ctx.heap().int(n))
}

/// `++/2`.
pub fn append(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    let front = elements(ctx, arg(args, 0))?;
    Ok(ctx.heap().list_with_tail(&front, arg(args, 1)))
}

/// `--/2`: removes the first occurrence of each element of the second list.
pub fn subtract(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    let mut left = elements(ctx, arg(args, 0))?;
    let right = elements(ctx, arg(args, 1))?;
    {
        let mem = ctx.mem();
        for r in right {
            if let Some(i) = left.iter().position(|l| {
                *l == r || compare(&mem, &ctx.vm.atoms, *l, r, true) == Ordering::Equal
            }) {
                left.remove(i);
            }
        }
    }
    Ok(ctx.heap().list(&left))
}

/// `lists:reverse/2`.
pub fn reverse2(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    let mut items = elements(ctx, arg(args, 0))?;
    items.reverse();
    Ok(ctx.heap().list_with_tail(&items, arg(args, 1)))
}

/// `lists:reverse/1`.
pub fn reverse1(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    reverse2(ctx, &[arg(args, 0), Term::NIL])
}

/// `lists:member/2`.
pub fn member(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    let needle = arg(args, 0);
    let mem = ctx.mem();
    let mut t = arg(args, 1);
    while let Some((h, tail)) = mem.cons(t) {
        if h == needle || compare(&mem, &ctx.vm.atoms, h, needle, true) == Ordering::Equal {
            return Ok(boolean(true));
        }
        t = tail;
    }
    if t.is_nil() {
        Ok(boolean(false))
    } else {
        Err(Exception::badarg())
    }
}

fn keyfind_in(ctx: &Context<'_>, args: &[Term]) -> Result<Option<Term>, Exception> {
    let key = arg(args, 0);
    let n = arg(args, 1)
        .as_small()
        .filter(|n| *n >= 1)
        .ok_or_else(Exception::badarg)? as usize;
    let mem = ctx.mem();
    let mut t = arg(args, 2);
    while let Some((h, tail)) = mem.cons(t) {
        if let Some(e) = mem.tuple(h).and_then(|e| e.get(n - 1)) {
            if *e == key || compare(&mem, &ctx.vm.atoms, *e, key, false) == Ordering::Equal {
                return Ok(Some(h));
            }
        }
        t = tail;
    }
    if t.is_nil() {
        Ok(None)
    } else {
        Err(Exception::badarg())
    }
}

/// `lists:keyfind/3`.
pub fn keyfind(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    Ok(keyfind_in(ctx, args)?.unwrap_or(boolean(false)))
}

/// `lists:keymember/3`.
pub fn keymember(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    Ok(boolean(keyfind_in(ctx, args)?.is_some()))
}

/// `lists:keysearch/3`: `{value, Tuple}` or `false`.
pub fn keysearch(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    match keyfind_in(ctx, args)? {
        Some(t) => {
            let value = ctx.atom("value");
            Ok(ctx.heap().tuple(&[value, t]))
        }
        None => Ok(boolean(false)),
    }
}
