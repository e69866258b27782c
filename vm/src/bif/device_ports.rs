//! `erlang:open_port/2` in device mode: AtomVM's built-in drivers (`echo`, `console`,
//! `vm/erlang/atomvm_host_drivers.erl`) are processes there, and `open_port` gives the
//! driver's pid, as AtomVM's `nifs.c` does; a driver AtomVM's Unix build does not have
//! is `badarg`.

use super::convert::list_text;
use crate::code_path::CodePath;
use crate::interp::{Context, Exception};
use crate::term::Term;

/// The embedded driver module.
const DRIVERS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/atomvm_host_drivers.beam"));

/// The module that runs the drivers.
const MODULE: &str = "atomvm_host_drivers";

/// Makes the drivers loadable (device mode only: on the host, ports are OTP's).
pub fn install(code_path: &mut CodePath) {
    code_path.add_bytes(MODULE, DRIVERS.to_vec());
}

/// `erlang:open_port({spawn, Name}, Options)`: the pid of a new driver process.
/// `Options` must be a list or a map; `Name` a string or a binary.
pub fn open_port(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    let (name, options) = (
        args.first().copied().unwrap_or(Term::NIL),
        args.get(1).copied().unwrap_or(Term::NIL),
    );
    let mem = ctx.mem();
    if mem.list_elements(options).is_none() && mem.map(options).is_none() {
        return Err(Exception::badarg());
    }
    let driver = match mem.tuple(name) {
        // A string or a binary, as AtomVM's interop_term_to_string takes.
        Some(&[_, driver]) => match list_text(ctx, driver) {
            Some(text) => text,
            None => String::from_utf8_lossy(&crate::io::terms::bytes(ctx, driver)?).into_owned(),
        },
        _ => return Err(Exception::badarg()),
    };
    let function = match driver.as_str() {
        "echo" => "echo",
        "console" => "console",
        _ => return Err(Exception::badarg()),
    };
    let module = ctx.atom(MODULE);
    let function = ctx.atom(function);
    let pid = super::process::spawn3(ctx, &[module, function, Term::NIL])?;
    if let Some(Some(driver)) = pid.as_pid().and_then(|p| ctx.vm.procs.get_mut(p as usize)) {
        driver.driver = true;
    }
    Ok(pid)
}
