//! `persistent_term`: terms stored once in the literal arena and read without copying.

use super::arg;
use crate::atom::atoms;
use crate::compare::compare;
use crate::heap::gc::copy_term;
use crate::interp::{Context, Exception};
use crate::term::Term;
use std::cmp::Ordering;

fn position(ctx: &Context<'_>, key: Term) -> Option<usize> {
    let mem = ctx.mem();
    ctx.vm
        .persistent
        .iter()
        .position(|(k, _)| compare(&mem, &ctx.vm.atoms, *k, key, true) == Ordering::Equal)
}

/// `persistent_term:get/1,2`.
pub fn get(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    match position(ctx, arg(args, 0)) {
        Some(i) => Ok(ctx.vm.persistent[i].1),
        None if args.len() == 2 => Ok(arg(args, 1)),
        None => Err(Exception::badarg()),
    }
}

/// `persistent_term:put/2`.
pub fn put(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    let key = copy_term(&ctx.proc.heap, arg(args, 0), &mut ctx.vm.literals);
    let value = copy_term(&ctx.proc.heap, arg(args, 1), &mut ctx.vm.literals);
    match position(ctx, arg(args, 0)) {
        Some(i) => ctx.vm.persistent[i] = (key, value),
        None => ctx.vm.persistent.push((key, value)),
    }
    Ok(atoms::ok)
}

/// `persistent_term:put_new/2` (OTP 28.4): stores only a key not stored yet; the
/// same value again is `ok`, a different one `badarg`.
pub fn put_new(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    if let Some(i) = position(ctx, arg(args, 0)) {
        let stored = ctx.vm.persistent[i].1;
        let same = crate::compare::compare(&ctx.mem(), &ctx.vm.atoms, stored, arg(args, 1), true)
            == std::cmp::Ordering::Equal;
        return if same {
            Ok(atoms::ok)
        } else {
            Err(Exception::badarg())
        };
    }
    put(ctx, args)
}

/// `persistent_term:erase/1`.
pub fn erase(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    match position(ctx, arg(args, 0)) {
        Some(i) => {
            ctx.vm.persistent.remove(i);
            Ok(atoms::true_)
        }
        None => Ok(atoms::false_),
    }
}

/// `persistent_term:get/0`: every `{Key, Value}`.
pub fn get_all(ctx: &mut Context<'_>, _: &[Term]) -> Result<Term, Exception> {
    let pairs = ctx.vm.persistent.clone();
    let items: Vec<Term> = pairs
        .iter()
        .map(|(k, v)| ctx.heap().tuple(&[*k, *v]))
        .collect();
    Ok(ctx.heap().list(&items))
}

/// `persistent_term:info/0`: `#{count => N, memory => Bytes}` (memory estimated).
pub fn info(ctx: &mut Context<'_>, _: &[Term]) -> Result<Term, Exception> {
    let count = ctx.vm.persistent.len() as i64;
    let keys = [ctx.atom("count"), ctx.atom("memory")];
    let values = [ctx.heap().int(count), ctx.heap().int(count * 64)];
    Ok(ctx.heap().map_sorted(&keys, &values))
}
