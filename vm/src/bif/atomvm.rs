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

fn random_bytes(n: usize) -> Result<Vec<u8>, Exception> {
    let mut bytes = vec![0; n];
    getrandom::fill(&mut bytes).map_err(|_| Exception::badarg())?;
    Ok(bytes)
}

/// `atomvm:random/0`: a random unsigned 32-bit integer from the OS generator.
pub fn random(_: &mut Context<'_>, _: &[Term]) -> Result<Term, Exception> {
    let b = random_bytes(4)?;
    let v = u32::from_le_bytes([b[0], b[1], b[2], b[3]]);
    Term::small(i64::from(v)).ok_or_else(Exception::badarg)
}

/// `atomvm:rand_bytes(Len)`: `Len` random bytes; a negative length is `badarg`.
pub fn rand_bytes(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    let n = arg(args, 0)
        .as_small()
        .and_then(|n| usize::try_from(n).ok())
        .filter(|n| *n <= 1 << 24)
        .ok_or_else(Exception::badarg)?;
    let bytes = random_bytes(n)?;
    Ok(ctx.heap().binary(&bytes))
}

/// `atomvm:get_creation/0`: the node's creation number (constant on the host).
pub fn get_creation(_: &mut Context<'_>, _: &[Term]) -> Result<Term, Exception> {
    Term::small(1).ok_or_else(Exception::badarg)
}

/// `atomvm:get_start_beam(Avm)`: the start module of the packed application, as
/// `{ok, <<"mod.beam">>}`, or `{error, not_found}`.
pub fn get_start_beam(ctx: &mut Context<'_>, _: &[Term]) -> Result<Term, Exception> {
    match ctx.vm.code_path.start.clone() {
        Some(name) => {
            let bin = ctx.heap().binary(format!("{name}.beam").as_bytes());
            Ok(ctx.heap().tuple(&[atoms::ok, bin]))
        }
        None => {
            let reason = ctx.atom("not_found");
            Ok(ctx.heap().tuple(&[atoms::error, reason]))
        }
    }
}

/// `atomvm_host:app_file(App)`: the resource file `App.app` from the library
/// directories, as a binary, or `undefined` (the boot process loads the specs of the
/// standard applications from it).
pub fn app_file(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    let app = arg(args, 0).as_atom().ok_or_else(Exception::badarg)?;
    let name = ctx.vm.atoms.name(app).to_owned();
    match ctx.vm.code_path.app_file(&name) {
        Some(bytes) => Ok(ctx.heap().binary(&bytes)),
        None => Ok(atoms::undefined),
    }
}

/// `atomvm_host:code_path()`: the directories modules are searched in, as strings.
pub fn code_path(ctx: &mut Context<'_>, _: &[Term]) -> Result<Term, Exception> {
    let dirs: Vec<String> = ctx
        .vm
        .code_path
        .dirs()
        .iter()
        .map(|d| d.to_string_lossy().into_owned())
        .collect();
    let items: Vec<Term> = dirs.iter().map(|d| super::convert::chars(ctx, d)).collect();
    Ok(ctx.heap().list(&items))
}

/// `atomvm_host:add_code_path(first | last, Dir)`: `true`, or `{error, bad_directory}`.
pub fn add_code_path(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    let dir = super::convert::list_text(ctx, arg(args, 1)).ok_or_else(Exception::badarg)?;
    let dir = std::path::PathBuf::from(dir);
    if !dir.is_dir() {
        let bad = ctx.atom("bad_directory");
        return Ok(ctx.heap().tuple(&[atoms::error, bad]));
    }
    if arg(args, 0) == ctx.atom("first") {
        ctx.vm.code_path.add_dir_first(dir);
    } else {
        ctx.vm.code_path.add_dir(dir);
    }
    Ok(atoms::true_)
}

/// `atomvm_host:otp_root()`: the OTP installation's root, as a string, or `undefined`.
pub fn otp_root(ctx: &mut Context<'_>, _: &[Term]) -> Result<Term, Exception> {
    match crate::code_path::otp_root() {
        Some(root) => Ok(super::convert::chars(ctx, &root.to_string_lossy())),
        None => Ok(atoms::undefined),
    }
}

/// `console:puts/1` and `console:print/1`: writes a string or binary to standard
/// output as raw bytes, as AtomVM's console does.
pub fn console_puts(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    use std::io::Write;
    let bytes =
        super::convert::chardata_utf8(ctx, arg(args, 0), true).ok_or_else(Exception::badarg)?;
    let _ = ctx.vm.out.write_all(&bytes);
    Ok(atoms::ok)
}

/// `console:flush/0`.
pub fn console_flush(ctx: &mut Context<'_>, _: &[Term]) -> Result<Term, Exception> {
    use std::io::Write;
    let _ = ctx.vm.out.flush();
    Ok(atoms::ok)
}
