//! `os` and `init` functions the standard library asks the runtime for.

use super::arg;
use super::convert::chars;
use crate::atom::atoms;
use crate::interp::{Context, Exception};
use crate::term::Term;

/// `os:getenv/1,2`.
pub fn getenv(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    let name = super::convert::list_text(ctx, arg(args, 0)).ok_or_else(Exception::badarg)?;
    match std::env::var(&name) {
        Ok(v) => Ok(chars(ctx, &v)),
        Err(_) if args.len() == 2 => Ok(arg(args, 1)),
        Err(_) => Ok(atoms::false_),
    }
}

/// `os:getenv/0`.
pub fn getenv_all(ctx: &mut Context<'_>, _: &[Term]) -> Result<Term, Exception> {
    let vars: Vec<String> = std::env::vars().map(|(k, v)| format!("{k}={v}")).collect();
    let items: Vec<Term> = vars.iter().map(|v| chars(ctx, v)).collect();
    Ok(ctx.heap().list(&items))
}

/// `os:type/0`: `{unix, linux}` (or the host's family).
pub fn os_type(ctx: &mut Context<'_>, _: &[Term]) -> Result<Term, Exception> {
    let family = ctx.atom(if cfg!(windows) { "win32" } else { "unix" });
    let name = ctx.atom(std::env::consts::OS);
    Ok(ctx.heap().tuple(&[family, name]))
}

/// `init:get_argument/1`: no emulator flags here, so always `error`.
pub fn get_argument(_: &mut Context<'_>, _: &[Term]) -> Result<Term, Exception> {
    Ok(atoms::error)
}

/// `init:get_plain_arguments/0`.
pub fn get_plain_arguments(_: &mut Context<'_>, _: &[Term]) -> Result<Term, Exception> {
    Ok(Term::NIL)
}
