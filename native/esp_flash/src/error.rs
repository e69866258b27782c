//! What can go wrong, each as one line that names the port or the file and the fix.

use thiserror::Error;

/// An error of a flashing operation; `Display` is the message the user sees.
#[derive(Debug, Error)]
pub enum EspError {
    /// No serial port matches.
    #[error("no serial port {port}: is the board plugged in? (`mix atomvm.esp32.info --port auto` lists ports)")]
    PortMissing {
        /// The port asked for.
        port: String,
    },
    /// `--port auto` found no USB serial port.
    #[error("no USB serial port found: plug the board in (and check its cable carries data), or pass --port DEV")]
    NoPorts,
    /// `--port auto` found several.
    #[error("several USB serial ports: {ports}; pass --port with one of them")]
    SeveralPorts {
        /// The candidates, comma-separated.
        ports: String,
    },
    /// The port exists but is used by another program.
    #[error(
        "serial port {port} is busy: close the program using it (a serial monitor?) and retry"
    )]
    PortBusy {
        /// The port.
        port: String,
    },
    /// The port cannot be opened for lack of permission.
    #[error("no permission to open {port}: add yourself to its group (e.g. `sudo usermod -aG dialout $USER`, then log in again)")]
    PortPermission {
        /// The port.
        port: String,
    },
    /// Opening the port failed otherwise.
    #[error("cannot open serial port {port}: {message}")]
    PortOpen {
        /// The port.
        port: String,
        /// The OS's words.
        message: String,
    },
    /// Nothing that speaks the ESP bootloader protocol answered.
    #[error("no ESP32 bootloader answered on {port}: {message}. Hold BOOT while pressing RESET (or EN) to enter download mode, or check --port")]
    NotEsp {
        /// The port.
        port: String,
        /// What espflash reported.
        message: String,
    },
    /// The chip is not the one expected.
    #[error(
        "the chip on {port} is {detected}, not {expected} (the board or --chip says {expected})"
    )]
    WrongChip {
        /// The port.
        port: String,
        /// The chip named by the user or board file.
        expected: String,
        /// The chip detected.
        detected: String,
    },
    /// An unknown chip name.
    #[error("unknown ESP chip {0}: use esp32, esp32s2, esp32s3, esp32c2, esp32c3, esp32c5, esp32c6, esp32c61, esp32h2 or esp32p4")]
    UnknownChip(String),
    /// The application does not fit its partition.
    #[error("{what} is {size} bytes, larger than its partition at {offset:#x} ({capacity} bytes); nothing was written")]
    TooLarge {
        /// What was to be written.
        what: String,
        /// Its size.
        size: usize,
        /// The partition's offset.
        offset: u64,
        /// The partition's size.
        capacity: u64,
    },
    /// The application would overwrite the VM or another partition.
    #[error("writing {what} at {offset:#x} would overwrite {other}; nothing was written")]
    Overlap {
        /// What was to be written.
        what: String,
        /// Where.
        offset: u64,
        /// What is there.
        other: String,
    },
    /// The device's partition table has no `main.avm` entry.
    #[error("the partition table on {port} has no main.avm partition: is AtomVM installed? (`mix atomvm.esp32.install`)")]
    NoAppPartition {
        /// The port.
        port: String,
    },
    /// A flash operation failed after connecting.
    #[error("{action} on {port} failed: {message}")]
    Flash {
        /// What was being done.
        action: &'static str,
        /// The port.
        port: String,
        /// espflash's words (with its causes).
        message: String,
    },
    /// MD5 verification after writing failed.
    #[error("verification after writing to {port} failed: the flash does not hold what was written (bad cable or power? try a lower --baud)")]
    VerifyFailed {
        /// The port.
        port: String,
    },
}

/// espflash's error with its chain of causes, on one line.
pub fn describe(error: &espflash::Error) -> String {
    let mut text = error.to_string();
    let mut source = std::error::Error::source(error);
    while let Some(cause) = source {
        let more = cause.to_string();
        if !text.contains(&more) {
            text.push_str(": ");
            text.push_str(&more);
        }
        source = cause.source();
    }
    text
}
