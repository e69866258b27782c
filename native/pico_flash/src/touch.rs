//! The 1200-baud touch.

use std::time::Duration;
use thiserror::Error;

/// The speed that asks a Pico SDK program to reboot into the bootloader.
pub const TOUCH_BAUD: u32 = 1200;

/// Why the touch failed.
#[derive(Debug, Error)]
pub enum TouchError {
    /// The port is not there.
    #[error("no serial port {0}: is the Pico plugged in and running AtomVM? (or hold BOOTSEL while plugging it in, then omit --reset)")]
    Missing(String),
    /// The port could not be opened.
    #[error("cannot open {port} at 1200 baud to reset the Pico: {message}")]
    Open {
        /// The port.
        port: String,
        /// The OS's words.
        message: String,
    },
}

/// Opens `port` at 1200 baud and closes it again: the board resets into its
/// bootloader (its serial port then disappears and a drive appears).
pub fn touch(port: &str) -> Result<(), TouchError> {
    if !std::path::Path::new(port).exists() {
        return Err(TouchError::Missing(port.to_owned()));
    }
    let serial = serialport::new(port, TOUCH_BAUD)
        .timeout(Duration::from_millis(100))
        .open()
        .map_err(|e| TouchError::Open {
            port: port.to_owned(),
            message: e.to_string(),
        })?;
    // Some hosts need the line to stay open a moment for the device to notice.
    std::thread::sleep(Duration::from_millis(50));
    drop(serial);
    Ok(())
}
