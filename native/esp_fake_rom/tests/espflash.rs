//! The fake ROM driven by the real espflash code path: connect (SYNC, chip
//! detection, stub upload, flash id), write, verify, erase, read.
#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]

use std::borrow::Cow;
use std::sync::mpsc;
use std::time::Duration;

use esp_fake_rom::{Chip, FakeRom, Options};
use espflash::connection::{Connection, ResetAfterOperation, ResetBeforeOperation};
use espflash::flasher::{FlashSize, Flasher};
use espflash::image_format::Segment;
use espflash::target::{Chip as EspChip, DefaultProgressCallback};
use serialport::UsbPortInfo;

const KIB: usize = 1024;
const FLASH_BEGIN: u8 = 0x02;
const MEM_END: u8 = 0x06;
const SYNC: u8 = 0x08;
const CHANGE_BAUDRATE: u8 = 0x0F;
const FLASH_DEFL_BEGIN: u8 = 0x10;
const SPI_FLASH_MD5: u8 = 0x13;
const ERASE_REGION: u8 = 0xD1;
const READ_FLASH: u8 = 0xD2;

/// Runs `f` on its own thread and fails the test if it takes longer than
/// `seconds`, so a protocol mismatch cannot hang the suite.
fn within<T: Send + 'static>(seconds: u64, f: impl FnOnce() -> T + Send + 'static) -> T {
    let (tx, rx) = mpsc::channel();
    let handle = std::thread::spawn(move || {
        let _ = tx.send(f());
    });
    match rx.recv_timeout(Duration::from_secs(seconds)) {
        Ok(value) => value,
        Err(mpsc::RecvTimeoutError::Timeout) => panic!("timed out after {seconds} s"),
        Err(mpsc::RecvTimeoutError::Disconnected) => match handle.join() {
            Err(panic) => std::panic::resume_unwind(panic),
            Ok(()) => unreachable!("the closure returned without sending"),
        },
    }
}

/// Connects espflash to the fake ROM the way a tool would, minus the
/// DTR/RTS reset that a pseudo-terminal cannot do.
fn connect(rom: &FakeRom, use_stub: bool) -> Flasher {
    connect_at(rom, use_stub, None)
}

/// [`connect`], then switch to `baud` (CHANGE_BAUDRATE) if one is given.
fn connect_at(rom: &FakeRom, use_stub: bool, baud: Option<u32>) -> Flasher {
    let serial = serialport::new(rom.port().to_string_lossy(), 115_200)
        .timeout(Duration::from_secs(3))
        .open_native()
        .expect("open the pty");
    let port_info = UsbPortInfo {
        vid: 0x10C4, // a CP210x bridge, not USB-Serial/JTAG
        pid: 0xEA60,
        serial_number: None,
        manufacturer: None,
        product: None,
        interface: None,
    };
    let connection = Connection::new(
        serial,
        port_info,
        ResetAfterOperation::NoResetNoStub,
        ResetBeforeOperation::NoReset,
        115_200,
    );
    Flasher::connect(connection, use_stub, true, false, None, baud).expect("espflash connects")
}

/// Deterministic incompressible bytes (xorshift32).
fn pseudo_random(len: usize, mut seed: u32) -> Vec<u8> {
    (0..len)
        .map(|_| {
            seed ^= seed << 13;
            seed ^= seed >> 17;
            seed ^= seed << 5;
            seed as u8
        })
        .collect()
}

#[test]
fn esp32_writes_a_binary_at_0x1000_and_verifies_it() {
    within(60, || {
        let rom = FakeRom::start(Options::new(Chip::Esp32)).unwrap();
        let mut flasher = connect(&rom, true);
        assert_eq!(flasher.chip(), EspChip::Esp32);

        let info = flasher.device_info().unwrap();
        assert_eq!(info.flash_size, FlashSize::_4Mb);
        assert_eq!(info.mac_address.as_deref(), Some("24:0a:c4:12:34:56"));

        let image = pseudo_random(100 * KIB, 1);
        flasher
            .write_bin_to_flash(0x1000, &image, &mut DefaultProgressCallback)
            .expect("write and MD5 verification pass");

        let flash = rom.flash();
        assert_eq!(&flash[0x1000..0x1000 + image.len()], &image[..]);
        assert!(flash[..0x1000].iter().all(|&b| b == 0xFF));
        assert!(flash[0x1000 + image.len()..].iter().all(|&b| b == 0xFF));

        let commands = rom.commands();
        assert_eq!(commands[0], SYNC);
        for op in [MEM_END, FLASH_BEGIN, SPI_FLASH_MD5] {
            assert!(commands.contains(&op), "no {op:#04x} in {commands:02x?}");
        }
    });
}

