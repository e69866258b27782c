//! File names between Erlang and the host: `prim_file:internal_name2native/1` makes
//! the NUL-terminated UTF-8 bytes the NIFs take; `internal_native2name/1` turns
//! what the host returns into a character list.

use crate::interp::{Context, Exception};
use crate::term::Term;
use std::ffi::OsStr;
use std::os::unix::ffi::OsStrExt;
use std::path::PathBuf;

type R = Result<Term, Exception>;

/// The text of a file name argument: a character list (deep, with binaries), an
/// atom or a binary.
pub fn name_text(ctx: &Context<'_>, t: Term) -> Option<Vec<u8>> {
    if let Some(a) = t.as_atom() {
        return Some(ctx.vm.atoms.name(a).as_bytes().to_vec());
    }
    if let Some(b) = ctx.mem().bitstr(t) {
        return b.aligned().map(<[u8]>::to_vec);
    }
    let mut out = String::new();
    flatten(ctx, t, &mut out)?;
    Some(out.into_bytes())
}

fn flatten(ctx: &Context<'_>, t: Term, out: &mut String) -> Option<()> {
    let mut t = t;
    loop {
        if t == Term::NIL {
            return Some(());
        }
        if let Some(b) = ctx.mem().bitstr(t) {
            out.push_str(std::str::from_utf8(b.aligned()?).ok()?);
            return Some(());
        }
        let (head, tail) = ctx.mem().cons(t)?;
        if let Some(c) = head.as_small() {
            out.push(char::from_u32(u32::try_from(c).ok()?)?);
        } else if let Some(a) = head.as_atom() {
            out.push_str(ctx.vm.atoms.name(a));
        } else {
            flatten(ctx, head, out)?;
        }
        t = tail;
    }
}

/// `prim_file:internal_name2native/1`.
pub fn name2native(ctx: &mut Context<'_>, args: &[Term]) -> R {
    let mut bytes = name_text(ctx, args[0]).ok_or_else(Exception::badarg)?;
    if bytes.contains(&0) {
        return Err(Exception::badarg());
    }
    bytes.push(0);
    Ok(ctx.heap().binary(&bytes))
}

/// `prim_file:internal_native2name/1`: a character list, or `{error, Reason}` for
/// bytes that are not UTF-8 (`ignore`, as `+fnui` does... the BEAM's default is
/// `+fnue`'s `error`, which `list_dir` turns into `{no_translation, Raw}`).
pub fn native2name(ctx: &mut Context<'_>, args: &[Term]) -> R {
    let bytes = crate::io::terms::bytes(ctx, args[0])?;
    match std::str::from_utf8(&bytes) {
        Ok(text) => Ok(crate::bif::convert::chars(ctx, text)),
        Err(_) => Ok(crate::io::terms::error(ctx, "error")),
    }
}

/// `prim_file:internal_normalize_utf8/1`: the name as a character list.
pub fn normalize_utf8(ctx: &mut Context<'_>, args: &[Term]) -> R {
    let bytes = crate::io::terms::bytes(ctx, args[0])?;
    let text = std::str::from_utf8(&bytes).map_err(|_| Exception::badarg())?;
    Ok(crate::bif::convert::chars(ctx, text))
}

/// `prim_file:is_translatable/1`.
pub fn is_translatable(ctx: &mut Context<'_>, args: &[Term]) -> R {
    let bytes = crate::io::terms::bytes(ctx, args[0])?;
    Ok(crate::io::terms::bool_term(
        std::str::from_utf8(&bytes).is_ok(),
    ))
}

/// `file:native_name_encoding/0`: `utf8`, as in a UTF-8 or C locale on Linux.
pub fn native_name_encoding(ctx: &mut Context<'_>, _: &[Term]) -> R {
    Ok(ctx.atom("utf8"))
}

/// A path argument of a NIF: the bytes `name2native` made, less the NUL.
pub fn path(ctx: &Context<'_>, t: Term) -> Result<PathBuf, Exception> {
    let bytes = crate::io::terms::bytes(ctx, t)?;
    let bytes = bytes.strip_suffix(&[0]).unwrap_or(&bytes);
    Ok(PathBuf::from(OsStr::from_bytes(bytes)))
}

/// A raw name (a binary) for a NIF result.
pub fn raw(ctx: &mut Context<'_>, p: &std::path::Path) -> Term {
    ctx.heap().binary(p.as_os_str().as_bytes())
}
