//! Where the archive goes, and the refusals that keep it from landing on the VM or
//! outside the chip's flash: first arithmetic on the board's numbers ([`check_layout`]),
//! then the chip's own memory map and flash sectors from probe-rs ([`check_chip`]).

use std::ops::Range;

use probe_rs::config::{Registry, RegistryError, Target as ChipTarget};

use crate::Stm32Error;

/// The STM32 main-flash address window (the chip's flash starts at its bottom).
pub const INTERNAL_FLASH: Range<u64> = 0x0800_0000..0x1000_0000;

/// The lowest application offset accepted: the AtomVM VM occupies the flash below.
pub const MIN_APP_OFFSET: u64 = 0x0802_0000;

/// The alignment every application offset must have (the smallest STM32 flash page).
pub const MIN_ALIGN: u64 = 0x800;

/// Where the application archive goes on one chip.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Target {
    /// The probe-rs target name, e.g. `"STM32F407VGTx"`.
    pub chip: String,
    /// First address of the application partition, e.g. `0x0808_0000`.
    pub app_offset: u64,
    /// Size of the application partition in bytes.
    pub app_size: u64,
}

/// Checks that an archive of `avm_len` bytes fits `target`'s application partition and
/// that the partition lies in internal flash above the VM, on a page boundary; then
/// checks the chip's name and flash with probe-rs ([`check_chip`]). Needs no probe.
pub fn check(avm_len: usize, target: &Target) -> Result<(), Stm32Error> {
    check_layout(avm_len, target)?;
    check_chip(avm_len, target).map(|_| ())
}

/// The arithmetic half of [`check`]: no chip data needed.
pub fn check_layout(avm_len: usize, target: &Target) -> Result<(), Stm32Error> {
    let (offset, app_size) = (target.app_offset, target.app_size);
    let avm_len = u64::try_from(avm_len).unwrap_or(u64::MAX);
    if avm_len == 0 {
        return Err(Stm32Error::EmptyArchive);
    }
    let end = offset.checked_add(app_size);
    match end {
        Some(end) if INTERNAL_FLASH.contains(&offset) && end <= INTERNAL_FLASH.end => {}
        _ => {
            return Err(Stm32Error::OutsideFlash {
                start: offset,
                end: end.unwrap_or(u64::MAX),
            })
        }
    }
    if offset < MIN_APP_OFFSET {
        return Err(Stm32Error::OverlapsVm {
            offset,
            min: MIN_APP_OFFSET,
        });
    }
    if offset % MIN_ALIGN != 0 {
        return Err(Stm32Error::Misaligned { offset });
    }
    if avm_len > app_size {
        return Err(Stm32Error::TooLarge {
            avm_len,
            offset,
            app_size,
        });
    }
    Ok(())
}

/// The chip half of [`check`]: resolves `target.chip` with probe-rs's built-in targets,
/// checks that the archive's bytes land in the chip's flash and that the offset starts a
/// flash sector (erasing is per sector: a sector straddling the offset would take the end
/// of the VM with it). Returns the resolved chip for attaching.
pub fn check_chip(avm_len: usize, target: &Target) -> Result<ChipTarget, Stm32Error> {
    let registry = Registry::from_builtin_families();
    let chip = resolve_chip(&registry, &target.chip)?;
    let start = target.app_offset;
    let end = start.saturating_add(u64::try_from(avm_len).unwrap_or(u64::MAX));
    let flash: Vec<Range<u64>> = chip
        .memory_map
        .iter()
        .filter_map(|region| region.as_nvm_region())
        .filter(|nvm| !nvm.is_alias && nvm.range.start >= INTERNAL_FLASH.start)
        .filter(|nvm| nvm.range.end <= INTERNAL_FLASH.end)
        .map(|nvm| nvm.range.clone())
        .collect();
    if !covered(&flash, start..end) {
        return Err(Stm32Error::NotInChipFlash {
            chip: chip.name.clone(),
            start,
            end,
            flash: flash
                .iter()
                .map(|r| format!("0x{:08x}..0x{:08x}", r.start, r.end))
                .collect::<Vec<_>>()
                .join(", "),
        });
    }
    if let Some(sector_start) = sector_start(&chip, start) {
        if sector_start != start {
            return Err(Stm32Error::NotSectorStart {
                chip: chip.name.clone(),
                offset: start,
                sector_start,
            });
        }
    }
    Ok(chip)
}

