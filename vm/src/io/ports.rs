//! Ports. The VM has no port drivers (no `inet_drv`, `efile`, `udp_inet`): opening
//! one fails with `badarg`, as on a BEAM built without that driver, and OTP's
//! libraries fall back or report the error. Sockets go through `socket` instead.

use crate::interp::{Context, Exception};
use crate::term::Term;

/// `erlang:open_port/2`.
pub fn open_port(_: &mut Context<'_>, _: &[Term]) -> Result<Term, Exception> {
    Err(Exception::badarg())
}
