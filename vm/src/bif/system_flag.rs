//! `erlang:system_flag/2`: the runtime settings a program may change, each returning
//! its previous value as the BEAM does, and read back by `system_info/1`. The host VM
//! runs its processes on one thread whatever is set; the settings are kept so that
//! programs which set and read them see the BEAM's answers.

use super::arg;
use super::process::flags::{next_heap_size, MIN_BIN_VHEAP_SIZE, MIN_HEAP_SIZE};
use crate::interp::{Context, Exception};
use crate::term::Term;

/// The BEAM's default `backtrace_depth`: stack frames kept in a stack trace.
pub const DEFAULT_BACKTRACE_DEPTH: usize = 8;

/// The settings `system_flag/2` changes.
#[derive(Debug, Clone)]
pub struct SystemFlags {
    /// `schedulers_online` (1..=schedulers).
    pub schedulers_online: i64,
    /// `dirty_cpu_schedulers_online` (1..=dirty_cpu_schedulers).
    pub dirty_cpu_schedulers_online: i64,
    /// `backtrace_depth`.
    pub backtrace_depth: usize,
    /// `min_heap_size`, in words.
    pub min_heap_size: i64,
    /// `min_bin_vheap_size`, in words.
    pub min_bin_vheap_size: i64,
    /// `fullsweep_after`.
    pub fullsweep_after: i64,
    /// `scheduler_wall_time`.
    pub scheduler_wall_time: bool,
    /// `multi_scheduling`: `enabled`, `blocked` or `blocked_normal`.
    pub multi_scheduling: &'static str,
    /// `outstanding_system_requests_limit`.
    pub outstanding_system_requests_limit: i64,
}

/// The machine's schedulers: one per logical processor, as the BEAM starts.
pub fn schedulers() -> i64 {
    std::thread::available_parallelism().map_or(1, |n| n.get() as i64)
}

impl Default for SystemFlags {
    fn default() -> Self {
        SystemFlags {
            schedulers_online: schedulers(),
            dirty_cpu_schedulers_online: schedulers(),
            backtrace_depth: DEFAULT_BACKTRACE_DEPTH,
            min_heap_size: MIN_HEAP_SIZE,
            min_bin_vheap_size: MIN_BIN_VHEAP_SIZE,
            fullsweep_after: 65535,
            scheduler_wall_time: false,
            multi_scheduling: "enabled",
            // Twice the schedulers, as the BEAM starts.
            outstanding_system_requests_limit: 2 * schedulers(),
        }
    }
}

/// `erlang:system_flag(Flag, Value)`: the previous value; `badarg` for an unknown flag
/// or a value out of its range.
pub fn system_flag(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    let name = arg(args, 0)
        .as_atom()
        .map(|a| ctx.vm.atoms.name(a).to_owned())
        .ok_or_else(Exception::badarg)?;
    let value = arg(args, 1);
    let int = value.as_small();
    let small = |v: i64| Term::small(v).ok_or_else(Exception::badarg);
    let flags = &mut ctx.vm.flags;
    let in_range = |lo: i64, hi: i64| {
        int.filter(|n| (lo..=hi).contains(n))
            .ok_or_else(Exception::badarg)
    };
    match name.as_str() {
        "schedulers_online" => {
            let n = in_range(1, schedulers())?;
            small(std::mem::replace(&mut flags.schedulers_online, n))
        }
        "dirty_cpu_schedulers_online" => {
            let n = in_range(1, schedulers())?;
            small(std::mem::replace(&mut flags.dirty_cpu_schedulers_online, n))
        }
        "backtrace_depth" => {
            // The BEAM keeps at most this many frames whatever is asked.
            let n = in_range(0, i64::MAX)?.min(10_000) as usize;
            small(std::mem::replace(&mut flags.backtrace_depth, n) as i64)
        }
        "min_heap_size" => {
            let n = in_range(0, i64::MAX)?;
            let n = next_heap_size(n);
            small(std::mem::replace(&mut flags.min_heap_size, n))
        }
        "min_bin_vheap_size" => {
            let n = in_range(0, i64::MAX)?;
            let n = next_heap_size(n);
            small(std::mem::replace(&mut flags.min_bin_vheap_size, n))
        }
        "fullsweep_after" => {
            let n = in_range(0, i64::MAX)?;
            small(std::mem::replace(&mut flags.fullsweep_after, n))
        }
        "outstanding_system_requests_limit" => {
            let n = in_range(1, (1 << 27) - 1)?;
            small(std::mem::replace(
                &mut flags.outstanding_system_requests_limit,
                n,
            ))
        }
        "scheduler_wall_time" => {
            let on = bool_of(ctx, value)?;
            let old = std::mem::replace(&mut ctx.vm.flags.scheduler_wall_time, on);
            Ok(super::boolean(old))
        }
        "multi_scheduling" => {
            let request = value
                .as_atom()
                .map(|a| ctx.vm.atoms.name(a).to_owned())
                .ok_or_else(Exception::badarg)?;
            let state = match (request.as_str(), schedulers()) {
                (_, 1) => "disabled",
                ("block", _) => "blocked",
                ("block_normal", _) => "blocked_normal",
                ("unblock" | "unblock_normal", _) => "enabled",
                _ => return Err(Exception::badarg()),
            };
            if state != "disabled" {
                ctx.vm.flags.multi_scheduling = state;
            }
            Ok(ctx.atom(state))
        }
        _ => Err(Exception::badarg()),
    }
}

fn bool_of(ctx: &Context<'_>, value: Term) -> Result<bool, Exception> {
    match value.as_atom().map(|a| ctx.vm.atoms.name(a)) {
        Some("true") => Ok(true),
        Some("false") => Ok(false),
        _ => Err(Exception::badarg()),
    }
}

/// `erts_internal:scheduler_wall_time/1` (what OTP's `kernel_refc` switches the
/// measurement with): the same setting as `system_flag(scheduler_wall_time, _)`.
pub fn scheduler_wall_time(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    let on = bool_of(ctx, super::arg(args, 0))?;
    let old = std::mem::replace(&mut ctx.vm.flags.scheduler_wall_time, on);
    Ok(super::boolean(old))
}
