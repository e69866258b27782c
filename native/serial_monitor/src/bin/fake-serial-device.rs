//! `fake-serial-device`: a pseudo-terminal standing in for a device's serial port,
//! for end-to-end tests of `mix atomvm.monitor`. Prints the terminal's path on a line,
//! then writes `line N` every 20 ms until standard input closes.

use nix::pty::openpty;
use std::io::{BufRead, Write};
use std::os::fd::AsRawFd;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Duration;

fn main() -> std::process::ExitCode {
    let Ok(pair) = openpty(None, None) else {
        eprintln!("fake-serial-device: cannot open a pseudo-terminal");
        return std::process::ExitCode::from(2);
    };
    let Ok(path) = std::fs::read_link(format!("/proc/self/fd/{}", pair.slave.as_raw_fd())) else {
        eprintln!("fake-serial-device: cannot name the pseudo-terminal");
        return std::process::ExitCode::from(2);
    };
    println!("{}", path.display());
    let _ = std::io::stdout().flush();
    let stop = Arc::new(AtomicBool::new(false));
    let writer_stop = Arc::clone(&stop);
    let mut master = std::fs::File::from(pair.master);
    let writer = std::thread::spawn(move || {
        let mut n = 0u32;
        while !writer_stop.load(Ordering::Relaxed) {
            n += 1;
            if master
                .write_all(format!("line {n}\r\n").as_bytes())
                .is_err()
            {
                break;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    });
    // Standard input closing (the test ending) stops the device.
    for _ in std::io::stdin().lock().lines() {}
    stop.store(true, Ordering::Relaxed);
    let _ = writer.join();
    drop(pair.slave);
    std::process::ExitCode::SUCCESS
}
