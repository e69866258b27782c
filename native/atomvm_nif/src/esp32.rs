//! `AtomVM.Native.serial_ports/0` and `esp32_start/2`: ESP32 operations through the
//! `esp_flash` crate. An operation runs on its own OS thread (it takes seconds to
//! minutes); the thread sends the calling process `{:atomvm_esp32, id, {:progress,
//! event}}` messages and finally `{:atomvm_esp32, id, {:done, result}}`. (Messages can
//! only be sent from threads the BEAM does not manage.)

use esp_flash::partition::Partition;
use esp_flash::plan;
use esp_flash::session::{Options, Progress, Reset, Session};
use esp_flash::EspError;
use rustler::{Encoder, Env, LocalPid, NifMap, OwnedEnv, Term};
use std::sync::atomic::{AtomicU64, Ordering};

rustler::atoms! { atomvm_esp32, progress, done, start, update, verifying, finish, ok, error }

/// A USB serial port.
#[derive(NifMap)]
pub struct SerialPort {
    name: String,
    vid: Option<u16>,
    pid: Option<u16>,
    description: String,
}

/// The USB serial ports of this machine.
#[rustler::nif(schedule = "DirtyIo")]
fn serial_ports() -> Vec<SerialPort> {
    esp_flash::port::usb_ports()
        .into_iter()
        .map(|p| SerialPort {
            vid: p.usb.map(|u| u.0),
            pid: p.usb.map(|u| u.1),
            name: p.name,
            description: p.description,
        })
        .collect()
}

/// A file to write: its path, and where (`nil`: decided by the device or board).
#[derive(NifMap)]
pub struct Region {
    path: String,
    offset: Option<u64>,
    size: Option<u64>,
}

/// An operation: `action` is `"info"`, `"flash"` or `"erase"`.
#[derive(NifMap)]
pub struct Operation {
    action: String,
    port: String,
    baud: Option<u32>,
    chip: Option<String>,
    reset: String,
    image: Option<Region>,
    app: Option<Region>,
    erase_all: bool,
}

/// A partition, as reported.
#[derive(NifMap)]
pub struct PartitionInfo {
    label: String,
    kind: u8,
    subtype: u8,
    offset: u32,
    size: u32,
}

/// A region that was written.
#[derive(NifMap)]
pub struct Written {
    what: String,
    offset: u32,
    size: usize,
}

/// What a finished operation reports.
#[derive(NifMap)]
pub struct Outcome {
    chip: String,
    revision: Option<String>,
    flash_size: Option<u64>,
    mac: Option<String>,
    features: Vec<String>,
    partitions: Option<Vec<PartitionInfo>>,
    written: Vec<Written>,
}

static NEXT_ID: AtomicU64 = AtomicU64::new(1);

/// Starts `op` on a new thread; returns the id its messages carry.
#[rustler::nif]
fn esp32_start(op: Operation, pid: LocalPid) -> u64 {
    let id = NEXT_ID.fetch_add(1, Ordering::Relaxed);
    std::thread::spawn(move || {
        let mut env = OwnedEnv::new();
        let mut report = |event: Progress| {
            let _ = env.send_and_clear(&pid, |env| {
                (
                    atomvm_esp32(),
                    id,
                    (progress(), encode_progress(env, event)),
                )
                    .encode(env)
            });
        };
        let result = run(&op, &mut report);
        let mut env = OwnedEnv::new();
        let _ = env.send_and_clear(&pid, |env| {
            let result = match result {
                Ok(outcome) => (ok(), outcome).encode(env),
                Err(e) => (error(), e.to_string()).encode(env),
            };
            (atomvm_esp32(), id, (done(), result)).encode(env)
        });
    });
    id
}

fn encode_progress(env: Env<'_>, event: Progress) -> Term<'_> {
    match event {
        Progress::Start { addr, total } => (start(), addr, total).encode(env),
        Progress::Update { current } => (update(), current).encode(env),
        Progress::Verifying => verifying().encode(env),
        Progress::Finish { skipped } => (finish(), skipped).encode(env),
    }
}

fn partitions(table: &[Partition]) -> Vec<PartitionInfo> {
    table
        .iter()
        .map(|p| PartitionInfo {
            label: p.label.clone(),
            kind: p.kind,
            subtype: p.subtype,
            offset: p.offset,
            size: p.size,
        })
        .collect()
}

fn read(path: &str) -> Result<Vec<u8>, EspError> {
    std::fs::read(path).map_err(|e| EspError::Flash {
        action: "reading the file to write",
        port: path.to_owned(),
        message: e.to_string(),
    })
}

fn file_name(path: &str) -> String {
    std::path::Path::new(path)
        .file_name()
        .map_or_else(|| path.to_owned(), |n| n.to_string_lossy().into_owned())
}

fn run(op: &Operation, report: &mut dyn FnMut(Progress)) -> Result<Outcome, EspError> {
    let port = esp_flash::port::choose(&op.port)?;
    let options = Options {
        port,
        baud: op.baud,
        chip: op.chip.clone(),
        reset: if op.reset == "none" {
            Reset::None
        } else {
            Reset::Lines
        },
    };
    // Files are read (and checked against the layout) before anything is written.
    let image = op.image.as_ref().map(|r| read(&r.path)).transpose()?;
    let app = op.app.as_ref().map(|r| read(&r.path)).transpose()?;
    let mut session = Session::connect(&options)?;
    let mut outcome = Outcome {
        chip: session.chip(),
        revision: None,
        flash_size: None,
        mac: None,
        features: Vec::new(),
        partitions: None,
        written: Vec::new(),
    };
    match op.action.as_str() {
        "info" => {
            let info = session.info()?;
            outcome.revision = info.revision;
            outcome.flash_size = Some(info.flash_size);
            outcome.mac = info.mac;
            outcome.features = info.features;
            outcome.partitions = info.partitions.as_deref().map(partitions);
        }
        "erase" => session.erase_all()?,
        _ => {
            // The device's table decides where the application goes, unless the
            // whole flash is about to be replaced by a new image.
            let table = if image.is_none() {
                session.partition_table()?
            } else {
                None
            };
            let mut writes = Vec::new();
            let app_region = match (&op.app, app) {
                (Some(region), Some(bytes)) => {
                    let requested = region.offset.map(|o| (o, region.size.unwrap_or(0x100000)));
                    let w =
                        plan::app(&file_name(&region.path), bytes, requested, table.as_deref())?;
                    Some(w)
                }
                _ => None,
            };
            if let (Some(region), Some(bytes)) = (&op.image, image) {
                let app_offset = app_region
                    .as_ref()
                    .map_or(u64::from(u32::MAX), |w| u64::from(w.offset))
                    .min(
                        region
                            .size
                            .map_or(u64::from(u32::MAX), |s| region.offset.unwrap_or(0) + s),
                    );
                writes.push(plan::image(
                    &file_name(&region.path),
                    bytes,
                    region.offset.unwrap_or(0),
                    app_offset,
                )?);
            }
            writes.extend(app_region);
            outcome.partitions = table.as_deref().map(partitions);
            if op.erase_all {
                session.erase_all()?;
            }
            session.write(&writes, report)?;
            outcome.written = writes
                .iter()
                .map(|w| Written {
                    what: w.what.clone(),
                    offset: w.offset,
                    size: w.data.len(),
                })
                .collect();
        }
    }
    Ok(outcome)
}
