//! `AtomVM.Native.pack/3`: strip and pack files into an archive written atomically.

use crate::archive::EntrySummary;
use crate::atomic_file::write_atomic;
use crate::error::{message, read_file, NifError, NifResult};
use avm_format::beam::StripOptions;
use avm_format::pack::{pack as pack_entries, FileInput, ModuleInput};
use rustler::{NifMap, NifTaggedEnum};
use std::path::Path;

/// One input, as Elixir passes it: `{:beam, %{path: p, start: bool}}` or
/// `{:file, %{name: n, path: p}}`.
#[derive(NifTaggedEnum)]
pub enum PackInput {
    /// A `.beam` file.
    Beam(BeamInput),
    /// A plain file stored under `name`.
    File(FileSpec),
}

/// A `.beam` input.
#[derive(NifMap)]
pub struct BeamInput {
    path: String,
    start: bool,
}

/// A plain-file input.
#[derive(NifMap)]
pub struct FileSpec {
    name: String,
    path: String,
}

/// Packing options.
#[derive(NifMap)]
pub struct PackOptions {
    strip_lines: bool,
}

/// Reads every input, strips and packs them, and writes `output` atomically.
/// Returns the entries written (start module first) and the archive's size.
#[rustler::nif(schedule = "DirtyIo")]
fn pack(
    output: String,
    inputs: Vec<PackInput>,
    options: PackOptions,
) -> NifResult<(Vec<EntrySummary>, usize)> {
    run(Path::new(&output), &inputs, &options).map_err(message)
}

fn run(
    output: &Path,
    inputs: &[PackInput],
    options: &PackOptions,
) -> Result<(Vec<EntrySummary>, usize), NifError> {
    let mut modules = Vec::new();
    let mut files = Vec::new();
    for input in inputs {
        match input {
            PackInput::Beam(b) => modules.push((b, read_file(Path::new(&b.path))?)),
            PackInput::File(f) => files.push((f, read_file(Path::new(&f.path))?)),
        }
    }
    let modules: Vec<ModuleInput<'_>> = modules
        .iter()
        .map(|(b, bytes)| ModuleInput {
            source: &b.path,
            bytes,
            start: b.start,
        })
        .collect();
    let files: Vec<FileInput<'_>> = files
        .iter()
        .map(|(f, bytes)| FileInput {
            name: &f.name,
            bytes,
        })
        .collect();
    let strip = StripOptions {
        keep_lines: !options.strip_lines,
    };
    let packed = pack_entries(&modules, &files, strip)?;
    write_atomic(output, &packed.bytes)?;
    let summary = packed.entries.iter().map(EntrySummary::of).collect();
    Ok((summary, packed.bytes.len()))
}
