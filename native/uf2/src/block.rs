//! One 512-byte UF2 block: its layout constants, encoding and field-level checks.
//!
//! | offset | field |
//! |---|---|
//! | 0 | first magic [`MAGIC_START0`] |
//! | 4 | second magic [`MAGIC_START1`] |
//! | 8 | flags |
//! | 12 | target address |
//! | 16 | payload size |
//! | 20 | block number |
//! | 24 | total number of blocks |
//! | 28 | family ID (flag [`FLAG_FAMILY_ID_PRESENT`]) or file size |
//! | 32 | data area, 476 bytes: payload, then zeros |
//! | 508 | final magic [`MAGIC_END`] |
//!
//! All fields are little-endian `u32`.

use crate::error::{MagicField, Uf2Error};

/// The size of every UF2 block.
pub const BLOCK_SIZE: usize = 512;
/// The payload size this crate writes: one RP2040/RP2350 flash page, the only size
/// their bootroms accept.
pub const PAYLOAD_SIZE: usize = 256;
/// The size of a block's data area, the largest payload the format allows.
pub const DATA_AREA_SIZE: usize = 476;
/// The first magic number, `"UF2\n"` read as a little-endian `u32`.
pub const MAGIC_START0: u32 = 0x0A32_4655;
/// The second magic number.
pub const MAGIC_START1: u32 = 0x9E5D_5157;
/// The final magic number, at the last 4 bytes of a block.
pub const MAGIC_END: u32 = 0x0AB1_6F30;
/// Flag: the block is not to be written to the device's main flash.
pub const FLAG_NOT_MAIN_FLASH: u32 = 0x0000_0001;
/// Flag: the word at byte 28 is a family ID (otherwise it is a file size or zero).
pub const FLAG_FAMILY_ID_PRESENT: u32 = 0x0000_2000;
/// The byte that pads the last payload to [`PAYLOAD_SIZE`] (and every data area to
/// 476 bytes): zero, as the UF2 specification ("data, padded with zeros"), picotool
/// (`bin2uf2`/`elf2uf2` zero the block before copying a page in) and AtomVM's own
/// `uf2tool` do. The bootrom erases whole sectors before programming pages, so the
/// value of the bytes after an image does not matter to the device.
pub const PAD_BYTE: u8 = 0x00;

/// Offset of the data area in a block.
const DATA_OFFSET: usize = 32;

/// The header fields of one block (the magics are implied).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Header {
    /// Flags (`FLAG_*`).
    pub flags: u32,
    /// Where the payload goes.
    pub address: u32,
    /// Bytes of the data area that are payload.
    pub payload_size: u32,
    /// This block's number within its file part.
    pub block_no: u32,
    /// The number of blocks in the file part.
    pub total: u32,
    /// The family ID or the file size (see `FLAG_FAMILY_ID_PRESENT`).
    pub family_or_size: u32,
}

impl Header {
    /// The family ID, when the block carries one.
    pub fn family(&self) -> Option<u32> {
        (self.flags & FLAG_FAMILY_ID_PRESENT != 0).then_some(self.family_or_size)
    }
}

/// Appends one block: `header`, then `payload` padded with [`PAD_BYTE`] to 476 bytes.
/// `payload` must be at most [`DATA_AREA_SIZE`] bytes (the writer's own invariant).
pub(crate) fn encode(out: &mut Vec<u8>, header: &Header, payload: &[u8]) {
    let start = out.len();
    for word in [
        MAGIC_START0,
        MAGIC_START1,
        header.flags,
        header.address,
        header.payload_size,
        header.block_no,
        header.total,
        header.family_or_size,
    ] {
        out.extend_from_slice(&word.to_le_bytes());
    }
    let payload = &payload[..payload.len().min(DATA_AREA_SIZE)];
    out.extend_from_slice(payload);
    out.resize(start + DATA_OFFSET + DATA_AREA_SIZE, PAD_BYTE);
    out.extend_from_slice(&MAGIC_END.to_le_bytes());
}

/// The size of the 32-bit address space, `2^32`.
pub(crate) const ADDRESS_SPACE: u64 = 1 << 32;

/// The address just past the block's payload (up to `2^32 + 476`, hence `u64`).
pub(crate) fn end_address(header: &Header) -> u64 {
    u64::from(header.address) + u64::from(header.payload_size)
}

/// The little-endian `u32` at `at` in a 512-byte block.
fn word(block: &[u8; BLOCK_SIZE], at: usize) -> u32 {
    let mut bytes = [0u8; 4];
    bytes.copy_from_slice(&block[at..at + 4]);
    u32::from_le_bytes(bytes)
}

/// Checks block number `index` (at byte `offset` of the file) field by field and
/// returns its header and payload: magics, then payload size, then the address range.
pub(crate) fn decode(
    block: &[u8; BLOCK_SIZE],
    index: usize,
    offset: usize,
) -> Result<(Header, &[u8]), Uf2Error> {
    for (field, at, expected) in [
        (MagicField::Start0, 0, MAGIC_START0),
        (MagicField::Start1, 4, MAGIC_START1),
        (MagicField::End, BLOCK_SIZE - 4, MAGIC_END),
    ] {
        let found = word(block, at);
        if found != expected {
            return Err(Uf2Error::BadMagic {
                block: index,
                offset,
                field,
                found,
                expected,
            });
        }
    }
    let header = Header {
        flags: word(block, 8),
        address: word(block, 12),
        payload_size: word(block, 16),
        block_no: word(block, 20),
        total: word(block, 24),
        family_or_size: word(block, 28),
    };
    let size = usize::try_from(header.payload_size)
        .ok()
        .filter(|&size| size <= DATA_AREA_SIZE)
        .ok_or(Uf2Error::PayloadTooLarge {
            block: index,
            offset,
            size: header.payload_size,
        })?;
    if end_address(&header) > ADDRESS_SPACE {
        return Err(Uf2Error::BlockAddressOverflow {
            block: index,
            offset,
            address: header.address,
            size: header.payload_size,
        });
    }
    Ok((header, &block[DATA_OFFSET..DATA_OFFSET + size]))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn header() -> Header {
        Header {
            flags: FLAG_FAMILY_ID_PRESENT,
            address: 0x1000_0000,
            payload_size: 3,
            block_no: 0,
            total: 1,
            family_or_size: 0xE48B_FF56,
        }
    }

    #[test]
    fn encode_then_decode() {
        let mut out = Vec::new();
        encode(&mut out, &header(), &[1, 2, 3]);
        assert_eq!(out.len(), BLOCK_SIZE);
        let block: [u8; BLOCK_SIZE] = out.try_into().unwrap();
        let (decoded, payload) = decode(&block, 0, 0).unwrap();
        assert_eq!(decoded, header());
        assert_eq!(payload, [1, 2, 3]);
        assert_eq!(decoded.family(), Some(0xE48B_FF56));
    }

    #[test]
    fn a_payload_ending_at_4_gib_is_fine() {
        let mut out = Vec::new();
        let h = Header {
            address: 0xFFFF_FF00,
            payload_size: 256,
            ..header()
        };
        encode(&mut out, &h, &[0; 256]);
        let block: [u8; BLOCK_SIZE] = out.try_into().unwrap();
        assert!(decode(&block, 0, 0).is_ok());
    }

    #[test]
    fn no_family_flag_means_file_size() {
        let h = Header {
            flags: 0,
            ..header()
        };
        assert_eq!(h.family(), None);
    }
}
