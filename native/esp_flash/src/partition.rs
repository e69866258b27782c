//! ESP-IDF partition tables, as read from flash (at 0x8000, up to 0xC00 bytes): 32-byte
//! entries (`AA 50`, type, subtype, offset, size, 16-byte label, flags), ended by an
//! MD5 entry (`EB EB`) or erased flash (`FF FF`).

/// Where the partition table lives in flash.
pub const TABLE_OFFSET: u32 = 0x8000;
/// How many bytes of it to read.
pub const TABLE_SIZE: u32 = 0xC00;

/// One partition.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Partition {
    /// Its label, e.g. `main.avm`.
    pub label: String,
    /// 0 app, 1 data, ...
    pub kind: u8,
    /// Subtype.
    pub subtype: u8,
    /// Flash address.
    pub offset: u32,
    /// Size in bytes.
    pub size: u32,
}

impl Partition {
    /// One past the last byte.
    pub fn end(&self) -> u64 {
        u64::from(self.offset) + u64::from(self.size)
    }
}

/// The partitions of a table's bytes, in order; `None` if the bytes do not start with
/// a valid entry.
pub fn parse(bytes: &[u8]) -> Option<Vec<Partition>> {
    let mut out = Vec::new();
    for entry in bytes.chunks_exact(32) {
        match entry {
            [0xAA, 0x50, kind, subtype, rest @ ..] => {
                let word = |i: usize| {
                    rest.get(i..i + 4)
                        .and_then(|b| b.try_into().ok())
                        .map(u32::from_le_bytes)
                };
                let label_bytes = rest.get(8..24)?;
                let end = label_bytes.iter().position(|b| *b == 0).unwrap_or(16);
                out.push(Partition {
                    label: String::from_utf8_lossy(&label_bytes[..end]).into_owned(),
                    kind: *kind,
                    subtype: *subtype,
                    offset: word(0)?,
                    size: word(4)?,
                });
            }
            [0xEB, 0xEB, ..] | [0xFF, 0xFF, ..] => break,
            _ => return None,
        }
    }
    (!out.is_empty()).then_some(out)
}

/// Encodes partitions as a table (for tests and fake devices): entries, then `FF`.
pub fn encode(partitions: &[Partition]) -> Vec<u8> {
    let mut out = Vec::with_capacity(TABLE_SIZE as usize);
    for p in partitions {
        out.extend_from_slice(&[0xAA, 0x50, p.kind, p.subtype]);
        out.extend_from_slice(&p.offset.to_le_bytes());
        out.extend_from_slice(&p.size.to_le_bytes());
        let mut label = [0u8; 16];
        for (slot, b) in label.iter_mut().zip(p.label.bytes()) {
            *slot = b;
        }
        out.extend_from_slice(&label);
        out.extend_from_slice(&0u32.to_le_bytes());
    }
    out.resize(TABLE_SIZE as usize, 0xFF);
    out
}

/// AtomVM's layout on current images (for tests and as documentation).
pub fn atomvm_default(app_offset: u32) -> Vec<Partition> {
    let p = |label: &str, kind, subtype, offset, size| Partition {
        label: label.to_owned(),
        kind,
        subtype,
        offset,
        size,
    };
    vec![
        p("nvs", 1, 2, 0x9000, 0x6000),
        p("phy_init", 1, 1, 0xf000, 0x1000),
        p("factory", 0, 0, 0x10000, 0x1C0000),
        p("boot.avm", 1, 0x81, 0x1D0000, app_offset - 0x1D0000),
        p("main.avm", 1, 0x81, app_offset, 0x100000),
    ]
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn round_trip_and_end_markers() {
        let table = atomvm_default(0x250000);
        let bytes = encode(&table);
        assert_eq!(bytes.len(), TABLE_SIZE as usize);
        assert_eq!(parse(&bytes).unwrap(), table);
        let mut with_md5 = encode(&table[..2]);
        with_md5[64] = 0xEB;
        with_md5[65] = 0xEB;
        assert_eq!(parse(&with_md5).unwrap().len(), 2);
        assert_eq!(parse(&[0u8; 64]), None);
        assert_eq!(parse(&[0xFF; 64]), None);
    }
}
