//! Flashing AtomVM to ESP32-family chips over their serial ROM bootloader, with the
//! `espflash` crate as a library: choosing the port ([`port`]), connecting and
//! checking the chip ([`session`]), reading the device's partition table
//! ([`partition`]), deciding what goes where and refusing what would not fit
//! ([`plan`]), and writing with compression, MD5 verification and progress.
#![deny(unsafe_op_in_unsafe_fn)]

pub mod error;
pub mod partition;
pub mod plan;
pub mod port;
pub mod session;

pub use error::EspError;
