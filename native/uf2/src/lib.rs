//! Writes and reads UF2 files (Microsoft's USB Flashing Format), the images the
//! Raspberry Pi RP2040 and RP2350 bootroms take when a file is copied to their USB
//! mass-storage drive (`RPI-RP2`, `RP2350`).
//!
//! * [`write()`] places an image at a flash address for one [`Family`], in 512-byte
//!   blocks of 256-byte payloads (the only payload size the bootroms accept); the last
//!   page is padded with zeros ([`block::PAD_BYTE`]), as picotool and AtomVM's
//!   `uf2tool` do, so the image's exact length is not kept.
//! * [`write_universal()`] writes the same image twice, for `rp2040` then for `data`,
//!   so one file works on both chips.
//! * [`read()`] validates a file (magics, payload sizes, block numbering and totals of
//!   each concatenated part) and returns the [`Region`]s it writes, or a [`Uf2Error`]
//!   naming the block and byte offset at fault.
//!
//! ```
//! use uf2::{read, write, Family};
//!
//! let avm = b"#!/usr/bin/env AtomVM\n";
//! let file = write(avm, 0x1018_0000, Family::Rp2040).unwrap();
//! assert_eq!(file.len(), 512);
//! let regions = read(&file).unwrap();
//! assert_eq!(regions[0].address, 0x1018_0000);
//! assert_eq!(regions[0].family, Some(Family::Rp2040.id()));
//! assert_eq!(&regions[0].data[..avm.len()], avm);
//! assert_eq!(regions[0].data.len(), 256);
//! ```
#![forbid(unsafe_code)]

pub mod block;
mod error;
mod family;
mod merge;
mod read;
mod write;

pub use error::{MagicField, Uf2Error};
pub use family::Family;
pub use merge::merge;
pub use read::{read, Region};
pub use write::{write, write_universal};
