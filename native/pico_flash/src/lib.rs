//! Raspberry Pi Pico helpers. A Pico running AtomVM (or any Pico SDK program with USB
//! stdio) reboots into its USB mass-storage bootloader (the `RPI-RP2` or `RP2350`
//! drive) when its serial port is opened at 1200 baud and closed: [`touch`] does that.
//! Finding the drive and copying the UF2 file are done by the Mix tasks.
#![deny(unsafe_op_in_unsafe_fn)]

pub mod touch;

pub use touch::{touch, TouchError};
