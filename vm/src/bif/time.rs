//! Time BIFs: monotonic and system time in any unit, `timestamp`, `unique_integer`.

use super::arg;
use crate::interp::{Context, Exception};
use crate::term::Term;
use std::time::{SystemTime, UNIX_EPOCH};

/// Units per second of a time unit term (`native` is nanoseconds here).
fn per_second(ctx: &Context<'_>, unit: Term) -> Result<i64, Exception> {
    if let Some(n) = unit.as_small() {
        return if n > 0 {
            Ok(n)
        } else {
            Err(Exception::badarg())
        };
    }
    match unit.as_atom().map(|a| ctx.vm.atoms.name(a)) {
        Some("second" | "seconds") => Ok(1),
        Some("millisecond" | "milli_seconds") => Ok(1_000),
        Some("microsecond" | "micro_seconds") => Ok(1_000_000),
        Some("nanosecond" | "nano_seconds" | "native" | "perf_counter") => Ok(1_000_000_000),
        _ => Err(Exception::badarg()),
    }
}

pub(super) fn nanos_since_epoch() -> i128 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos() as i128)
}

fn in_unit(ctx: &mut Context<'_>, nanos: i128, unit: Option<Term>) -> Result<Term, Exception> {
    let per = match unit {
        Some(u) => per_second(ctx, u)?,
        None => 1_000_000_000,
    };
    let v = nanos * i128::from(per) / 1_000_000_000;
    Ok(ctx.heap().int(v as i64))
}

/// `erlang:monotonic_time/0,1`.
pub fn monotonic_time(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    let nanos = ctx.vm.started.elapsed().as_nanos() as i128 - 576_460_752_303_423_488 / 2;
    in_unit(ctx, nanos, args.first().copied())
}

/// `erlang:system_time/0,1`, `os:system_time/0,1`.
pub fn system_time(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    in_unit(ctx, nanos_since_epoch(), args.first().copied())
}

/// `erlang:time_offset/0,1`.
pub fn time_offset(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    let mono = ctx.vm.started.elapsed().as_nanos() as i128 - 576_460_752_303_423_488 / 2;
    in_unit(ctx, nanos_since_epoch() - mono, args.first().copied())
}

/// `erlang:convert_time_unit/3` (rounding down, as BEAM).
pub fn convert_time_unit(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    let v = arg(args, 0).as_small().ok_or_else(Exception::badarg)?;
    let from = per_second(ctx, arg(args, 1))?;
    let to = per_second(ctx, arg(args, 2))?;
    let scaled = i128::from(v) * i128::from(to);
    let result = scaled.div_euclid(i128::from(from));
    Ok(ctx.heap().int(result as i64))
}

/// `erlang:timestamp/0`, `os:timestamp/0`: `{MegaSecs, Secs, MicroSecs}`.
pub fn timestamp(ctx: &mut Context<'_>, _: &[Term]) -> Result<Term, Exception> {
    let micros = nanos_since_epoch() / 1000;
    let (mega, rest) = (
        (micros / 1_000_000_000_000) as i64,
        micros % 1_000_000_000_000,
    );
    let (secs, us) = ((rest / 1_000_000) as i64, (rest % 1_000_000) as i64);
    let parts = [
        ctx.heap().int(mega),
        ctx.heap().int(secs),
        ctx.heap().int(us),
    ];
    Ok(ctx.heap().tuple(&parts))
}

/// `erlang:unique_integer/0,1`.
pub fn unique_integer(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    let id = ctx.vm.fresh_id() as i64;
    let positive = args
        .first()
        .and_then(|opts| ctx.mem().list_elements(*opts))
        .is_some_and(|o| {
            o.iter()
                .any(|t| t.as_atom().map(|a| ctx.vm.atoms.name(a)) == Some("positive"))
        });
    Ok(ctx.heap().int(if positive { id } else { id - (1 << 40) }))
}

/// `erlang:localtime/0`, `universaltime/0`: `{{Y,M,D},{H,Mi,S}}` in UTC (the host
/// VM has no time zone database: local time is UTC).
pub fn universaltime(ctx: &mut Context<'_>, _: &[Term]) -> Result<Term, Exception> {
    let secs = (nanos_since_epoch() / 1_000_000_000) as i64;
    Ok(datetime(ctx, secs))
}

/// `erlang:posixtime_to_universaltime/1`.
pub fn posixtime_to_universaltime(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    let secs = arg(args, 0).as_small().ok_or_else(Exception::badarg)?;
    Ok(datetime(ctx, secs))
}

/// `erlang:universaltime_to_posixtime/1`.
pub fn universaltime_to_posixtime(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    let secs = seconds_of(ctx, arg(args, 0)).ok_or_else(Exception::badarg)?;
    Ok(ctx.heap().int(secs))
}

/// `erlang:localtime_to_universaltime/1,2` and `universaltime_to_localtime/1`: the
/// identity on a valid date and time (local time is UTC here).
pub fn same_datetime(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    let secs = seconds_of(ctx, arg(args, 0)).ok_or_else(Exception::badarg)?;
    Ok(datetime(ctx, secs))
}

/// Seconds since the epoch of a valid `{{Y,M,D},{H,Mi,S}}`.
fn seconds_of(ctx: &Context<'_>, t: Term) -> Option<i64> {
    let mem = ctx.mem();
    let dt = mem.tuple(t)?;
    let (date, time) = (mem.tuple(*dt.first()?)?, mem.tuple(*dt.get(1)?)?);
    let n = |v: &[Term], i: usize| v.get(i).and_then(|t| t.as_small());
    let (y, m, d) = (n(date, 0)?, n(date, 1)?, n(date, 2)?);
    let (h, mi, s) = (n(time, 0)?, n(time, 1)?, n(time, 2)?);
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let month_days = [
        31,
        if leap { 29 } else { 28 },
        31,
        30,
        31,
        30,
        31,
        31,
        30,
        31,
        30,
        31,
    ];
    let valid = dt.len() == 2
        && date.len() == 3
        && time.len() == 3
        && (1..=12).contains(&m)
        && d >= 1
        && d <= month_days[(m - 1) as usize]
        && (0..24).contains(&h)
        && (0..60).contains(&mi)
        && (0..60).contains(&s);
    if !valid {
        return None;
    }
    // Days from civil (Howard Hinnant's algorithm).
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    let days = era * 146_097 + doe - 719_468;
    Some(days * 86_400 + h * 3600 + mi * 60 + s)
}

/// `{{Y,M,D},{H,Mi,S}}` of `secs` since the epoch.
pub(super) fn datetime(ctx: &mut Context<'_>, secs: i64) -> Term {
    let (days, rem) = (secs.div_euclid(86_400), secs.rem_euclid(86_400));
    // Civil from days (Howard Hinnant's algorithm).
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    let date = [ctx.heap().int(y), ctx.heap().int(m), ctx.heap().int(d)];
    let date = ctx.heap().tuple(&date);
    let time = [
        ctx.heap().int(rem / 3600),
        ctx.heap().int(rem % 3600 / 60),
        ctx.heap().int(rem % 60),
    ];
    let time = ctx.heap().tuple(&time);
    ctx.heap().tuple(&[date, time])
}
