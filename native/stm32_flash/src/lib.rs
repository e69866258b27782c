//! Flashing an AtomVM application archive (`.avm`) to an STM32 through a debug probe
//! (ST-Link, CMSIS-DAP, J-Link), with the `probe-rs` crate as a library.
//!
//! STM32 boards have no released AtomVM image and no library partition: the VM is
//! flashed once by other means, and the application archive (standard library inside)
//! goes to the application partition above it, `0x08080000` on 1 MiB parts or
//! `0x08060000` on 512 KiB parts. [`check`] refuses what would not fit or would land on
//! the VM, without a probe; [`flash`] checks, opens the probe ([`ProbeSelector`]),
//! attaches, erases, writes, verifies and resets the chip.
//!
//! ```
//! use stm32_flash::{check, Stm32Error, Target};
//!
//! let target = Target { chip: "STM32F411CEUx".into(), app_offset: 0x0808_0000, app_size: 0x8_0000 };
//! // The F411CE has 512 KiB of flash: the 1 MiB parts' offset is past its end.
//! assert!(matches!(check(40_000, &target), Err(Stm32Error::NotInChipFlash { .. })));
//! let target = Target { app_offset: 0x0806_0000, app_size: 0x2_0000, ..target };
//! assert!(check(40_000, &target).is_ok());
//! ```
#![forbid(unsafe_code)]

pub mod error;
pub mod layout;
pub mod probe;
pub mod progress;

pub use error::Stm32Error;
pub use layout::{check, Target};
pub use probe::{list_probes, ProbeInfo, ProbeSelector};
pub use progress::Progress;

use probe_rs::flashing::{DownloadOptions, FlashProgress};
use probe_rs::probe::list::Lister;
use probe_rs::Permissions;

use error::causes;

/// Writes `avm` to `target.app_offset` through the probe `probe` selects, verifies it and
/// resets the chip, reporting each step to `progress` (ending with [`Progress::Done`]).
///
/// Everything that can be checked without hardware is checked first ([`check`], and that
/// `avm` starts with the PackBEAM header); then the probe is chosen among those connected,
/// so with none connected this returns [`Stm32Error::NoProbe`] at once.
pub fn flash(
    avm: &[u8],
    target: &Target,
    probe: &ProbeSelector,
    progress: &mut dyn FnMut(Progress),
) -> Result<(), Stm32Error> {
    layout::check_layout(avm.len(), target)?;
    if !avm.starts_with(avm_format::avm::HEADER) {
        return Err(Stm32Error::NotAnArchive);
    }
    let chip = layout::check_chip(avm.len(), target)?;
    let chip_name = chip.name.clone();

    let lister = Lister::new();
    let found = probe::guarded(|| lister.list_with_access(probe.to_probe_rs().as_ref()))?;
    let infos: Vec<ProbeInfo> = found.iter().map(ProbeInfo::from).collect();
    let chosen = probe::choose(&infos, probe)?;
    let (Some(item), Some(info)) = (found.get(chosen), infos.get(chosen)) else {
        return Err(Stm32Error::NoProbe {
            looked_for: probe.to_string(),
        });
    };
    let opened = item.info.open().map_err(|e| Stm32Error::ProbeOpen {
        probe: info.to_string(),
        cause: causes(&e),
    })?;
    let mut session =
        opened
            .attach(chip, Permissions::default())
            .map_err(|e| Stm32Error::Attach {
                chip: chip_name.clone(),
                probe: info.to_string(),
                cause: causes(&e),
            })?;

    let flash_error = |e: probe_rs::flashing::FlashError| Stm32Error::Flash {
        chip: chip_name.clone(),
        cause: causes(&e),
    };
    let mut loader = session.target().flash_loader();
    loader
        .add_data(target.app_offset, avm)
        .map_err(flash_error)?;
    let mut tracker = progress::Tracker::default();
    let mut options = DownloadOptions::default();
    options.verify = true;
    options.progress = FlashProgress::new(|event| {
        if let Some(step) = tracker.update(&event) {
            progress(step);
        }
    });
    loader.commit(&mut session, options).map_err(flash_error)?;

    session
        .core(0)
        .and_then(|mut core| core.reset())
        .map_err(|e| Stm32Error::Reset {
            chip: chip_name.clone(),
            cause: causes(&e),
        })?;
    progress(Progress::Done);
    Ok(())
}
