//! AtomVM's own `atomvm` module, so device code runs unchanged on the host.

use super::arg;
use crate::atom::atoms;
use crate::interp::{Context, Exception};
use crate::term::Term;

/// `atomvm:read_priv(App, Path)`: the priv file packed as `App/priv/Path`, or
/// `undefined`.
pub fn read_priv(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    let app = arg(args, 0).as_atom().ok_or_else(Exception::badarg)?;
    let path = {
        let mem = ctx.mem();
        match mem
            .bitstr(arg(args, 1))
            .and_then(|b| b.aligned().map(<[u8]>::to_vec))
        {
            Some(bytes) => String::from_utf8(bytes).map_err(|_| Exception::badarg())?,
            None => super::convert::list_text(ctx, arg(args, 1)).ok_or_else(Exception::badarg)?,
        }
    };
    let name = format!("{}/priv/{path}", ctx.vm.atoms.name(app));
    match ctx.vm.code_path.priv_files.get(&name).cloned() {
        Some(bytes) => Ok(ctx.heap().binary(&bytes)),
        None => Ok(atoms::undefined),
    }
}

/// `atomvm:platform/0`: `generic_unix`, as AtomVM's own Unix build answers.
pub fn platform(ctx: &mut Context<'_>, _: &[Term]) -> Result<Term, Exception> {
    Ok(ctx.atom("generic_unix"))
}
