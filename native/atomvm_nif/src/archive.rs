//! `AtomVM.Native.read_archive/1` and `extract/3`: reading `.avm` files back.

use crate::atomic_file::write_atomic;
use crate::error::{message, read_file, NifError, NifResult};
use avm_format::avm::{self, Archive, Entry, EntryKind};
use rustler::{Binary, Env, NewBinary, NifMap};
use std::path::{Path, PathBuf};

rustler::atoms! { beam, file, unknown }

/// One entry as listed: name, flags, kind, whether it starts, and its size.
#[derive(NifMap)]
pub struct EntrySummary {
    name: String,
    flags: u32,
    kind: rustler::Atom,
    start: bool,
    size: usize,
}

impl EntrySummary {
    pub(crate) fn of(entry: &Entry) -> Self {
        EntrySummary {
            name: entry.name.clone(),
            flags: entry.flags,
            kind: match entry.kind() {
                EntryKind::Beam => beam(),
                EntryKind::File => file(),
                EntryKind::Unknown => unknown(),
            },
            start: entry.is_start(),
            size: entry.data.len(),
        }
    }
}

/// An entry with its contents.
#[derive(NifMap)]
pub struct EntryWithData<'a> {
    name: String,
    flags: u32,
    kind: rustler::Atom,
    start: bool,
    size: usize,
    data: Binary<'a>,
}

fn read_archive_file(path: &Path) -> Result<Archive, NifError> {
    let bytes = read_file(path)?;
    avm::read(&bytes).map_err(|source| NifError::Archive {
        path: path.display().to_string(),
        source,
    })
}

/// Reads an archive: every entry with its contents.
#[rustler::nif(schedule = "DirtyIo")]
fn read_archive<'a>(env: Env<'a>, path: String) -> NifResult<Vec<EntryWithData<'a>>> {
    let archive = read_archive_file(Path::new(&path)).map_err(message)?;
    let entries = archive
        .entries
        .iter()
        .map(|entry| {
            let summary = EntrySummary::of(entry);
            let mut data = NewBinary::new(env, entry.data.len());
            data.as_mut_slice().copy_from_slice(&entry.data);
            EntryWithData {
                name: summary.name,
                flags: summary.flags,
                kind: summary.kind,
                start: summary.start,
                size: summary.size,
                data: data.into(),
            }
        })
        .collect::<Vec<_>>();
    Ok(entries)
}

/// Writes the archive's entries (all of them when `names` is empty) under `dir`,
/// each atomically. Every name is checked before anything is written.
#[rustler::nif(schedule = "DirtyIo")]
fn extract(path: String, dir: String, names: Vec<String>) -> NifResult<Vec<String>> {
    run_extract(Path::new(&path), Path::new(&dir), &names).map_err(message)
}

fn run_extract(path: &Path, dir: &Path, names: &[String]) -> Result<Vec<String>, NifError> {
    let archive = read_archive_file(path)?;
    let missing: Vec<&str> = names
        .iter()
        .filter(|n| !archive.entries.iter().any(|e| &e.name == *n))
        .map(String::as_str)
        .collect();
    if !missing.is_empty() {
        return Err(NifError::NoSuchEntries {
            path: path.display().to_string(),
            names: missing.join(", "),
        });
    }
    let chosen: Vec<&Entry> = archive
        .entries
        .iter()
        .filter(|e| names.is_empty() || names.contains(&e.name))
        .collect();
    let mut targets: Vec<(PathBuf, &Entry)> = Vec::with_capacity(chosen.len());
    for entry in chosen {
        let kind = match entry.kind() {
            EntryKind::Beam => EntryKind::Beam,
            _ => EntryKind::File,
        };
        avm::validate_name(&entry.name, kind).map_err(|source| NifError::Archive {
            path: path.display().to_string(),
            source,
        })?;
        targets.push((dir.join(&entry.name), entry));
    }
    let mut written = Vec::with_capacity(targets.len());
    for (target, entry) in targets {
        if let Some(parent) = target.parent() {
            std::fs::create_dir_all(parent)
                .map_err(|e| NifError::io(parent, "create directory", e))?;
        }
        write_atomic(&target, &entry.data)?;
        written.push(target.display().to_string());
    }
    Ok(written)
}

/// Writes one archive holding the entries of `inputs` in order: the first archive's
/// start module stays the start module, later ones' start flags are cleared, and an
/// entry whose name is already present is skipped (the earlier archive wins).
/// Returns how many entries were skipped.
#[rustler::nif(schedule = "DirtyIo")]
fn concat_archives(output: String, inputs: Vec<String>) -> NifResult<usize> {
    let run = || -> Result<usize, NifError> {
        let mut entries: Vec<avm_format::avm::Entry> = Vec::new();
        let mut skipped = 0;
        for (i, input) in inputs.iter().enumerate() {
            for mut entry in read_archive_file(Path::new(input))?.entries {
                if entries.iter().any(|e| e.name == entry.name) {
                    skipped += 1;
                    continue;
                }
                if i > 0 {
                    entry.flags &= !avm_format::avm::FLAG_START;
                }
                entries.push(entry);
            }
        }
        let bytes = avm_format::avm::write(&entries).map_err(|source| NifError::Archive {
            path: output.clone(),
            source,
        })?;
        write_atomic(Path::new(&output), &bytes)?;
        Ok(skipped)
    };
    run().map_err(message)
}
