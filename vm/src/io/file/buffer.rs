//! `prim_buffer`: the byte queues `prim_file` reads ahead into.

use crate::interp::{Context, Exception};
use crate::io::terms;
use crate::term::Term;
use std::collections::VecDeque;

type R = Result<Term, Exception>;

fn id(ctx: &Context<'_>, t: Term) -> Result<u64, Exception> {
    terms::ref_id(ctx, t)
        .filter(|id| ctx.vm.io.buffers.contains_key(id))
        .ok_or_else(Exception::badarg)
}

fn buffer<'a>(ctx: &'a mut Context<'_>, t: Term) -> Result<&'a mut VecDeque<u8>, Exception> {
    let id = id(ctx, t)?;
    ctx.vm
        .io
        .buffers
        .get_mut(&id)
        .map(|b| &mut b.1)
        .ok_or_else(Exception::badarg)
}

/// `prim_buffer:new/0`. The buffer lives as long as the process that made it (the
/// BEAM frees it when no term refers to it; this VM does not track that).
pub fn new(ctx: &mut Context<'_>, _: &[Term]) -> R {
    let id = ctx.vm.fresh_id();
    let owner = ctx.proc.pid;
    ctx.vm.io.buffers.insert(id, (owner, VecDeque::new()));
    Ok(ctx.heap().reference(id))
}

/// `prim_buffer:size/1`.
pub fn size(ctx: &mut Context<'_>, args: &[Term]) -> R {
    let n = buffer(ctx, args[0])?.len();
    Ok(terms::small(n as i64))
}

/// `prim_buffer:peek_head/1`: everything queued (one "head").
pub fn peek_head(ctx: &mut Context<'_>, args: &[Term]) -> R {
    let bytes: Vec<u8> = buffer(ctx, args[0])?.iter().copied().collect();
    Ok(ctx.heap().binary(&bytes))
}

/// `prim_buffer:copying_read/2`.
pub fn copying_read(ctx: &mut Context<'_>, args: &[Term]) -> R {
    let n = usize::try_from(terms::int(ctx, args[1])?).map_err(|_| Exception::badarg())?;
    let b = buffer(ctx, args[0])?;
    if n > b.len() {
        return Err(Exception::badarg());
    }
    let bytes: Vec<u8> = b.drain(..n).collect();
    Ok(ctx.heap().binary(&bytes))
}

/// `prim_buffer:write/2` (an iovec).
pub fn write(ctx: &mut Context<'_>, args: &[Term]) -> R {
    let bytes = crate::bif::convert::iolist_bytes(ctx, args[1]).ok_or_else(Exception::badarg)?;
    buffer(ctx, args[0])?.extend(bytes);
    Ok(crate::atom::atoms::ok)
}

/// `prim_buffer:skip/2`.
pub fn skip(ctx: &mut Context<'_>, args: &[Term]) -> R {
    let n = usize::try_from(terms::int(ctx, args[1])?).map_err(|_| Exception::badarg())?;
    let b = buffer(ctx, args[0])?;
    if n > b.len() {
        return Err(Exception::badarg());
    }
    b.drain(..n);
    Ok(crate::atom::atoms::ok)
}

/// `prim_buffer:find_byte_index/2`.
pub fn find_byte_index(ctx: &mut Context<'_>, args: &[Term]) -> R {
    let needle = u8::try_from(terms::int(ctx, args[1])?).map_err(|_| Exception::badarg())?;
    let at = buffer(ctx, args[0])?.iter().position(|b| *b == needle);
    Ok(match at {
        Some(i) => terms::tagged(ctx, "ok", terms::small(i as i64)),
        None => ctx.atom("not_found"),
    })
}

/// `prim_buffer:try_lock/1`: one scheduler, so always `acquired`.
pub fn try_lock(ctx: &mut Context<'_>, args: &[Term]) -> R {
    id(ctx, args[0])?;
    Ok(ctx.atom("acquired"))
}

/// `prim_buffer:unlock/1`.
pub fn unlock(ctx: &mut Context<'_>, args: &[Term]) -> R {
    id(ctx, args[0])?;
    Ok(crate::atom::atoms::ok)
}
