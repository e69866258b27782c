//! A simulated ESP32-family serial ROM bootloader, for testing flashing code
//! without a board.
//!
//! [`FakeRom::start`] opens a pseudo-terminal pair and answers the
//! bootloader protocol on its master side from a thread; point a serial
//! library at [`FakeRom::port`] (the slave device). The loader starts as the
//! chip's ROM; once a flasher stub is uploaded to RAM and started
//! (MEM_BEGIN/MEM_DATA/MEM_END with an entry point) it says `OHAI` and
//! behaves as esptool's stub (2 status bytes, raw MD5, erase and read
//! commands). Writes land in an in-memory flash that tests can inspect.
//!
//! See README.md for what is emulated and what is not.
#![deny(unsafe_op_in_unsafe_fn)]

mod chip;
mod device;
mod protocol;
mod slip;

use std::fs::File;
use std::io::{self, Read as _, Write as _};
use std::os::fd::{AsFd as _, OwnedFd};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;

use nix::fcntl::{fcntl, FcntlArg, OFlag};
use nix::poll::{poll, PollFd, PollFlags, PollTimeout};
use nix::sys::termios::{cfmakeraw, tcgetattr, tcsetattr, SetArg};

pub use chip::Chip;
use device::{lock, Device, Shared};

/// How long the server thread waits for I/O before checking for shutdown.
const POLL_MS: u8 = 20;

/// How to set up the fake chip.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Options {
    /// The chip to pretend to be.
    pub chip: Chip,
    /// Size of the in-memory flash in bytes; the SPI flash id reports it
    /// (rounded up to a power of two).
    pub flash_size: usize,
    /// Flip the first byte of every block written to flash, so that MD5
    /// verification after a write fails.
    pub corrupt_writes: bool,
}

impl Options {
    /// A `chip` with 4 MiB of flash that stores what it is sent.
    pub fn new(chip: Chip) -> Self {
        Options {
            chip,
            flash_size: 4 * 1024 * 1024,
            corrupt_writes: false,
        }
    }
}

impl Default for Options {
    fn default() -> Self {
        Options::new(Chip::Esp32)
    }
}

