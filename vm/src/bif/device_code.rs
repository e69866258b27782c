//! AtomVM's natives that add code at run time (device mode): `code:load_abs/1`,
//! `code:load_binary/3`, `atomvm:add_avm_pack_file/2`, `add_avm_pack_binary/2` and
//! `close_avm_pack/2`, with the results AtomVM v0.6's `nifs.c` gives.

use super::convert::list_text;
use crate::atom::atoms;
use crate::interp::{Context, Exception};
use crate::term::Term;

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

/// The `{name, Name}` of a pack's options (`undefined` when absent, as
/// `interop_kv_get_value_default` gives it); `badarg` for a non-list or a non-atom name.
fn pack_name(ctx: &Context<'_>, options: Term) -> Result<Option<u32>, Exception> {
    let options = ctx
        .mem()
        .list_elements(options)
        .ok_or_else(Exception::badarg)?;
    let mut name = None;
    for option in options {
        if let Some(&[key, value]) = ctx.mem().tuple(option) {
            if key.as_atom().map(|a| ctx.vm.atoms.name(a)) == Some("name") && name.is_none() {
                name = Some(value.as_atom().ok_or_else(Exception::badarg)?);
            }
        }
    }
    Ok(name.filter(|&n| Term::atom(n) != atoms::undefined))
}

/// `atomvm:add_avm_pack_file(Path, Options)`: the archive's modules are searched before
/// the others (`[{name, Name}]` names it for `close_avm_pack/2`); `ok`, or
/// `{error, cannot_open | invalid_avm}`.
pub fn add_avm_pack_file(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    let path = list_text(ctx, arg(args, 0)).ok_or_else(Exception::badarg)?;
    if ctx.mem().list_elements(arg(args, 1)).is_none() {
        return Err(Exception::badarg());
    }
    let Ok(bytes) = std::fs::read(&path) else {
        let reason = ctx.atom("cannot_open");
        return Ok(ctx.heap().tuple(&[atoms::error, reason]));
    };
    if avm_format::avm::read(&bytes).is_err() {
        let reason = ctx.atom("invalid_avm");
        return Ok(ctx.heap().tuple(&[atoms::error, reason]));
    }
    let name = pack_name(ctx, arg(args, 1))?;
    let origin = std::path::absolute(&path).unwrap_or_else(|_| path.into());
    ctx.vm
        .code_path
        .add_pack(&bytes, Some(&origin), true, name)
        .map_err(|_| Exception::badarg())?;
    Ok(atoms::ok)
}

/// `atomvm:add_avm_pack_binary(Binary, Options)`: the archive's modules are searched
/// after the others; `ok`, `badarg` for what is not an archive.
pub fn add_avm_pack_binary(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    let bytes = crate::io::terms::bytes(ctx, arg(args, 0))?;
    let name = pack_name(ctx, arg(args, 1))?;
    ctx.vm
        .code_path
        .add_pack(&bytes, None, false, name)
        .map_err(|_| Exception::badarg())?;
    Ok(atoms::ok)
}

/// `atomvm:close_avm_pack(Name, Options)`: `ok`, or `error` when no pack has the name.
pub fn close_avm_pack(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    let name = arg(args, 0).as_atom().ok_or_else(Exception::badarg)?;
    Ok(if ctx.vm.code_path.close_pack(name) {
        atoms::ok
    } else {
        atoms::error
    })
}

/// `code:load_binary(Module, File, Binary)`: `{module, Module}`, `error` when a module
/// of that name is loaded already, `out_of_memory` raised when the bytes do not load.
pub fn load_binary(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    let module = arg(args, 0).as_atom().ok_or_else(Exception::badarg)?;
    let bytes = crate::io::terms::bytes(ctx, arg(args, 2))?;
    let out_of_memory = ctx.atom("out_of_memory");
    let name = avm_format::beam::Beam::parse(&bytes)
        .and_then(|b| avm_format::beam::ModuleInfo::read(&b))
        .map_err(|_| Exception::error(out_of_memory))?
        .name;
    let atom = ctx.atom(&name);
    if atom
        .as_atom()
        .is_some_and(|a| ctx.vm.by_name.contains_key(&a))
    {
        return Ok(atoms::error);
    }
    ctx.vm.code_path.put_module(name, bytes);
    atom.as_atom()
        .and_then(|a| ctx.vm.module_index(a))
        .ok_or_else(|| Exception::error(out_of_memory))?;
    Ok(ctx.heap().tuple(&[atoms::module, Term::atom(module)]))
}
