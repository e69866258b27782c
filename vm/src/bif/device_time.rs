//! AtomVM's time natives that OTP does not have (device mode): `erlang:localtime/1`
//! (local time in the POSIX `TZ` given, as AtomVM sets `TZ` around `localtime_r`) and
//! `calendar:system_time_to_universal_time/2` (C in AtomVM, Erlang code in OTP).

use super::convert::list_text;
use super::time::{datetime, nanos_since_epoch};
use crate::interp::{Context, Exception};
use crate::term::Term;

fn arg(args: &[Term], i: usize) -> Term {
    args.get(i).copied().unwrap_or(Term::NIL)
}

/// `erlang:localtime(TZ)`: `{{Y,M,D},{H,Mi,S}}` now in `TZ` (a POSIX rule such as
/// `"CET-1CEST,M3.5.0,M10.5.0/3"`, or a zone name of the host's database); a `TZ`
/// neither names is UTC, as the C library takes it. `TZ` must be a string.
pub fn localtime(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    let tz = list_text(ctx, arg(args, 0)).ok_or_else(Exception::badarg)?;
    let now = (nanos_since_epoch().div_euclid(1_000_000_000)) as i64;
    let offset = tz::TimeZone::from_posix_tz(&tz)
        .ok()
        .and_then(|zone| zone.find_local_time_type(now).ok().map(|t| t.ut_offset()))
        .unwrap_or(0);
    Ok(datetime(ctx, now + i64::from(offset)))
}

/// `calendar:system_time_to_universal_time(Time, Unit)`: `Unit` is `second`,
/// `millisecond` or `microsecond` (others are `badarg`, as in AtomVM); the fraction is
/// dropped toward zero, as C's division does.
pub fn system_time_to_universal_time(
    ctx: &mut Context<'_>,
    args: &[Term],
) -> Result<Term, Exception> {
    let value = crate::io::terms::int(ctx, arg(args, 0))?;
    let per = match arg(args, 1).as_atom().map(|a| ctx.vm.atoms.name(a)) {
        Some("second") => 1,
        Some("millisecond") => 1_000,
        Some("microsecond") => 1_000_000,
        _ => return Err(Exception::badarg()),
    };
    Ok(datetime(ctx, value / per))
}
