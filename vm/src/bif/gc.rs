//! `erlang:garbage_collect/0,1`: a process's heap is collected when it fills, so an
//! explicit request has nothing left to do; the answers are the BEAM's.

use super::process::is_process_alive;
use crate::atom::atoms;
use crate::interp::{Context, Exception};
use crate::term::Term;

/// `erlang:garbage_collect()`: `true`.
pub fn garbage_collect(_: &mut Context<'_>, _: &[Term]) -> Result<Term, Exception> {
    Ok(atoms::true_)
}

/// `erlang:garbage_collect(Pid)`: whether `Pid` is alive (`badarg` for a non-pid).
pub fn garbage_collect_pid(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    is_process_alive(ctx, args)
}
