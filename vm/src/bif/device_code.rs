//! AtomVM's natives that add code at run time (device mode): `code:load_abs/1` and
//! `atomvm:add_avm_pack_file/2`, with the results AtomVM v0.6's `nifs.c` gives.

use super::convert::list_text;
use crate::atom::atoms;
use crate::interp::{Context, Exception};
use crate::term::Term;
use std::path::Path;

fn arg(args: &[Term], i: usize) -> Term {
    args.get(i).copied().unwrap_or(Term::NIL)
}

/// `code:load_abs(Path)`: loads `Path ++ ".beam"`; `{module, Name}`, or `error` when a
/// module of that name is loaded already. AtomVM raises `out_of_memory` for a file it
/// cannot read or load, and so does this.
pub fn load_abs(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    let path = list_text(ctx, arg(args, 0)).ok_or_else(Exception::badarg)?;
    let out_of_memory = ctx.atom("out_of_memory");
    let unloadable = || Exception::error(out_of_memory);
    let bytes = std::fs::read(format!("{path}.beam")).map_err(|_| unloadable())?;
    let name = avm_format::beam::Beam::parse(&bytes)
        .and_then(|b| avm_format::beam::ModuleInfo::read(&b))
        .map_err(|_| unloadable())?
        .name;
    let atom = ctx.atom(&name);
    if ctx
        .vm
        .by_name
        .contains_key(&atom.as_atom().unwrap_or_default())
    {
        return Ok(atoms::error);
    }
    ctx.vm.code_path.put_module(name, bytes);
    let index = atom.as_atom().and_then(|a| ctx.vm.module_index(a));
    index.ok_or_else(unloadable)?;
    Ok(ctx.heap().tuple(&[atoms::module, atom]))
}

/// `atomvm:add_avm_pack_file(Path, Options)`: the archive's modules are searched before
/// the others (`[{name, Name}]` names it, as AtomVM keeps it for `close_avm_pack/2`);
/// `ok`, or `{error, cannot_open | invalid_avm}`.
pub fn add_avm_pack_file(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    let path = list_text(ctx, arg(args, 0)).ok_or_else(Exception::badarg)?;
    let options = ctx
        .mem()
        .list_elements(arg(args, 1))
        .ok_or_else(Exception::badarg)?;
    for option in options {
        if let Some([key, value]) = ctx.mem().tuple(option).map(<[Term]>::to_vec).as_deref() {
            if key.as_atom().map(|a| ctx.vm.atoms.name(a)) == Some("name")
                && value.as_atom().is_none()
            {
                return Err(Exception::badarg());
            }
        }
    }
    if std::fs::metadata(&path).is_err() {
        let reason = ctx.atom("cannot_open");
        return Ok(ctx.heap().tuple(&[atoms::error, reason]));
    }
    match ctx.vm.code_path.add_file_first(Path::new(&path)) {
        Ok(()) => Ok(atoms::ok),
        Err(_) => {
            let reason = ctx.atom("invalid_avm");
            Ok(ctx.heap().tuple(&[atoms::error, reason]))
        }
    }
}