#[test]
fn esp32s3_writes_two_segments() {
    within(60, || {
        let rom = FakeRom::start(Options::new(Chip::Esp32s3)).unwrap();
        let mut flasher = connect_at(&rom, true, Some(921_600));
        assert_eq!(flasher.chip(), EspChip::Esp32s3);
        assert!(rom.commands().contains(&CHANGE_BAUDRATE));

        let image = pseudo_random(100 * KIB, 7);
        // Compressible, so espflash sends it with FLASH_DEFL_*.
        let app: Vec<u8> = b"#!/usr/bin/env AtomVM\n\0\0"
            .iter()
            .chain(b"module bytes ".iter().cycle().take(60 * KIB))
            .copied()
            .collect();
        let segments = [
            Segment {
                addr: 0x0,
                data: Cow::Borrowed(&image),
            },
            Segment {
                addr: 0x25_0000,
                data: Cow::Borrowed(&app),
            },
        ];
        flasher
            .write_bins_to_flash(&segments, &mut DefaultProgressCallback)
            .expect("write and MD5 verification pass");

        let flash = rom.flash();
        assert_eq!(&flash[..image.len()], &image[..]);
        assert_eq!(&flash[0x25_0000..0x25_0000 + app.len()], &app[..]);
        assert!(flash[image.len()..0x25_0000].iter().all(|&b| b == 0xFF));

        let commands = rom.commands();
        assert!(commands.contains(&FLASH_BEGIN), "{commands:02x?}");
        assert!(commands.contains(&FLASH_DEFL_BEGIN), "{commands:02x?}");
    });
}

#[test]
fn corrupted_writes_fail_verification() {
    within(60, || {
        let rom = FakeRom::start(Options {
            corrupt_writes: true,
            ..Options::new(Chip::Esp32)
        })
        .unwrap();
        let mut flasher = connect(&rom, true);
        let image = pseudo_random(16 * KIB, 3);
        let result = flasher.write_bin_to_flash(0x1000, &image, &mut DefaultProgressCallback);
        assert!(
            matches!(result, Err(espflash::Error::VerifyFailed)),
            "{result:?}"
        );
        assert_ne!(&rom.flash()[0x1000..0x1000 + image.len()], &image[..]);
    });
}

#[test]
fn erase_region_resets_to_0xff() {
    within(60, || {
        let rom = FakeRom::start(Options::new(Chip::Esp32s3)).unwrap();
        rom.write_flash(0x8000, &[0x00; 0x3000]);
        let mut flasher = connect(&rom, true);
        flasher.erase_region(0x9000, 0x1000).unwrap();

        let flash = rom.flash();
        assert!(flash[0x8000..0x9000].iter().all(|&b| b == 0x00));
        assert!(flash[0x9000..0xA000].iter().all(|&b| b == 0xFF));
        assert!(flash[0xA000..0xB000].iter().all(|&b| b == 0x00));
        assert!(rom.commands().contains(&ERASE_REGION));
    });
}

#[test]
fn read_flash_returns_what_was_preloaded() {
    within(60, || {
        let rom = FakeRom::start(Options::new(Chip::Esp32)).unwrap();
        let table = pseudo_random(0xC00, 11);
        rom.write_flash(0x8000, &table);
        let mut flasher = connect(&rom, true);
        let dir = tempfile::tempdir().unwrap();

        // One block: the partition table as a tool would read it.
        let path = dir.path().join("table.bin");
        flasher
            .read_flash(0x8000, 0xC00, 0x1000, 64, path.clone())
            .unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), table);

        // Several blocks, the last one short.
        let path = dir.path().join("span.bin");
        flasher
            .read_flash(0x7800, 0x1400, 0x400, 64, path.clone())
            .unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), &rom.flash()[0x7800..0x8C00]);
        assert!(rom.commands().contains(&READ_FLASH));
    });
}

#[test]
fn rom_loader_without_stub_writes_and_verifies() {
    within(60, || {
        for chip in [Chip::Esp32, Chip::Esp32s3] {
            let rom = FakeRom::start(Options::new(chip)).unwrap();
            let mut flasher = connect(&rom, false);
            let image = pseudo_random(5 * KIB, 5);
            flasher
                .write_bin_to_flash(0x10000, &image, &mut DefaultProgressCallback)
                .unwrap_or_else(|e| panic!("{chip:?}: {e:?}"));
            assert_eq!(&rom.flash()[0x10000..0x10000 + image.len()], &image[..]);
            assert!(!rom.commands().contains(&MEM_END), "no stub upload");
        }
    });
}

#[test]
fn every_chip_is_detected() {
    within(90, || {
        let chips = [
            (Chip::Esp32, EspChip::Esp32),
            (Chip::Esp32s2, EspChip::Esp32s2),
            (Chip::Esp32s3, EspChip::Esp32s3),
            (Chip::Esp32c3, EspChip::Esp32c3),
            (Chip::Esp32c6, EspChip::Esp32c6),
        ];
        for (chip, expected) in chips {
            let rom = FakeRom::start(Options::new(chip)).unwrap();
            let flasher = connect(&rom, true);
            assert_eq!(flasher.chip(), expected);
        }
    });
}
