//! `esp-fake-rom --chip esp32|esp32s2|esp32s3|esp32c3|esp32c6 [--table APP_OFFSET]
//! [--corrupt] --dump FILE`: serves a simulated bootloader on a pseudo-terminal for
//! end-to-end tests of the Mix tasks. Prints the terminal's path on a line, serves
//! until standard input closes, then writes the whole flash to FILE.
//! `--table` preloads AtomVM's partition table with `main.avm` at APP_OFFSET (hex).

use esp_fake_rom::{Chip, FakeRom, Options};
use std::io::{Read, Write};
use std::process::ExitCode;

fn chip(name: &str) -> Option<Chip> {
    Some(match name {
        "esp32" => Chip::Esp32,
        "esp32s2" => Chip::Esp32s2,
        "esp32s3" => Chip::Esp32s3,
        "esp32c3" => Chip::Esp32c3,
        "esp32c6" => Chip::Esp32c6,
        _ => return None,
    })
}

/// AtomVM's partition table with `main.avm` at `app` (as the esp_flash crate encodes
/// it; repeated here to keep this crate free of that dependency).
fn table(app: u32) -> Vec<u8> {
    let entries: [(&str, u8, u8, u32, u32); 5] = [
        ("nvs", 1, 2, 0x9000, 0x6000),
        ("phy_init", 1, 1, 0xf000, 0x1000),
        ("factory", 0, 0, 0x10000, 0x1C0000),
        ("boot.avm", 1, 0x81, 0x1D0000, app.saturating_sub(0x1D0000)),
        ("main.avm", 1, 0x81, app, 0x100000),
    ];
    let mut out = Vec::new();
    for (label, kind, subtype, offset, size) in entries {
        out.extend_from_slice(&[0xAA, 0x50, kind, subtype]);
        out.extend_from_slice(&offset.to_le_bytes());
        out.extend_from_slice(&size.to_le_bytes());
        let mut name = [0u8; 16];
        name[..label.len()].copy_from_slice(label.as_bytes());
        out.extend_from_slice(&name);
        out.extend_from_slice(&[0; 4]);
    }
    out.resize(0xC00, 0xFF);
    out
}

fn run() -> Result<(), String> {
    let mut args = std::env::args().skip(1);
    let (mut options, mut dump, mut app) = (Options::default(), None, None);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--chip" => {
                let name = args.next().unwrap_or_default();
                options.chip = chip(&name).ok_or(format!("unknown chip {name}"))?;
            }
            "--table" => {
                let hex = args.next().unwrap_or_default();
                let offset = u32::from_str_radix(hex.trim_start_matches("0x"), 16)
                    .map_err(|_| format!("--table {hex}: not a hex offset"))?;
                app = Some(offset);
            }
            "--corrupt" => options.corrupt_writes = true,
            "--dump" => dump = args.next(),
            other => return Err(format!("unknown argument {other}")),
        }
    }
    let dump = dump.ok_or("--dump FILE is required")?;
    let rom = FakeRom::start(options).map_err(|e| e.to_string())?;
    if let Some(app) = app {
        rom.write_flash(0x8000, &table(app));
    }
    println!("{}", rom.port().display());
    std::io::stdout().flush().map_err(|e| e.to_string())?;
    let mut sink = Vec::new();
    let _ = std::io::stdin().read_to_end(&mut sink);
    std::fs::write(&dump, rom.flash()).map_err(|e| format!("{dump}: {e}"))
}

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("esp-fake-rom: {e}");
            ExitCode::from(2)
        }
    }
}
