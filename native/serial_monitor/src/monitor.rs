//! The monitoring loop.

use std::io::{ErrorKind, Read};
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

/// What the monitor reports besides data.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Event {
    /// The port is open (again).
    Connected(String),
    /// The device went away (reset, unplugged); the monitor waits for it.
    Disconnected(String),
    /// The port does not exist (yet); the monitor waits for it.
    Waiting(String),
}

/// What to monitor.
#[derive(Debug, Clone)]
pub struct Settings {
    /// The serial device path.
    pub port: String,
    /// Baud rate.
    pub baud: u32,
    /// How often to retry opening a missing port.
    pub retry: Duration,
}

/// Copies what the device writes to `on_data` until `stop` is set, reporting
/// connections and disconnections to `on_event`. A missing port or a lost device is
/// waited for, not an error: the loop only returns when stopped.
pub fn run(
    settings: &Settings,
    stop: &AtomicBool,
    on_data: &mut dyn FnMut(&[u8]),
    on_event: &mut dyn FnMut(Event),
) {
    let mut announced_wait = false;
    let mut buffer = [0u8; 4096];
    while !stop.load(Ordering::Relaxed) {
        let opened = serialport::new(&settings.port, settings.baud)
            .timeout(Duration::from_millis(100))
            .open();
        let mut port = match opened {
            Ok(port) => port,
            Err(_) => {
                if !announced_wait {
                    on_event(Event::Waiting(settings.port.clone()));
                    announced_wait = true;
                }
                std::thread::sleep(settings.retry);
                continue;
            }
        };
        announced_wait = false;
        on_event(Event::Connected(settings.port.clone()));
        while !stop.load(Ordering::Relaxed) {
            match port.read(&mut buffer) {
                Ok(0) => {}
                Ok(n) => on_data(&buffer[..n]),
                Err(e) if matches!(e.kind(), ErrorKind::TimedOut | ErrorKind::Interrupted) => {}
                Err(_) => {
                    on_event(Event::Disconnected(settings.port.clone()));
                    announced_wait = true;
                    break;
                }
            }
        }
    }
}
