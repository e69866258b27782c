//! `erlang:system_info/1`: what the runtime says about itself. With OTP's libraries the
//! host VM is the BEAM of the emulated release (`machine` is `"BEAM"`: a program that
//! branches on it takes the branch whose semantics it gets — bignums, OTP's modules);
//! in device mode it is AtomVM (`"ATOM"`). AtomVM's own keys answer as AtomVM does.

use super::arg;
use super::convert::chars;
use super::system_flag::schedulers;
use crate::atom::atoms;
use crate::interp::{Context, Exception};
use crate::term::Term;

/// The AtomVM release whose system APIs the host VM provides.
pub const ATOMVM_VERSION: &str = "0.6.6";

/// The ERTS version of the emulated release (`system_info(version)`, which programs
/// compare to tell releases apart): the OTP installation's own `erts-V` directory, else
/// the release's first ERTS version.
fn erts_version() -> String {
    static VERSION: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    VERSION
        .get_or_init(|| {
            let installed = crate::code_path::otp_root().and_then(|root| {
                std::fs::read_dir(root)
                    .ok()?
                    .filter_map(|e| e.ok()?.file_name().into_string().ok())
                    .filter_map(|n| n.strip_prefix("erts-").map(str::to_owned))
                    .max_by_key(|v| {
                        v.split('.')
                            .map(|p| p.parse::<u32>().unwrap_or(0))
                            .collect::<Vec<_>>()
                    })
            });
            // OTP N ships ERTS N - 12 (OTP 25: ERTS 13).
            installed.unwrap_or_else(|| format!("{}.0", crate::release::get().saturating_sub(12)))
        })
        .clone()
}

/// `erlang:system_info(Item)`; unknown items are `badarg`, as in the BEAM.
pub fn system_info(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    let item = arg(args, 0);
    if let Some(items) = ctx.mem().tuple(item).map(<[Term]>::to_vec) {
        // {wordsize, internal | external}
        return match items.as_slice() {
            [k, _]
                if k.as_atom()
                    .is_some_and(|a| ctx.vm.atoms.name(a) == "wordsize") =>
            {
                Ok(Term::small(8).unwrap_or(Term::NIL))
            }
            _ => Err(Exception::badarg()),
        };
    }
    let name = item
        .as_atom()
        .map(|a| ctx.vm.atoms.name(a).to_owned())
        .ok_or_else(Exception::badarg)?;
    let small = |v: i64| Term::small(v).ok_or_else(Exception::badarg);
    match name.as_str() {
        "machine" if ctx.vm.code_path.device_release.is_some() => Ok(chars(ctx, "ATOM")),
        "machine" => Ok(chars(ctx, "BEAM")),
        // AtomVM's own key: the size of its floats (8: doubles, as on the Unix build).
        "avm_floatsize" => small(8),
        "atomvm_version" => Ok(ctx.heap().binary(ATOMVM_VERSION.as_bytes())),
        "otp_release" => {
            let release = crate::release::get().to_string();
            Ok(chars(ctx, &release))
        }
        "version" if ctx.vm.code_path.device_release.is_some() => Ok(chars(ctx, ATOMVM_VERSION)),
        "version" => Ok(chars(ctx, &erts_version())),
        "system_version" => {
            let text = format!(
                "AtomVM host VM {} (OTP {}) [64-bit]\n",
                env!("CARGO_PKG_VERSION"),
                crate::release::get()
            );
            Ok(chars(ctx, &text))
        }
        "system_architecture" => {
            let text = format!("{}-{}", std::env::consts::ARCH, std::env::consts::OS);
            Ok(chars(ctx, &text))
        }
        "wordsize" => small(8),
        "endian" if cfg!(target_endian = "big") => Ok(ctx.atom("big")),
        "endian" => Ok(ctx.atom("little")),
        "schedulers_online" => small(ctx.vm.flags.schedulers_online),
        "dirty_cpu_schedulers_online" => small(ctx.vm.flags.dirty_cpu_schedulers_online),
        "schedulers"
        | "logical_processors"
        | "logical_processors_online"
        | "logical_processors_available"
        | "dirty_cpu_schedulers" => small(schedulers()),
        "dirty_io_schedulers" => small(10),
        "thread_pool_size" => small(1),
        "process_count" => small(ctx.vm.procs.iter().filter(|p| p.is_some()).count() as i64 + 1),
        "process_limit" => small(1 << 20),
        "atom_count" => small(ctx.vm.atoms.len() as i64),
        "atom_limit" => small(1 << 20),
        "port_count" => small(0),
        "port_limit" => small(65536),
        "ets_count" => small(ctx.vm.ets.len() as i64),
        "ets_limit" => small(1 << 20),
        "smp_support" | "threads" => Ok(atoms::true_),
        "debug_compiled" | "lock_checking" | "lock_counting" => Ok(atoms::false_),
        "creation" => small(1),
        "heap_type" => Ok(ctx.atom("private")),
        "emu_type" => Ok(ctx.atom("opt")),
        "emu_flavor" => Ok(ctx.atom("emu")),
        "build_type" => Ok(ctx.atom("opt")),
        "c_compiler_used" => {
            let rustc = ctx.atom("rustc");
            let version = ctx.atom("undefined");
            Ok(ctx.heap().tuple(&[rustc, version]))
        }
        "kernel_poll" => Ok(atoms::false_),
        "multi_scheduling" if schedulers() == 1 => Ok(ctx.atom("disabled")),
        "multi_scheduling" => Ok(ctx.atom(ctx.vm.flags.multi_scheduling)),
        "scheduler_wall_time" => Ok(super::boolean(ctx.vm.flags.scheduler_wall_time)),
        "outstanding_system_requests_limit" => {
            small(ctx.vm.flags.outstanding_system_requests_limit)
        }
        "start_time" => small(0),
        "os_monotonic_time_source" | "os_system_time_source" => Ok(Term::NIL),
        "fullsweep_after" => {
            let key = ctx.atom("fullsweep_after");
            let value = small(ctx.vm.flags.fullsweep_after)?;
            Ok(ctx.heap().tuple(&[key, value]))
        }
        "min_heap_size" => {
            let key = ctx.atom("min_heap_size");
            let value = small(ctx.vm.flags.min_heap_size)?;
            Ok(ctx.heap().tuple(&[key, value]))
        }
        "min_bin_vheap_size" => {
            let key = ctx.atom("min_bin_vheap_size");
            let value = small(ctx.vm.flags.min_bin_vheap_size)?;
            Ok(ctx.heap().tuple(&[key, value]))
        }
        "dist_ctrl" | "dist" => Ok(Term::NIL),
        "compat_rel" => small(i64::from(crate::release::get())),
        _ => Err(Exception::badarg()),
    }
}
