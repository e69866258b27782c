//! [`Uf2Error`]: everything [`crate::write()`] refuses and [`crate::read()`] rejects, each
//! read error naming the block index and its byte offset in the file.

use thiserror::Error;

/// The names of [`crate::Family::ALL`], for error messages.
const KNOWN_FAMILIES: &str = "rp2040, absolute, data, rp2350_arm_s, rp2350_riscv, rp2350_arm_ns";

/// Which of a block's three magic numbers is wrong.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MagicField {
    /// The first magic, at byte 0 of the block (`0x0A324655`, `"UF2\n"`).
    Start0,
    /// The second magic, at byte 4 of the block (`0x9E5D5157`).
    Start1,
    /// The final magic, at byte 508 of the block (`0x0AB16F30`).
    End,
}

impl std::fmt::Display for MagicField {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            MagicField::Start0 => "first",
            MagicField::Start1 => "second",
            MagicField::End => "final",
        })
    }
}

/// An error writing or reading a UF2 image.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum Uf2Error {
    /// [`crate::Family::from_name`] was given a name that is not a known family.
    #[error("unknown UF2 family {name:?} (known: {KNOWN_FAMILIES})")]
    UnknownFamily {
        /// The name given.
        name: String,
    },

    /// There is nothing to write: the image is empty.
    #[error("cannot write an empty image to UF2")]
    EmptyImage,

    /// The target address is not a multiple of the 256-byte payload size.
    #[error("target address 0x{address:08X} is not aligned to 256 bytes")]
    UnalignedAddress {
        /// The address given.
        address: u32,
    },

    /// The image, padded to 256 bytes, would run past the end of the 32-bit address space.
    #[error("an image of {len} bytes at 0x{address:08X} runs past the 32-bit address space")]
    AddressOverflow {
        /// The target address.
        address: u32,
        /// The image's length in bytes (before padding).
        len: usize,
    },

    /// The file is empty: a UF2 image has at least one block.
    #[error("the UF2 file is empty")]
    EmptyFile,

    /// The file's length is not a multiple of 512: its last block is cut short.
    #[error("UF2 file of {len} bytes is not a multiple of 512: block {block} at byte offset {offset} is truncated to {trailing} bytes")]
    Truncated {
        /// The file's length.
        len: usize,
        /// The index of the incomplete block.
        block: usize,
        /// The byte offset of the incomplete block.
        offset: usize,
        /// How many bytes of it are present.
        trailing: usize,
    },

    /// A magic number is wrong: this is not a UF2 block.
    #[error("block {block} at byte offset {offset}: bad {field} magic 0x{found:08X}, expected 0x{expected:08X}")]
    BadMagic {
        /// The block index.
        block: usize,
        /// The block's byte offset.
        offset: usize,
        /// Which magic.
        field: MagicField,
        /// The value found.
        found: u32,
        /// The value the format requires.
        expected: u32,
    },

    /// The payload size is larger than the 476-byte data area.
    #[error(
        "block {block} at byte offset {offset}: payload size {size} exceeds the 476-byte data area"
    )]
    PayloadTooLarge {
        /// The block index.
        block: usize,
        /// The block's byte offset.
        offset: usize,
        /// The payload size found.
        size: u32,
    },

    /// The block's payload runs past the end of the 32-bit address space.
    #[error("block {block} at byte offset {offset}: {size} bytes at 0x{address:08X} run past the 32-bit address space")]
    BlockAddressOverflow {
        /// The block index.
        block: usize,
        /// The block's byte offset.
        offset: usize,
        /// The block's target address.
        address: u32,
        /// The block's payload size.
        size: u32,
    },

    /// The block number is not the next one of its file part (0 after a complete part).
    #[error("block {block} at byte offset {offset}: block number {found}, expected {expected}")]
    BlockNumber {
        /// The block index.
        block: usize,
        /// The block's byte offset.
        offset: usize,
        /// The block number found.
        found: u32,
        /// The block number expected.
        expected: u32,
    },

    /// The total number of blocks differs from the one the part's first block gave.
    #[error("block {block} at byte offset {offset}: total of {found} blocks, expected {expected}")]
    TotalBlocks {
        /// The block index.
        block: usize,
        /// The block's byte offset.
        offset: usize,
        /// The total found.
        found: u32,
        /// The total of the part's first block.
        expected: u32,
    },

    /// A file part's first block announces a total of zero blocks.
    #[error("block {block} at byte offset {offset}: total of 0 blocks")]
    ZeroTotal {
        /// The block index.
        block: usize,
        /// The block's byte offset.
        offset: usize,
    },

    /// Two files given to [`crate::merge()`] write the same flash.
    #[error("file {second} writes 0x{address:08X}, which file {first} also writes")]
    Overlap {
        /// The earlier file (1-based).
        first: usize,
        /// The later file (1-based).
        second: usize,
        /// The first address both write.
        address: u32,
    },

    /// The file ends before its last part's announced total of blocks.
    #[error("the UF2 file ends after block number {last} of a part announcing {total} blocks ({missing} missing)")]
    MissingBlocks {
        /// The last block number present.
        last: u32,
        /// The total the part announced.
        total: u32,
        /// How many blocks are missing.
        missing: u32,
    },
}
