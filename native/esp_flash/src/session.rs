//! A connection to a chip's bootloader through espflash: connect (with the chip
//! check), describe the device, read its partition table, write, erase.

use crate::error::{describe, EspError};
use crate::partition::{self, Partition};
use crate::plan::Write;
use espflash::connection::{Connection, ResetAfterOperation, ResetBeforeOperation};
use espflash::flasher::Flasher;
use espflash::image_format::Segment;
use espflash::target::{Chip, ProgressCallbacks};
use serialport::UsbPortInfo;
use std::borrow::Cow;

/// How to get the chip into its bootloader and out again.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reset {
    /// Toggle DTR/RTS before (into the bootloader) and after (hard reset): real boards.
    Lines,
    /// Touch no control line (the chip is already in its bootloader; pseudo-terminals,
    /// which have no DTR/RTS, and simulated devices).
    None,
}

/// Connection settings.
#[derive(Debug, Clone)]
pub struct Options {
    /// The serial device.
    pub port: String,
    /// Baud rate after connecting (115200 to connect).
    pub baud: Option<u32>,
    /// The chip the user or the board file expects, if any.
    pub chip: Option<String>,
    /// Reset strategy.
    pub reset: Reset,
}

/// What `info` reports.
#[derive(Debug, Clone)]
pub struct DeviceInfo {
    /// The chip.
    pub chip: String,
    /// Revision, `major.minor`.
    pub revision: Option<String>,
    /// Flash size in bytes.
    pub flash_size: u64,
    /// MAC address.
    pub mac: Option<String>,
    /// Features reported by the chip.
    pub features: Vec<String>,
    /// The partition table, if one could be read.
    pub partitions: Option<Vec<Partition>>,
}

/// Progress of a write: chunk counts, as espflash reports them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Progress {
    /// Writing the region at `addr`, `total` chunks.
    Start {
        /// Flash address.
        addr: u32,
        /// Chunks.
        total: usize,
    },
    /// `current` chunks written.
    Update {
        /// Chunks so far.
        current: usize,
    },
    /// MD5 verification started.
    Verifying,
    /// The region is done (`skipped`: it already held the data).
    Finish {
        /// Whether nothing had to be written.
        skipped: bool,
    },
}

struct Callbacks<'a>(&'a mut dyn FnMut(Progress));

impl ProgressCallbacks for Callbacks<'_> {
    fn init(&mut self, addr: u32, total: usize) {
        (self.0)(Progress::Start { addr, total });
    }
    fn update(&mut self, current: usize) {
        (self.0)(Progress::Update { current });
    }
    fn verifying(&mut self) {
        (self.0)(Progress::Verifying);
    }
    fn finish(&mut self, skipped: bool) {
        (self.0)(Progress::Finish { skipped });
    }
}

/// espflash's chip for a name such as `esp32s3`.
pub fn chip_named(name: &str) -> Result<Chip, EspError> {
    let all = [
        Chip::Esp32,
        Chip::Esp32c2,
        Chip::Esp32c3,
        Chip::Esp32c5,
        Chip::Esp32c6,
        Chip::Esp32c61,
        Chip::Esp32h2,
        Chip::Esp32p4,
        Chip::Esp32s2,
        Chip::Esp32s3,
    ];
    all.into_iter()
        .find(|c| c.to_string().eq_ignore_ascii_case(name))
        .ok_or_else(|| EspError::UnknownChip(name.to_owned()))
}

/// A connected bootloader.
pub struct Session {
    flasher: Flasher,
    port: String,
}

