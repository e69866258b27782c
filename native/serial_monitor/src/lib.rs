//! A serial monitor: [`monitor::run`] copies what a device writes to a callback,
//! reopening the port when the device resets or is unplugged and plugged back, until
//! asked to stop; [`keyboard::RawKeyboard`] puts the terminal into raw mode so that
//! Ctrl-C reaches the monitor as a key (and the terminal is restored afterwards).
#![deny(unsafe_op_in_unsafe_fn)]

pub mod keyboard;
pub mod monitor;

pub use monitor::{run, Event, Settings};
