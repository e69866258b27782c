//! [`write()`] and [`write_universal()`]: an image's bytes → UF2 blocks of 256-byte pages.

use crate::block::{self, Header, ADDRESS_SPACE, FLAG_FAMILY_ID_PRESENT, PAYLOAD_SIZE};
use crate::error::Uf2Error;
use crate::family::Family;

/// Encodes `data` as a UF2 file that places it at `address` for `family`.
///
/// Every block has flags `0x2000` (family ID present), a 256-byte payload, block
/// numbers `0..n` and total `n = ceil(len / 256)`; the last payload is padded to 256
/// bytes with [`block::PAD_BYTE`] (zero) and each data area with zeros to 476 bytes.
/// The image's exact length is not recorded: [`crate::read()`] returns the padded bytes.
///
/// Fails if `data` is empty, if `address` is not a multiple of 256, or if the padded
/// image would run past `0xFFFF_FFFF`.
pub fn write(data: &[u8], address: u32, family: Family) -> Result<Vec<u8>, Uf2Error> {
    let mut out = Vec::new();
    append(&mut out, data, address, family)?;
    Ok(out)
}

/// Encodes `data` as the "universal" UF2 that both the RP2040 and the RP2350 bootroms
/// accept: [`write()`] for [`Family::Rp2040`] followed by [`write()`] for [`Family::Data`],
/// each part numbered from 0 with its own total. Each bootrom ignores the part whose
/// family it does not take.
pub fn write_universal(data: &[u8], address: u32) -> Result<Vec<u8>, Uf2Error> {
    let mut out = Vec::new();
    append(&mut out, data, address, Family::Rp2040)?;
    append(&mut out, data, address, Family::Data)?;
    Ok(out)
}

/// Appends the blocks of one file part to `out` (see [`write()`]).
fn append(out: &mut Vec<u8>, data: &[u8], address: u32, family: Family) -> Result<(), Uf2Error> {
    if data.is_empty() {
        return Err(Uf2Error::EmptyImage);
    }
    if address % PAYLOAD_SIZE as u32 != 0 {
        return Err(Uf2Error::UnalignedAddress { address });
    }
    let overflow = || Uf2Error::AddressOverflow {
        address,
        len: data.len(),
    };
    let blocks = data.len().div_ceil(PAYLOAD_SIZE);
    let padded = u64::try_from(blocks)
        .ok()
        .and_then(|n| n.checked_mul(PAYLOAD_SIZE as u64))
        .ok_or_else(overflow)?;
    if u64::from(address) + padded > ADDRESS_SPACE {
        return Err(overflow());
    }
    let total = u32::try_from(blocks).map_err(|_| overflow())?;
    out.reserve(blocks * block::BLOCK_SIZE);
    let mut page_address = address;
    for (block_no, page) in (0..total).zip(data.chunks(PAYLOAD_SIZE)) {
        let mut payload = [block::PAD_BYTE; PAYLOAD_SIZE];
        payload[..page.len()].copy_from_slice(page);
        let header = Header {
            flags: FLAG_FAMILY_ID_PRESENT,
            address: page_address,
            payload_size: PAYLOAD_SIZE as u32,
            block_no,
            total,
            family_or_size: family.id(),
        };
        block::encode(out, &header, &payload);
        // Wraps to 0 only after the last page of an image ending at 4 GiB.
        page_address = page_address.wrapping_add(PAYLOAD_SIZE as u32);
    }
    Ok(())
}
