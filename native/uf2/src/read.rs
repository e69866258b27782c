//! [`read()`]: a UF2 file → the [`Region`]s of memory it writes, after checking every
//! block and the numbering of each file part.

use crate::block::{self, BLOCK_SIZE, FLAG_NOT_MAIN_FLASH};
use crate::error::Uf2Error;

/// A run of consecutive blocks with the same family and contiguous addresses: the
/// bytes they place at `address`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Region {
    /// The target address of the run's first block.
    pub address: u32,
    /// The family ID of its blocks, or `None` when they do not carry one (flag
    /// `0x2000` clear).
    pub family: Option<u32>,
    /// The blocks' payloads, concatenated. For a file from [`crate::write()`] this is the
    /// image padded to a multiple of 256 bytes with zeros.
    pub data: Vec<u8>,
}

impl Region {
    /// The address just past the region's data (up to `2^32`, hence `u64`).
    fn end(&self) -> u64 {
        u64::from(self.address) + self.data.len() as u64
    }
}

/// The numbering state of the file part being read.
#[derive(Clone, Copy)]
struct Part {
    /// The total announced by the part's first block.
    total: u32,
    /// The block number the next block must have.
    next: u32,
}

/// Reads and validates a UF2 file, returning the regions it writes in file order.
///
/// The file must be a non-empty sequence of 512-byte blocks, each with the three magic
/// numbers and a payload of at most 476 bytes that fits in the 32-bit address space.
/// It is read as one or more *file parts* (concatenated UF2 files, as in
/// [`crate::write_universal()`]): each part's blocks are numbered `0..total` in order and
/// all give the same total; the next part starts again at 0; the last part must be
/// complete. Blocks flagged "not main flash" (`0x1`) count in the numbering but are
/// left out of the regions. Errors name the offending block and its byte offset.
pub fn read(uf2: &[u8]) -> Result<Vec<Region>, Uf2Error> {
    if uf2.is_empty() {
        return Err(Uf2Error::EmptyFile);
    }
    let blocks = uf2.chunks_exact(BLOCK_SIZE);
    let trailing = blocks.remainder().len();
    if trailing != 0 {
        let block = uf2.len() / BLOCK_SIZE;
        return Err(Uf2Error::Truncated {
            len: uf2.len(),
            block,
            offset: block * BLOCK_SIZE,
            trailing,
        });
    }

    let mut regions: Vec<Region> = Vec::new();
    let mut part: Option<Part> = None;
    for (index, chunk) in blocks.enumerate() {
        let offset = index * BLOCK_SIZE;
        let raw: &[u8; BLOCK_SIZE] = chunk.try_into().map_err(|_| Uf2Error::Truncated {
            len: uf2.len(),
            block: index,
            offset,
            trailing: chunk.len(),
        })?;
        let (header, payload) = block::decode(raw, index, offset)?;

        let expected = part.map_or(0, |p| p.next);
        if header.block_no != expected {
            return Err(Uf2Error::BlockNumber {
                block: index,
                offset,
                found: header.block_no,
                expected,
            });
        }
        let current = match part {
            None if header.total == 0 => {
                return Err(Uf2Error::ZeroTotal {
                    block: index,
                    offset,
                })
            }
            None => Part {
                total: header.total,
                next: 1,
            },
            Some(p) if header.total != p.total => {
                return Err(Uf2Error::TotalBlocks {
                    block: index,
                    offset,
                    found: header.total,
                    expected: p.total,
                })
            }
            Some(p) => Part {
                total: p.total,
                next: p.next + 1,
            },
        };
        part = (current.next < current.total).then_some(current);

        if header.flags & FLAG_NOT_MAIN_FLASH == 0 {
            add(&mut regions, header.address, header.family(), payload);
        }
    }

    if let Some(p) = part {
        return Err(Uf2Error::MissingBlocks {
            last: p.next - 1,
            total: p.total,
            missing: p.total - p.next,
        });
    }
    Ok(regions)
}

/// Appends a block's payload to the last region when it continues it, else starts a
/// new region.
fn add(regions: &mut Vec<Region>, address: u32, family: Option<u32>, payload: &[u8]) {
    if let Some(last) = regions.last_mut() {
        if last.family == family && last.end() == u64::from(address) {
            last.data.extend_from_slice(payload);
            return;
        }
    }
    regions.push(Region {
        address,
        family,
        data: payload.to_vec(),
    });
}