impl Session {
    /// Opens the port, syncs with the bootloader, loads espflash's stub, detects the
    /// chip and checks it against `options.chip`.
    pub fn connect(options: &Options) -> Result<Session, EspError> {
        let expected = options.chip.as_deref().map(chip_named).transpose()?;
        let serial = crate::port::open(&options.port)?;
        let usb = UsbPortInfo {
            vid: 0,
            pid: 0,
            serial_number: None,
            manufacturer: None,
            product: None,
            interface: None,
        };
        let (before, after) = match options.reset {
            Reset::Lines => (
                ResetBeforeOperation::DefaultReset,
                ResetAfterOperation::HardReset,
            ),
            Reset::None => (
                ResetBeforeOperation::NoReset,
                ResetAfterOperation::NoResetNoStub,
            ),
        };
        let connection = Connection::new(serial, usb, after, before, 115_200);
        let flasher =
            Flasher::connect(connection, true, true, false, None, options.baud).map_err(|e| {
                EspError::NotEsp {
                    port: options.port.clone(),
                    message: describe(&e),
                }
            })?;
        if let Some(expected) = expected {
            if flasher.chip() != expected {
                return Err(EspError::WrongChip {
                    port: options.port.clone(),
                    expected: expected.to_string(),
                    detected: flasher.chip().to_string(),
                });
            }
        }
        Ok(Session {
            flasher,
            port: options.port.clone(),
        })
    }

    fn failed(&self, action: &'static str, e: &espflash::Error) -> EspError {
        if matches!(e, espflash::Error::VerifyFailed) || describe(e).contains("MD5 digest mismatch")
        {
            return EspError::VerifyFailed {
                port: self.port.clone(),
            };
        }
        EspError::Flash {
            action,
            port: self.port.clone(),
            message: describe(e),
        }
    }

    /// The detected chip's name (`esp32s3`).
    pub fn chip(&self) -> String {
        self.flasher.chip().to_string()
    }

    /// The device's partition table (read with the stub), or `None` when the flash
    /// holds none.
    pub fn partition_table(&mut self) -> Result<Option<Vec<Partition>>, EspError> {
        let dir = std::env::temp_dir().join(format!("atomvm-pt-{}", std::process::id()));
        let read = self.flasher.read_flash(
            partition::TABLE_OFFSET,
            partition::TABLE_SIZE,
            0x1000,
            64,
            dir.clone(),
        );
        let bytes = read
            .map_err(|e| self.failed("reading the partition table", &e))
            .and_then(|()| {
                std::fs::read(&dir).map_err(|e| EspError::Flash {
                    action: "reading the partition table",
                    port: self.port.clone(),
                    message: e.to_string(),
                })
            });
        let _ = std::fs::remove_file(&dir);
        Ok(partition::parse(&bytes?))
    }

    /// What the device is.
    pub fn info(&mut self) -> Result<DeviceInfo, EspError> {
        let info = self
            .flasher
            .device_info()
            .map_err(|e| self.failed("reading the device information", &e))?;
        let partitions = self.partition_table()?;
        Ok(DeviceInfo {
            chip: info.chip.to_string(),
            revision: info.revision.map(|(a, b)| format!("{a}.{b}")),
            flash_size: u64::from(info.flash_size.size()),
            mac: info.mac_address,
            features: info.features,
            partitions,
        })
    }

    /// Writes every region (compressed, verified with MD5), then resets the chip
    /// (with `Reset::Lines`).
    pub fn write(
        &mut self,
        writes: &[Write],
        progress: &mut dyn FnMut(Progress),
    ) -> Result<(), EspError> {
        let segments: Vec<Segment<'_>> = writes
            .iter()
            .map(|w| {
                let mut data = w.data.clone();
                // Whole words, padded as erased flash.
                while data.len() % 4 != 0 {
                    data.push(0xFF);
                }
                Segment {
                    addr: w.offset,
                    data: Cow::Owned(data),
                }
            })
            .collect();
        let mut callbacks = Callbacks(progress);
        self.flasher
            .write_bins_to_flash(&segments, &mut callbacks)
            .map_err(|e| self.failed("writing", &e))
    }

    /// Erases the whole flash.
    pub fn erase_all(&mut self) -> Result<(), EspError> {
        self.flasher
            .erase_flash()
            .map_err(|e| self.failed("erasing the flash", &e))
    }

    /// Erases a region (whole 4 KiB sectors).
    pub fn erase_region(&mut self, offset: u32, size: u32) -> Result<(), EspError> {
        self.flasher
            .erase_region(offset, size)
            .map_err(|e| self.failed("erasing", &e))
    }
}
