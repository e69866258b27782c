//! [`merge()`]: several UF2 files → one, whose blocks are numbered as one file, so a
//! bootloader takes them in one copy (AtomVM v0.6.x published the VM and its library
//! for the Pico as two UF2 files, each of which restarts the board once copied).

use crate::block::BLOCK_SIZE;
use crate::error::Uf2Error;
use crate::read::read;

/// Offsets of the block number and the total in a block's header.
const BLOCK_NO: usize = 20;
const TOTAL: usize = 24;

/// Merges `files` (each a valid UF2 file, see [`read()`]) into one file of all their
/// blocks, in order, renumbered `0..total`. Files that write the same main-flash bytes
/// are refused ([`Uf2Error::Overlap`]): the result would depend on the order.
pub fn merge(files: &[&[u8]]) -> Result<Vec<u8>, Uf2Error> {
    let mut written: Vec<(usize, u64, u64)> = Vec::new();
    for (i, file) in files.iter().enumerate() {
        for region in read(file)? {
            let (start, end) = (
                u64::from(region.address),
                u64::from(region.address) + region.data.len() as u64,
            );
            if let Some(&(first, other_start, _)) = written
                .iter()
                .find(|(f, s, e)| *f != i && start < *e && *s < end)
            {
                return Err(Uf2Error::Overlap {
                    first: first + 1,
                    second: i + 1,
                    address: u32::try_from(start.max(other_start)).unwrap_or(u32::MAX),
                });
            }
            written.push((i, start, end));
        }
    }
    let total: usize = files.iter().map(|f| f.len() / BLOCK_SIZE).sum();
    // Each file read above, so the count fits the format's 32-bit numbering.
    let total = u32::try_from(total).unwrap_or(u32::MAX);
    let mut out = Vec::with_capacity(total as usize * BLOCK_SIZE);
    for (n, block) in files
        .iter()
        .flat_map(|f| f.chunks_exact(BLOCK_SIZE))
        .enumerate()
    {
        let mut block = block.to_vec();
        block[BLOCK_NO..BLOCK_NO + 4].copy_from_slice(&(n as u32).to_le_bytes());
        block[TOTAL..TOTAL + 4].copy_from_slice(&total.to_le_bytes());
        out.extend_from_slice(&block);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::{write, Family};

    #[test]
    fn two_files_become_one_numbered_part_writing_both() {
        let vm = write(&[1u8; 600], 0x1000_0000, Family::Rp2040).unwrap();
        let lib = write(&[2u8; 300], 0x1010_0000, Family::Rp2040).unwrap();
        let merged = merge(&[&vm, &lib]).unwrap();
        assert_eq!(merged.len(), vm.len() + lib.len());
        let regions = read(&merged).unwrap();
        assert_eq!(regions.len(), 2);
        assert_eq!(regions[0].address, 0x1000_0000);
        assert_eq!(&regions[0].data[..600], &[1u8; 600][..]);
        assert_eq!(regions[1].address, 0x1010_0000);
        assert_eq!(&regions[1].data[..300], &[2u8; 300][..]);
        let total = u32::from_le_bytes(merged[TOTAL..TOTAL + 4].try_into().unwrap());
        assert_eq!(total as usize, merged.len() / BLOCK_SIZE);
    }

    #[test]
    fn overlapping_files_and_bad_files_are_refused() {
        let a = write(&[1u8; 600], 0x1000_0000, Family::Rp2040).unwrap();
        let b = write(&[2u8; 300], 0x1000_0100, Family::Rp2040).unwrap();
        assert_eq!(
            merge(&[&a, &b]),
            Err(Uf2Error::Overlap {
                first: 1,
                second: 2,
                address: 0x1000_0100
            })
        );
        assert!(matches!(
            merge(&[&a, &a[..100]]),
            Err(Uf2Error::Truncated { .. })
        ));
    }
}
