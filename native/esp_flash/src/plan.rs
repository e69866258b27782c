//! What goes where: the checks made before anything is written.

use crate::error::EspError;
use crate::partition::Partition;

/// The start of the boot library's region in AtomVM's images; everything from the
/// bootloader up to the application partition belongs to AtomVM.
pub const LOWEST_APP_OFFSET: u64 = 0x210000;

/// One region to write.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Write {
    /// Flash address.
    pub offset: u32,
    /// The bytes.
    pub data: Vec<u8>,
    /// What it is, for messages (`AtomVM-esp32-v0.6.6.img`, `my_app.avm`).
    pub what: String,
}

/// Where an application archive goes: the device's `main.avm` partition when its
/// table is known (and the requested offset, if any, must be it), else `offset` with
/// `size` from the board file. Refuses an archive larger than the partition and an
/// offset inside AtomVM's own regions.
pub fn app(
    what: &str,
    data: Vec<u8>,
    requested: Option<(u64, u64)>,
    table: Option<&[Partition]>,
) -> Result<Write, EspError> {
    let from_table = table.and_then(|t| t.iter().find(|p| p.label == "main.avm"));
    let (offset, capacity) = match (from_table, requested) {
        (Some(p), Some((offset, _))) if offset != u64::from(p.offset) => {
            let other = table
                .and_then(|t| {
                    t.iter()
                        .find(|q| u64::from(q.offset) <= offset && offset < q.end())
                })
                .map_or_else(
                    || "flash outside the device's main.avm partition".to_owned(),
                    |q| format!("partition {} ({:#x}..{:#x})", q.label, q.offset, q.end()),
                );
            return Err(EspError::Overlap {
                what: what.to_owned(),
                offset,
                other,
            });
        }
        (Some(p), _) => (u64::from(p.offset), u64::from(p.size)),
        (None, Some(req)) => req,
        (None, None) => (0x250000, 0x100000),
    };
    if offset < LOWEST_APP_OFFSET {
        return Err(EspError::Overlap {
            what: what.to_owned(),
            offset,
            other: "AtomVM (bootloader, partition table, VM and boot library below 0x210000)"
                .to_owned(),
        });
    }
    if data.len() as u64 > capacity {
        return Err(EspError::TooLarge {
            what: what.to_owned(),
            size: data.len(),
            offset,
            capacity,
        });
    }
    let offset = u32::try_from(offset).map_err(|_| EspError::Overlap {
        what: what.to_owned(),
        offset,
        other: "the end of the 4 GiB address space".to_owned(),
    })?;
    Ok(Write {
        offset,
        data,
        what: what.to_owned(),
    })
}

/// AtomVM's merged image at the chip's bootloader offset. It must end before the
/// application partition.
pub fn image(
    what: &str,
    data: Vec<u8>,
    image_offset: u64,
    app_offset: u64,
) -> Result<Write, EspError> {
    let end = image_offset + data.len() as u64;
    if end > app_offset {
        return Err(EspError::TooLarge {
            what: what.to_owned(),
            size: data.len(),
            offset: image_offset,
            capacity: app_offset - image_offset,
        });
    }
    Ok(Write {
        offset: u32::try_from(image_offset).unwrap_or(0),
        data,
        what: what.to_owned(),
    })
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::partition::atomvm_default;

    #[test]
    fn the_device_table_decides_the_app_offset() {
        let table = atomvm_default(0x210000);
        let w = app("a.avm", vec![1; 10], None, Some(&table)).unwrap();
        assert_eq!(w.offset, 0x210000);
        let w = app("a.avm", vec![1; 10], Some((0x250000, 0x100000)), None).unwrap();
        assert_eq!(w.offset, 0x250000);
        let e = app(
            "a.avm",
            vec![1; 10],
            Some((0x250000, 0x100000)),
            Some(&table),
        )
        .unwrap_err()
        .to_string();
        assert_eq!(
            e,
            "writing a.avm at 0x250000 would overwrite partition main.avm (0x210000..0x310000); nothing was written"
        );
    }

    #[test]
    fn refuses_what_does_not_fit_or_overlaps_the_vm() {
        let e = app("a.avm", vec![0; 0x100001], Some((0x250000, 0x100000)), None)
            .unwrap_err()
            .to_string();
        assert!(
            e.contains("1048577 bytes, larger than its partition at 0x250000"),
            "{e}"
        );
        let e = app("a.avm", vec![0; 4], Some((0x10000, 0x100000)), None)
            .unwrap_err()
            .to_string();
        assert!(e.contains("would overwrite AtomVM"), "{e}");
        assert!(image("vm.img", vec![0; 0x300000], 0x1000, 0x250000).is_err());
        assert_eq!(
            image("vm.img", vec![0; 16], 0x1000, 0x250000)
                .unwrap()
                .offset,
            0x1000
        );
    }
}