/// Why [`FakeRom::start`] failed.
#[derive(Debug, thiserror::Error)]
pub enum FakeRomError {
    /// The flash size is zero or above 1 GiB.
    #[error("flash size {0} is out of range (1 byte to 1 GiB)")]
    FlashSize(usize),
    /// Opening or configuring the pseudo-terminal failed.
    #[error("pseudo-terminal: {0}")]
    Pty(#[from] nix::Error),
    /// The server thread could not be started.
    #[error("starting the server thread: {0}")]
    Thread(#[from] io::Error),
}

/// A running fake bootloader. Dropping it stops the thread and closes the
/// pseudo-terminal.
#[derive(Debug)]
pub struct FakeRom {
    port: PathBuf,
    shared: Arc<Mutex<Shared>>,
    stop: Arc<AtomicBool>,
    thread: Option<JoinHandle<()>>,
    /// Held open so the master side never sees a hang-up between clients.
    _slave: OwnedFd,
}

impl FakeRom {
    /// Opens a pseudo-terminal pair and serves the bootloader protocol on
    /// its master side from a new thread.
    pub fn start(options: Options) -> Result<FakeRom, FakeRomError> {
        if options.flash_size == 0 || options.flash_size > 1 << 30 {
            return Err(FakeRomError::FlashSize(options.flash_size));
        }
        let pty = nix::pty::openpty(None, None)?;
        // Raw mode until the client sets its own: no echo, no line editing,
        // no CR/LF translation of binary packets.
        let mut termios = tcgetattr(&pty.slave)?;
        cfmakeraw(&mut termios);
        tcsetattr(&pty.slave, SetArg::TCSANOW, &termios)?;
        let port = nix::unistd::ttyname(&pty.slave)?;
        fcntl(&pty.master, FcntlArg::F_SETFL(OFlag::O_NONBLOCK))?;

        let shared = Arc::new(Mutex::new(Shared {
            flash: vec![0xFF; options.flash_size],
            commands: Vec::new(),
        }));
        let device = Device::new(options.chip, options.corrupt_writes, Arc::clone(&shared));
        let stop = Arc::new(AtomicBool::new(false));
        let master = File::from(pty.master);
        let thread = {
            let stop = Arc::clone(&stop);
            std::thread::Builder::new()
                .name("esp-fake-rom".into())
                .spawn(move || serve(master, device, &stop))?
        };
        Ok(FakeRom {
            port,
            shared,
            stop,
            thread: Some(thread),
            _slave: pty.slave,
        })
    }

    /// The pseudo-terminal slave device (e.g. `/dev/pts/3`) to open as a
    /// serial port.
    pub fn port(&self) -> &Path {
        &self.port
    }

    /// A copy of the whole flash (erased flash reads `0xFF`).
    pub fn flash(&self) -> Vec<u8> {
        lock(&self.shared).flash.clone()
    }

    /// Writes `bytes` into the flash at `offset` directly, e.g. to preload a
    /// partition table at `0x8000`.
    ///
    /// # Panics
    ///
    /// If the bytes do not fit in the flash.
    pub fn write_flash(&self, offset: usize, bytes: &[u8]) {
        let mut shared = lock(&self.shared);
        let size = shared.flash.len();
        let end = offset.checked_add(bytes.len()).filter(|&end| end <= size);
        let Some(end) = end else {
            panic!(
                "write_flash: {} bytes at {offset:#x} overflow the {size:#x}-byte flash",
                bytes.len()
            );
        };
        shared.flash[offset..end].copy_from_slice(bytes);
    }

    /// The opcodes of the commands received so far, in order (SYNC is 0x08,
    /// FLASH_DEFL_DATA 0x11, …).
    pub fn commands(&self) -> Vec<u8> {
        lock(&self.shared).commands.clone()
    }
}

impl Drop for FakeRom {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
        if let Some(thread) = self.thread.take() {
            // A panic in the server thread has already been reported.
            let _ = thread.join();
        }
    }
}

/// The server loop: read bytes, decode packets, answer them.
fn serve(mut master: File, mut device: Device, stop: &AtomicBool) {
    let mut decoder = slip::Decoder::new();
    let mut buffer = [0u8; 4096];
    while !stop.load(Ordering::Relaxed) {
        if !wait(&master, PollFlags::POLLIN) {
            continue;
        }
        let read = match master.read(&mut buffer) {
            Ok(n) => n,
            Err(error) if error.kind() == io::ErrorKind::WouldBlock => 0,
            Err(error) if error.kind() == io::ErrorKind::Interrupted => 0,
            // EIO while no client has the port open: wait and try again.
            Err(_) => {
                std::thread::sleep(std::time::Duration::from_millis(u64::from(POLL_MS)));
                0
            }
        };
        for &byte in &buffer[..read] {
            let Some(packet) = decoder.push(byte) else {
                continue;
            };
            for reply in device.handle(&packet) {
                if send(&mut master, &slip::encode(&reply), stop).is_err() {
                    return;
                }
            }
        }
    }
}

/// Waits up to [`POLL_MS`] for the master to be ready for `flags`.
fn wait(master: &File, flags: PollFlags) -> bool {
    let mut fds = [PollFd::new(master.as_fd(), flags)];
    matches!(poll(&mut fds, PollTimeout::from(POLL_MS)), Ok(n) if n > 0)
}

/// Writes all of `bytes` to the non-blocking master, giving up on shutdown.
fn send(master: &mut File, mut bytes: &[u8], stop: &AtomicBool) -> io::Result<()> {
    while !bytes.is_empty() {
        if stop.load(Ordering::Relaxed) {
            return Err(io::ErrorKind::Interrupted.into());
        }
        match master.write(bytes) {
            Ok(n) => bytes = &bytes[n..],
            Err(error) if error.kind() == io::ErrorKind::WouldBlock => {
                wait(master, PollFlags::POLLOUT);
            }
            Err(error) if error.kind() == io::ErrorKind::Interrupted => {}
            Err(error) => return Err(error),
        }
    }
    Ok(())
}
