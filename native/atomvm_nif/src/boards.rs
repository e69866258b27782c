//! `AtomVM.Native.boards/1` and `board_firmware/4`: the board files (`boards/*.toml`),
//! read and resolved by the `atomvm_boards` crate.

use crate::error::NifResult;
use atomvm_boards::{Board, Flavor};
use rustler::NifMap;
use std::path::Path;

/// One board, as `boards/1` lists it.
#[derive(NifMap)]
pub struct BoardSummary {
    name: String,
    description: String,
    chip: String,
    method: String,
    image_offset: Option<u64>,
    flash_size: Option<u64>,
    uf2_family: Option<String>,
    versions: Vec<String>,
    flavors: Vec<String>,
}

/// What `board_firmware/4` answers.
#[derive(NifMap)]
pub struct FirmwareInfo {
    board: String,
    chip: String,
    method: String,
    version: String,
    flavor: String,
    asset: String,
    url: String,
    sha256: Option<String>,
    image_offset: Option<u64>,
    app_offset: Option<u64>,
    app_size: Option<u64>,
    /// The library asset installed with the image, where the release published it
    /// apart (v0.6.x Pico): name, URL, known sha256.
    library_asset: Option<String>,
    library_url: Option<String>,
    library_sha256: Option<String>,
}

fn summary(b: &Board) -> BoardSummary {
    BoardSummary {
        name: b.name.clone(),
        description: b.description.clone(),
        chip: b.chip.clone(),
        method: b.method.name().to_owned(),
        image_offset: b.image_offset,
        flash_size: b.flash_size,
        uf2_family: b.uf2_family.clone(),
        versions: b
            .firmware
            .as_ref()
            .map_or_else(Vec::new, |f| f.versions.clone()),
        flavors: b.firmware.as_ref().map_or_else(Vec::new, |f| {
            f.assets.keys().map(|k| k.name().to_owned()).collect()
        }),
    }
}

/// Reads and validates every board file of `dir`.
#[rustler::nif(schedule = "DirtyIo")]
fn boards(dir: String) -> NifResult<Vec<BoardSummary>> {
    let boards = atomvm_boards::load_dir(Path::new(&dir)).map_err(|e| e.to_string())?;
    Ok(boards.iter().map(summary).collect())
}

/// The firmware of board `name` for `version` (`nil`: the newest) and `flavor`.
#[rustler::nif(schedule = "DirtyIo")]
fn board_firmware(
    dir: String,
    name: String,
    version: Option<String>,
    flavor: String,
) -> NifResult<FirmwareInfo> {
    let (board, flavor) = board_and_flavor(&dir, &name, &flavor)?;
    let choice = board
        .firmware(version.as_deref(), flavor)
        .map_err(|e| e.to_string())?;
    Ok(FirmwareInfo {
        board: board.name.clone(),
        chip: board.chip.clone(),
        method: board.method.name().to_owned(),
        version: choice.version,
        flavor: choice.flavor.name().to_owned(),
        asset: choice.asset,
        url: choice.url,
        sha256: choice.sha256,
        image_offset: choice.image_offset,
        app_offset: choice.app.map(|a| a.offset),
        app_size: choice.app.map(|a| a.size),
        library_asset: choice.library.as_ref().map(|l| l.asset.clone()),
        library_url: choice.library.as_ref().map(|l| l.url.clone()),
        library_sha256: choice.library.and_then(|l| l.sha256),
    })
}

/// Where the application archive goes on board `name` for release `version` and
/// `flavor`: `{offset, size}`, or `nil` when no rule of the board file matches.
#[rustler::nif(schedule = "DirtyIo")]
fn board_app(
    dir: String,
    name: String,
    version: String,
    flavor: String,
) -> NifResult<Option<(u64, u64)>> {
    let (board, flavor) = board_and_flavor(&dir, &name, &flavor)?;
    Ok(board
        .app_partition(&version, flavor)
        .map(|app| (app.offset, app.size)))
}

/// Board `name` of `dir` and the flavor named `flavor`, or the message saying which
/// is unknown.
fn board_and_flavor(dir: &str, name: &str, flavor: &str) -> NifResult<(Board, Flavor)> {
    let boards = atomvm_boards::load_dir(Path::new(dir)).map_err(|e| e.to_string())?;
    let known: Vec<&str> = boards.iter().map(|b| b.name.as_str()).collect();
    let unknown = atomvm_boards::BoardError::UnknownBoard {
        name: name.to_owned(),
        known: known.join(", "),
    }
    .to_string();
    let board = boards
        .iter()
        .find(|b| b.name == name)
        .ok_or(unknown)?
        .clone();
    let flavor = Flavor::parse(flavor)
        .ok_or_else(|| format!("unknown flavor {flavor}: use elixir or erlang"))?;
    Ok((board, flavor))
}