/// Looks `name` up the way `probe-rs --chip` does, with suggestions when it fails.
fn resolve_chip(registry: &Registry, name: &str) -> Result<ChipTarget, Stm32Error> {
    match registry.get_target_by_name(name) {
        Ok(chip) => Ok(chip),
        Err(RegistryError::ChipNotUnique(_, matches)) => Err(Stm32Error::AmbiguousChip {
            chip: name.to_string(),
            matches,
        }),
        Err(_) => Err(Stm32Error::UnknownChip {
            chip: name.to_string(),
            suggestions: suggestions(registry, name),
        }),
    }
}

/// Up to five chips sharing the longest prefix of `name` that matches anything.
fn suggestions(registry: &Registry, name: &str) -> String {
    let mut prefix: &str = name;
    while prefix.len() > "STM32".len() {
        let found = registry.search_chips(prefix);
        if !found.is_empty() {
            let shown: Vec<&str> = found.iter().take(5).map(String::as_str).collect();
            let more = if found.len() > shown.len() {
                ", …"
            } else {
                ""
            };
            return format!(" (did you mean {}{more}?)", shown.join(", "));
        }
        let cut = prefix.char_indices().last().map_or(0, |(index, _)| index);
        prefix = prefix.get(..cut).unwrap_or("");
    }
    String::new()
}

/// Whether the ranges in `flash` (adjacent ones joined) cover all of `want`.
fn covered(flash: &[Range<u64>], want: Range<u64>) -> bool {
    let mut at = want.start;
    while at < want.end {
        match flash.iter().find(|r| r.contains(&at)) {
            Some(r) => at = r.end,
            None => return false,
        }
    }
    true
}

