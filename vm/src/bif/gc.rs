//! `erlang:garbage_collect/0,1`: collects the heap at once (a call leaves no X register
//! live, so the roots are the stack, mailbox and dictionary); the answers are the BEAM's.

use super::process::is_process_alive;
use crate::atom::atoms;
use crate::interp::{Context, Exception};
use crate::term::Term;

/// `erlang:garbage_collect()`: `true`.
pub fn garbage_collect(ctx: &mut Context<'_>, _: &[Term]) -> Result<Term, Exception> {
    ctx.proc.collect(&mut [], 0);
    Ok(atoms::true_)
}

/// `erlang:garbage_collect(Pid)`: whether `Pid` is alive (`badarg` for a non-pid); a
/// waiting process keeps its live registers in `saved_x`, which the collection roots.
pub fn garbage_collect_pid(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    let alive = is_process_alive(ctx, args)?;
    if alive == atoms::true_ {
        match args.first().and_then(|p| p.as_pid()) {
            Some(pid) if pid == ctx.proc.pid => ctx.proc.collect(&mut [], 0),
            Some(pid) => {
                if let Some(Some(p)) = ctx.vm.procs.get_mut(pid as usize) {
                    p.collect(&mut [], 0);
                }
            }
            None => {}
        }
    }
    Ok(alive)
}
