//! Raw keyboard input while monitoring: Ctrl-C (and Ctrl-]) become keys that stop the
//! monitor instead of signals that would interrupt the BEAM running Mix.

use nix::sys::termios::{self, LocalFlags, SetArg, Termios};
use std::io::Read;
use std::os::fd::AsFd;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

/// Ctrl-C.
const CTRL_C: u8 = 0x03;
/// Ctrl-], miniterm's exit key.
const CTRL_BRACKET: u8 = 0x1d;

/// While alive, standard input is a raw terminal read by a thread that sets `stop`
/// on Ctrl-C or Ctrl-]. Dropping it restores the terminal.
pub struct RawKeyboard {
    saved: Option<Termios>,
}

impl RawKeyboard {
    /// Switches standard input to raw mode when it is a terminal (otherwise does
    /// nothing) and starts watching it.
    pub fn start(stop: Arc<AtomicBool>) -> RawKeyboard {
        let stdin = std::io::stdin();
        let saved = termios::tcgetattr(stdin.as_fd()).ok();
        if let Some(saved) = &saved {
            let mut raw = saved.clone();
            raw.local_flags
                .remove(LocalFlags::ICANON | LocalFlags::ECHO | LocalFlags::ISIG);
            let _ = termios::tcsetattr(stdin.as_fd(), SetArg::TCSANOW, &raw);
            std::thread::spawn(move || {
                let mut byte = [0u8; 1];
                while !stop.load(Ordering::Relaxed) {
                    match std::io::stdin().read(&mut byte) {
                        Ok(1) if byte[0] == CTRL_C || byte[0] == CTRL_BRACKET => {
                            stop.store(true, Ordering::Relaxed);
                        }
                        Ok(0) | Err(_) => break,
                        Ok(_) => {}
                    }
                }
            });
        }
        RawKeyboard { saved }
    }
}

impl Drop for RawKeyboard {
    fn drop(&mut self) {
        if let Some(saved) = &self.saved {
            let _ = termios::tcsetattr(std::io::stdin().as_fd(), SetArg::TCSANOW, saved);
        }
    }
}
