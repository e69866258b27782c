//! What can go wrong, each as one line that names what was looked for and the fix.

use thiserror::Error;

/// An error of a check or of flashing; `Display` is the message the user sees.
#[derive(Debug, Error)]
pub enum Stm32Error {
    /// The archive has no bytes.
    #[error("the application archive is empty: build it with `mix atomvm.packbeam`")]
    EmptyArchive,
    /// The bytes do not start with the PackBEAM header.
    #[error("not an AtomVM archive (.avm): it does not start with `#!/usr/bin/env AtomVM`; build one with `mix atomvm.packbeam`")]
    NotAnArchive,
    /// The application partition does not lie in the STM32 main-flash window.
    #[error("the application partition 0x{start:08x}..0x{end:08x} is outside the STM32 internal flash (0x08000000..0x10000000): use 0x08080000 (1 MiB parts) or 0x08060000 (512 KiB parts)")]
    OutsideFlash {
        /// First address of the partition.
        start: u64,
        /// One past its last address (saturated on overflow).
        end: u64,
    },
    /// The application would overwrite the AtomVM VM at the start of flash.
    #[error("application offset 0x{offset:08x} is below 0x{min:08x}: it would overwrite the AtomVM VM; use 0x08080000 (1 MiB parts) or 0x08060000 (512 KiB parts)")]
    OverlapsVm {
        /// The offset asked for.
        offset: u64,
        /// The lowest offset accepted.
        min: u64,
    },
    /// The offset is not on a 2 KiB boundary.
    #[error("application offset 0x{offset:08x} is not a multiple of 2 KiB (0x800): flash is erased by whole pages, so the page would also erase what lies below it")]
    Misaligned {
        /// The offset asked for.
        offset: u64,
    },
    /// The offset is not where one of the chip's flash sectors starts.
    #[error("application offset 0x{offset:08x} is not the start of a flash sector of {chip} (its sector starts at 0x{sector_start:08x}): erasing it would wipe the end of the VM; use a sector boundary such as 0x08080000")]
    NotSectorStart {
        /// The chip.
        chip: String,
        /// The offset asked for.
        offset: u64,
        /// Where the sector holding `offset` starts.
        sector_start: u64,
    },
    /// The archive is larger than its partition.
    #[error("the archive is {avm_len} bytes but the application partition at 0x{offset:08x} holds {app_size} bytes: remove modules or priv files, or enlarge the partition")]
    TooLarge {
        /// Bytes in the archive.
        avm_len: u64,
        /// The partition's offset.
        offset: u64,
        /// The partition's size.
        app_size: u64,
    },
    /// The chip's own flash does not hold the archive's address range.
    #[error("the archive would occupy 0x{start:08x}..0x{end:08x} but {chip} has no flash there (its flash: {flash}): use 0x08060000 on 512 KiB parts, or check the chip name")]
    NotInChipFlash {
        /// The chip.
        chip: String,
        /// First address written.
        start: u64,
        /// One past the last address written.
        end: u64,
        /// The chip's flash ranges, e.g. `0x08000000..0x08080000`.
        flash: String,
    },
    /// probe-rs knows no chip by that name.
    #[error("probe-rs knows no chip named `{chip}`{suggestions}: give the full name from `probe-rs chip list`, e.g. STM32F407VGTx")]
    UnknownChip {
        /// The name asked for.
        chip: String,
        /// `" (did you mean A, B?)"` or empty.
        suggestions: String,
    },
    /// The chip name matches several chips.
    #[error("chip name `{chip}` matches several chips ({matches}): give the full name, e.g. STM32F407VGTx")]
    AmbiguousChip {
        /// The name asked for.
        chip: String,
        /// The candidates, as probe-rs lists them.
        matches: String,
    },
    /// probe-rs failed while looking for probes (its USB serial-port listing panics
    /// where `/sys` is missing, e.g. in a chroot or a minimal container).
    #[error("cannot look for debug probes: probe-rs failed ({cause}); on Linux it reads /sys: is sysfs mounted?")]
    ProbeSearch {
        /// What probe-rs reported.
        cause: String,
    },
    /// No probe matches the selector.
    #[error("no debug probe found (looked for {looked_for}): connect an ST-Link/CMSIS-DAP/J-Link probe; `mix atomvm.stm32.flash --list-probes` lists what is connected")]
    NoProbe {
        /// The selector, as shown by [`crate::ProbeSelector`]'s `Display`.
        looked_for: String,
    },
    /// Several probes match and none was chosen.
    #[error(
        "several debug probes are connected ({probes}): pick one with --probe VID:PID[:SERIAL]"
    )]
    SeveralProbes {
        /// The candidates, `; `-separated.
        probes: String,
    },
    /// The probe is there but the user may not open it.
    #[error("no permission to open debug probe {probe}: install the probe-rs udev rules (https://probe.rs/docs/getting-started/probe-setup/), then unplug and replug the probe")]
    ProbePermission {
        /// The probe.
        probe: String,
    },
    /// Opening the probe failed otherwise.
    #[error("cannot open debug probe {probe}: {cause}; is another program (OpenOCD, STM32CubeProgrammer, a debugger) using it?")]
    ProbeOpen {
        /// The probe.
        probe: String,
        /// The causes, outermost first.
        cause: String,
    },
    /// The probe could not talk to the chip.
    #[error("cannot attach to {chip} through {probe}: {cause}; check the wiring (SWDIO, SWCLK, GND), that the board is powered, and the chip name")]
    Attach {
        /// The chip.
        chip: String,
        /// The probe.
        probe: String,
        /// The causes, outermost first.
        cause: String,
    },
    /// Erasing, programming or verifying failed.
    #[error("flashing {chip} failed: {cause}")]
    Flash {
        /// The chip.
        chip: String,
        /// The causes, outermost first.
        cause: String,
    },
    /// The archive is written but the chip did not restart.
    #[error("the archive is written and verified but resetting {chip} failed: {cause}; press the board's RESET button")]
    Reset {
        /// The chip.
        chip: String,
        /// The causes, outermost first.
        cause: String,
    },
    /// A probe selector that is not `VID:PID[:SERIAL]`.
    #[error("invalid probe selector `{input}`: {reason}; expected VID:PID[:SERIAL] with hex IDs, e.g. 0483:374b")]
    BadSelector {
        /// The text given.
        input: String,
        /// What is wrong with it.
        reason: &'static str,
    },
}

