//! The NIF behind `AtomVM.Native.STM32`: lists debug probes and flashes an archive to
//! an STM32 through the `stm32_flash` crate (probe-rs). `mix atomvm.stm32.flash`
//! builds it on first use. A flash runs on its own thread and sends the calling
//! process `{:atomvm_stm32, id, {:progress, event}}` and finally
//! `{:atomvm_stm32, id, {:done, :ok | {:error, message}}}`.

use rustler::{Encoder, Env, LocalPid, NifMap, OwnedEnv, Term};
use std::sync::atomic::{AtomicU64, Ordering};
use stm32_flash::{ProbeSelector, Progress, Target};

mod atoms {
    rustler::atoms! { atomvm_stm32, progress, done, ok, error, erasing, programming, verifying, finished }
}
use atoms::{atomvm_stm32, done, erasing, error, finished, ok, programming, progress, verifying};

/// A debug probe.
#[derive(NifMap)]
pub struct Probe {
    identifier: String,
    vendor_id: u16,
    product_id: u16,
    serial: Option<String>,
    accessible: bool,
}

/// Where the application goes.
#[derive(NifMap)]
pub struct TargetSpec {
    chip: String,
    app_offset: u64,
    app_size: u64,
}

impl From<&TargetSpec> for Target {
    fn from(t: &TargetSpec) -> Target {
        Target {
            chip: t.chip.clone(),
            app_offset: t.app_offset,
            app_size: t.app_size,
        }
    }
}

/// The probes attached to this machine, or why probe-rs could not look.
#[rustler::nif(schedule = "DirtyIo")]
fn probes() -> Result<Vec<Probe>, String> {
    let probes = stm32_flash::list_probes().map_err(|e| e.to_string())?;
    Ok(probes
        .into_iter()
        .map(|p| Probe {
            identifier: p.identifier,
            vendor_id: p.vendor_id,
            product_id: p.product_id,
            serial: p.serial,
            accessible: p.accessible,
        })
        .collect())
}

/// Checks that an archive of `len` bytes fits `target` (addresses, sizes, sectors).
#[rustler::nif(schedule = "DirtyCpu")]
fn check(len: usize, target: TargetSpec) -> Result<(), String> {
    stm32_flash::check(len, &Target::from(&target)).map_err(|e| e.to_string())
}

static NEXT_ID: AtomicU64 = AtomicU64::new(1);

fn encode_progress(env: Env<'_>, p: Progress) -> Term<'_> {
    match p {
        Progress::Erasing { done, total } => (erasing(), done, total).encode(env),
        Progress::Programming { done, total } => (programming(), done, total).encode(env),
        Progress::Verifying => verifying().encode(env),
        Progress::Done => finished().encode(env),
    }
}

/// Flashes the archive at `path` to `target` through the probe `selector` (`""` or
/// `VID:PID[:SERIAL]`) on a new thread; returns the id its messages carry.
#[rustler::nif]
fn flash_start(path: String, target: TargetSpec, selector: String, pid: LocalPid) -> u64 {
    let id = NEXT_ID.fetch_add(1, Ordering::Relaxed);
    let target = Target::from(&target);
    std::thread::spawn(move || {
        let mut env = OwnedEnv::new();
        // A panic in probe-rs must still end in `{:done, {:error, _}}`: the caller waits
        // for that message.
        let flashed = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            let probe = if selector.is_empty() {
                ProbeSelector::Any
            } else {
                selector
                    .parse::<ProbeSelector>()
                    .map_err(|e| e.to_string())?
            };
            let avm = std::fs::read(&path).map_err(|e| format!("{path}: {e}"))?;
            stm32_flash::flash(&avm, &target, &probe, &mut |p| {
                let _ = env.send_and_clear(&pid, |env| {
                    (atomvm_stm32(), id, (progress(), encode_progress(env, p))).encode(env)
                });
            })
            .map_err(|e| e.to_string())
        }));
        let result = flashed.unwrap_or_else(|payload| {
            let cause = stm32_flash::error::panic_cause(payload.as_ref());
            Err(format!("flashing stopped: probe-rs failed ({cause})"))
        });
        let mut env = OwnedEnv::new();
        let _ = env.send_and_clear(&pid, |env| {
            let result = match result {
                Ok(()) => ok().encode(env),
                Err(message) => (error(), message).encode(env),
            };
            (atomvm_stm32(), id, (done(), result)).encode(env)
        });
    });
    id
}

rustler::init!("Elixir.AtomVM.Native.STM32");