/// The start of the flash sector holding `address`, from the chip's flash algorithm for
/// it (the default one if several cover it); `None` if no algorithm describes it.
fn sector_start(chip: &ChipTarget, address: u64) -> Option<u64> {
    let algo = chip
        .flash_algorithms
        .iter()
        .filter(|a| a.flash_properties.address_range.contains(&address))
        .max_by_key(|a| a.default)?;
    let props = &algo.flash_properties;
    let base = props.address_range.start;
    let relative = address - base;
    // Sector groups: `size`-byte sectors from `address` up to the next group's `address`.
    let group = props
        .sectors
        .iter()
        .filter(|s| s.address <= relative)
        .max_by_key(|s| s.address)?;
    if group.size == 0 {
        return None;
    }
    Some(base + group.address + (relative - group.address) / group.size * group.size)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn target(chip: &str, app_offset: u64, app_size: u64) -> Target {
        Target {
            chip: chip.into(),
            app_offset,
            app_size,
        }
    }

    #[test]
    fn facts_offsets_pass() {
        // FACTS: 0x08080000 on 1 MiB parts, 0x08060000 on 512 KiB parts.
        check(100_000, &target("STM32F407VGTx", 0x0808_0000, 0x8_0000)).unwrap();
        check(100_000, &target("STM32F411CEUx", 0x0806_0000, 0x2_0000)).unwrap();
        check(100_000, &target("STM32G0B1RETx", 0x0806_0000, 0x2_0000)).unwrap();
        check(100_000, &target("STM32L562QEIx", 0x0806_0000, 0x2_0000)).unwrap();
    }

    #[test]
    fn refuses_the_vm_area() {
        let e = check_layout(10, &target("x", 0x0801_0000, 0x1_0000)).unwrap_err();
        assert!(matches!(
            e,
            Stm32Error::OverlapsVm {
                offset: 0x0801_0000,
                ..
            }
        ));
        assert_eq!(
            e.to_string(),
            "application offset 0x08010000 is below 0x08020000: it would overwrite the AtomVM VM; \
             use 0x08080000 (1 MiB parts) or 0x08060000 (512 KiB parts)"
        );
        check_layout(10, &target("x", MIN_APP_OFFSET, 0x1_0000)).unwrap();
    }

    #[test]
    fn refuses_outside_internal_flash() {
        for (offset, size) in [
            (0, 0x1000),
            (0x2000_0000, 0x1000),
            (0x0FFF_F800, 0x1000),
            (u64::MAX - 10, 0x1000),
        ] {
            let e = check_layout(10, &target("x", offset, size)).unwrap_err();
            assert!(
                matches!(e, Stm32Error::OutsideFlash { .. }),
                "{offset:x}: {e}"
            );
        }
    }

    #[test]
    fn refuses_misaligned_offsets() {
        let e = check_layout(10, &target("x", 0x0808_0400, 0x1000)).unwrap_err();
        assert!(matches!(
            e,
            Stm32Error::Misaligned {
                offset: 0x0808_0400
            }
        ));
        check_layout(10, &target("x", 0x0808_0800, 0x1000)).unwrap();
    }

    #[test]
    fn refuses_archives_larger_than_the_partition() {
        let t = target("x", 0x0808_0000, 0x8_0000);
        check_layout(0x8_0000, &t).unwrap();
        let e = check_layout(0x8_0001, &t).unwrap_err();
        assert_eq!(
            e.to_string(),
            "the archive is 524289 bytes but the application partition at 0x08080000 holds \
             524288 bytes: remove modules or priv files, or enlarge the partition"
        );
        assert!(matches!(check_layout(0, &t), Err(Stm32Error::EmptyArchive)));
    }

    #[test]
    fn refuses_the_1mib_offset_on_a_512kib_part() {
        // STM32F411CE has 512 KiB: its flash ends where the 1 MiB parts' app starts.
        let e = check(100, &target("STM32F411CEUx", 0x0808_0000, 0x8_0000)).unwrap_err();
        assert!(matches!(e, Stm32Error::NotInChipFlash { .. }), "{e}");
        assert!(e.to_string().contains("0x08000000..0x08080000"), "{e}");
    }

    #[test]
    fn refuses_an_archive_running_past_the_chip_flash() {
        // Partition claims 1 MiB but the chip's flash ends at 0x08080000.
        let t = target("STM32F411CEUx", 0x0806_0000, 0x10_0000);
        check_layout(0x3_0000, &t).unwrap();
        let e = check(0x3_0000, &t).unwrap_err();
        assert!(
            matches!(
                e,
                Stm32Error::NotInChipFlash {
                    end: 0x0809_0000,
                    ..
                }
            ),
            "{e}"
        );
    }

    #[test]
    fn refuses_offsets_inside_a_sector() {
        // STM32F407: 128 KiB sectors from 0x08020000, so 0x08081000 is 2 KiB aligned
        // but erasing its sector would start at 0x08080000.
        let e = check(100, &target("STM32F407VGTx", 0x0808_1000, 0x1_0000)).unwrap_err();
        assert!(
            matches!(
                e,
                Stm32Error::NotSectorStart {
                    sector_start: 0x0808_0000,
                    ..
                }
            ),
            "{e}"
        );
        check(100, &target("STM32F407VGTx", 0x0802_0000, 0x1_0000)).unwrap();
    }

    #[test]
    fn unknown_and_ambiguous_chip_names() {
        let e = check(100, &target("STM32F407VGXX", 0x0808_0000, 0x1_0000)).unwrap_err();
        let message = e.to_string();
        assert!(matches!(e, Stm32Error::UnknownChip { .. }), "{message}");
        assert!(message.contains("did you mean STM32F407VG"), "{message}");
        let e = check(100, &target("NoSuchChip", 0x0808_0000, 0x1_0000)).unwrap_err();
        assert_eq!(
            e.to_string(),
            "probe-rs knows no chip named `NoSuchChip`: give the full name from \
             `probe-rs chip list`, e.g. STM32F407VGTx"
        );
        let e = check(100, &target("STM32F4", 0x0808_0000, 0x1_0000)).unwrap_err();
        assert!(matches!(e, Stm32Error::AmbiguousChip { .. }), "{e}");
    }

    #[test]
    fn covered_joins_adjacent_banks() {
        let banks = [0x0800_0000..0x0808_0000, 0x0808_0000..0x0810_0000];
        assert!(covered(&banks, 0x0807_0000..0x0809_0000));
        assert!(!covered(&banks, 0x080F_0000..0x0810_0001));
        assert!(covered(&banks, 0x0808_0000..0x0808_0000));
    }
}