/// The message of a caught panic (`catch_unwind`'s payload): its text when it has one.
pub fn panic_cause(payload: &(dyn std::any::Any + Send)) -> String {
    payload
        .downcast_ref::<&str>()
        .map(|s| (*s).to_string())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "it panicked".to_string())
}

/// `err` and its `source()` chain as `outer: inner: root`, skipping messages an outer one
/// already repeats (probe-rs's top-level messages alone say little, e.g. "An error with the
/// usage of the probe occurred").
pub(crate) fn causes(err: &(dyn std::error::Error + 'static)) -> String {
    let mut parts: Vec<String> = vec![err.to_string()];
    let mut next = err.source();
    while let Some(e) = next {
        let message = e.to_string();
        if !parts.iter().any(|p| p.contains(&message)) {
            parts.push(message);
        }
        next = e.source();
    }
    parts.join(": ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, Error)]
    #[error("An error with the usage of the probe occurred")]
    struct Outer(#[source] Middle);

    #[derive(Debug, Error)]
    #[error("probe not found: {0}")]
    struct Middle(#[source] Root);

    #[derive(Debug, Error)]
    #[error("USB device gone")]
    struct Root;

    #[test]
    fn causes_walks_the_chain_and_drops_repeats() {
        let e = Outer(Middle(Root));
        assert_eq!(
            causes(&e),
            "An error with the usage of the probe occurred: probe not found: USB device gone"
        );
        // "USB device gone" is already inside the middle message: not repeated.
        let m = Middle(Root);
        assert_eq!(causes(&m), "probe not found: USB device gone");
    }

    #[test]
    fn messages_are_one_line() {
        let e = Stm32Error::NoProbe {
            looked_for: "any probe".into(),
        };
        assert!(!e.to_string().contains('\n'));
    }
}
