//! The board files of atomvm_mix: one TOML file per board or chip family under
//! `boards/`, describing the chip, how it is flashed, where AtomVM's image and the
//! application archive go in flash, and which firmware assets AtomVM publishes for
//! it (see `boards/README.md` for the format).
//!
//! [`load_dir`] reads and validates every file; [`Board::firmware`] resolves a release
//! and flavor to the asset to download and the flash layout to use with it.

mod board;
mod error;
mod layout;
mod load;

pub use board::{AppLayout, Board, Firmware, Flavor, Method};
pub use error::BoardError;
pub use layout::{AppPartition, FirmwareChoice};
pub use load::{load_dir, parse};
