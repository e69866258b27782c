//! The flashing path end to end against a simulated ROM bootloader on a
//! pseudo-terminal (`esp_fake_rom`): the real espflash code connects, detects the chip,
//! loads its stub, reads the partition table, writes compressed and verifies with MD5.
//! Pseudo-terminals have no DTR/RTS, hence `Reset::None`.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use esp_fake_rom::{Chip, FakeRom, Options as FakeOptions};
use esp_flash::partition;
use esp_flash::plan;
use esp_flash::session::{Options, Progress, Reset, Session};
use esp_flash::EspError;
use std::sync::mpsc;
use std::time::Duration;

/// Runs `f` on a thread and fails the test if it takes longer than a minute.
fn within_a_minute<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(f());
    });
    rx.recv_timeout(Duration::from_secs(60))
        .expect("the flashing operation hung")
}

fn options(rom: &FakeRom, chip: Option<&str>) -> Options {
    Options {
        port: rom.port().display().to_string(),
        baud: None,
        chip: chip.map(str::to_owned),
        reset: Reset::None,
    }
}

fn pseudo_random(n: usize, seed: u32) -> Vec<u8> {
    let mut x = seed;
    (0..n)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 17;
            x ^= x << 5;
            (x & 0xFF) as u8
        })
        .collect()
}

fn installed_device(chip: Chip, app_offset: u32) -> FakeRom {
    let rom = FakeRom::start(FakeOptions::new(chip)).unwrap();
    rom.write_flash(
        partition::TABLE_OFFSET as usize,
        &partition::encode(&partition::atomvm_default(app_offset)),
    );
    rom
}

#[test]
fn esp32_image_lands_at_0x1000_and_the_app_in_main_avm() {
    let rom = installed_device(Chip::Esp32, 0x250000);
    let opts = options(&rom, Some("esp32"));
    let image = pseudo_random(64 * 1024, 7);
    let app = pseudo_random(10_001, 9);
    let (image2, app2) = (image.clone(), app.clone());
    let events = within_a_minute(move || {
        let mut session = Session::connect(&opts).unwrap();
        assert_eq!(session.chip(), "esp32");
        let table = session
            .partition_table()
            .unwrap()
            .expect("a partition table");
        let app_write = plan::app("app.avm", app2, None, Some(&table)).unwrap();
        let image_write = plan::image("vm.img", image2, 0x1000, 0x210000).unwrap();
        let mut events = Vec::new();
        session
            .write(&[image_write, app_write], &mut |e| events.push(e))
            .unwrap();
        events
    });
    let flash = rom.flash();
    assert_eq!(&flash[0x1000..0x1000 + image.len()], &image[..]);
    assert_eq!(&flash[0x250000..0x250000 + app.len()], &app[..]);
    // Padded to whole words with erased-flash bytes.
    assert_eq!(flash[0x250000 + app.len()], 0xFF);
    let starts: Vec<u32> = events
        .iter()
        .filter_map(|e| match e {
            Progress::Start { addr, .. } => Some(*addr),
            _ => None,
        })
        .collect();
    assert_eq!(starts, [0x1000, 0x250000]);
    assert!(
        events.contains(&Progress::Verifying),
        "MD5 verification ran: {events:?}"
    );
}

#[test]
fn esp32s3_image_lands_at_0x0() {
    let rom = FakeRom::start(FakeOptions::new(Chip::Esp32s3)).unwrap();
    let opts = options(&rom, Some("esp32s3"));
    let image = pseudo_random(40_000, 3);
    let image2 = image.clone();
    within_a_minute(move || {
        let mut session = Session::connect(&opts).unwrap();
        let w = plan::image("vm.img", image2, 0x0, 0x250000).unwrap();
        session.write(&[w], &mut |_| {}).unwrap();
    });
    assert_eq!(&rom.flash()[..image.len()], &image[..]);
}

#[test]
fn the_partition_table_decides_where_the_app_goes() {
    // An Erlang v0.6 image: main.avm at 0x210000.
    let rom = installed_device(Chip::Esp32, 0x210000);
    let opts = options(&rom, None);
    let app = pseudo_random(5_000, 5);
    let app2 = app.clone();
    within_a_minute(move || {
        let mut session = Session::connect(&opts).unwrap();
        let table = session.partition_table().unwrap().unwrap();
        let w = plan::app("app.avm", app2, None, Some(&table)).unwrap();
        assert_eq!(w.offset, 0x210000);
        session.write(&[w], &mut |_| {}).unwrap();
    });
    assert_eq!(&rom.flash()[0x210000..0x210000 + app.len()], &app[..]);
}

#[test]
fn a_corrupted_write_is_detected() {
    let mut fake = FakeOptions::new(Chip::Esp32);
    fake.corrupt_writes = true;
    let rom = FakeRom::start(fake).unwrap();
    let opts = options(&rom, None);
    let port = opts.port.clone();
    let result = within_a_minute(move || {
        let mut session = Session::connect(&opts).unwrap();
        let w = plan::image("vm.img", pseudo_random(8_000, 1), 0x1000, 0x210000).unwrap();
        session.write(&[w], &mut |_| {})
    });
    match result {
        Err(EspError::VerifyFailed { port: p }) => assert_eq!(p, port),
        other => panic!("expected a verification failure, got {other:?}"),
    }
}

#[test]
fn a_different_chip_than_expected_is_refused() {
    let rom = FakeRom::start(FakeOptions::new(Chip::Esp32s3)).unwrap();
    let opts = options(&rom, Some("esp32"));
    let result = within_a_minute(move || Session::connect(&opts).map(|_| ()));
    let message = result.unwrap_err().to_string();
    assert!(message.contains("is esp32s3, not esp32"), "{message}");
    assert!(
        rom.flash().iter().all(|b| *b == 0xFF),
        "nothing was written"
    );
}

#[test]
fn a_busy_or_missing_port_is_named() {
    let rom = FakeRom::start(FakeOptions::new(Chip::Esp32)).unwrap();
    let path = rom.port().display().to_string();
    // serialport opens ports exclusively: a second open of the same device fails.
    let _held = esp_flash::port::open(&path).unwrap();
    let busy = esp_flash::port::open(&path).unwrap_err().to_string();
    assert_eq!(
        busy,
        format!(
            "serial port {path} is busy: close the program using it (a serial monitor?) and retry"
        )
    );
    let missing = esp_flash::port::open("/dev/no-such-port")
        .unwrap_err()
        .to_string();
    assert!(
        missing.starts_with("no serial port /dev/no-such-port:"),
        "{missing}"
    );
}
