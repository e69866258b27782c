//! `AtomVM.Native.uf2_write/3`, `uf2_read/1`, `uf2_merge/1` and `pico_touch/1`: UF2 files (the `uf2`
//! crate) and the Pico's 1200-baud reset (the `pico_flash` crate).

use crate::error::NifResult;
use rustler::types::binary::{Binary, OwnedBinary};
use rustler::{Env, NifMap};
use uf2::Family;

/// A region a UF2 file writes.
#[derive(NifMap)]
pub struct Region<'a> {
    address: u32,
    family: Option<String>,
    data: Binary<'a>,
}

fn binary<'a>(env: Env<'a>, bytes: &[u8]) -> Binary<'a> {
    let mut owned = OwnedBinary::new(bytes.len());
    owned.as_mut_slice().copy_from_slice(bytes);
    owned.release(env)
}

/// `data` as a UF2 file at `address` for `family` (a family name, or `universal`).
#[rustler::nif(schedule = "DirtyCpu")]
fn uf2_write<'a>(
    env: Env<'a>,
    data: Binary<'a>,
    address: u32,
    family: String,
) -> NifResult<Binary<'a>> {
    let file = if family == "universal" {
        uf2::write_universal(&data, address)
    } else {
        Family::from_name(&family).and_then(|f| uf2::write(&data, address, f))
    }
    .map_err(|e| e.to_string())?;
    Ok(binary(env, &file))
}

/// The regions a UF2 file writes, validated.
#[rustler::nif(schedule = "DirtyCpu")]
fn uf2_read<'a>(env: Env<'a>, file: Binary<'a>) -> NifResult<Vec<Region<'a>>> {
    let regions = uf2::read(&file).map_err(|e| e.to_string())?;
    Ok(regions
        .iter()
        .map(|r| Region {
            address: r.address,
            family: r.family.map(|id| {
                Family::from_id(id).map_or_else(|| format!("{id:#x}"), |f| f.name().to_owned())
            }),
            data: binary(env, &r.data),
        })
        .collect())
}

/// One UF2 file of all the blocks of `files`, numbered as one (`uf2::merge`).
#[rustler::nif(schedule = "DirtyCpu")]
fn uf2_merge<'a>(env: Env<'a>, files: Vec<Binary<'a>>) -> NifResult<Binary<'a>> {
    let parts: Vec<&[u8]> = files.iter().map(|f| f.as_slice()).collect();
    let merged = uf2::merge(&parts).map_err(|e| e.to_string())?;
    Ok(binary(env, &merged))
}

/// Resets a running Pico into its bootloader through its serial port.
#[rustler::nif(schedule = "DirtyIo")]
fn pico_touch(port: String) -> NifResult<()> {
    pico_flash::touch(&port).map_err(|e| e.to_string())
}
