//! A serial monitor: [`monitor::run`] copies what a device writes to a callback,
//! reopening the port when the device resets or is unplugged and plugged back, until
//! asked to stop; [`interrupt::CatchInterrupt`] turns Ctrl-C (SIGINT) into a flag for
//! as long as it lives, and [`keyboard::RawKeyboard`] also stops on Ctrl-] typed in
//! a raw terminal.
#![deny(unsafe_op_in_unsafe_fn)]

pub mod interrupt;
pub mod keyboard;
pub mod monitor;

pub use monitor::{run, Event, Settings};
