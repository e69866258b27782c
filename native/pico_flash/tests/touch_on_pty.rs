//! The 1200-baud touch against a pseudo-terminal standing in for the Pico's port:
//! the terminal's speed is observed from the other side.
#![allow(clippy::unwrap_used)]

use nix::pty::openpty;
use serialport::{SerialPort, TTYPort};
use std::os::fd::{AsRawFd, FromRawFd, IntoRawFd, OwnedFd};

/// The speed the terminal is set to (serialport reads it with TCGETS2, which also
/// sees the arbitrary-rate settings that nix's termios cannot decode).
fn speed(slave: &OwnedFd) -> u32 {
    let fd = slave.try_clone().unwrap().into_raw_fd();
    // SAFETY: `fd` is a fresh duplicate that nothing else owns; the TTYPort takes
    // ownership and closes it when dropped.
    let port = unsafe { TTYPort::from_raw_fd(fd) };
    port.baud_rate().unwrap()
}

#[test]
fn the_port_is_opened_at_1200_baud() {
    let pair = openpty(None, None).unwrap();
    let path = std::fs::read_link(format!("/proc/self/fd/{}", pair.slave.as_raw_fd())).unwrap();
    // A fresh pseudo-terminal runs at 38400 baud.
    pico_flash::touch(&path.display().to_string()).unwrap();
    // The settings of a pseudo-terminal outlive the touch while our end stays open.
    assert_eq!(speed(&pair.slave), 1200);
}

#[test]
fn a_missing_port_is_named() {
    let e = pico_flash::touch("/dev/no-such-pico")
        .unwrap_err()
        .to_string();
    assert!(e.starts_with("no serial port /dev/no-such-pico:"), "{e}");
}
