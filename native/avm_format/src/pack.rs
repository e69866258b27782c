//! Building an archive from module and file contents: strip each module, name it after
//! the module it defines, put the start module first, refuse duplicates.

use crate::avm::{self, ArchiveError, Entry};
use crate::beam::{self, Beam, BeamError, ModuleInfo, StripOptions};
use std::collections::HashMap;
use thiserror::Error;

/// A BEAM module to pack.
#[derive(Debug, Clone, Copy)]
pub struct ModuleInput<'a> {
    /// Where it came from (a path), for messages.
    pub source: &'a str,
    /// The `.beam` file's bytes.
    pub bytes: &'a [u8],
    /// Whether this is the module AtomVM starts.
    pub start: bool,
}

/// A plain file to pack, e.g. `my_app/priv/config.json`.
#[derive(Debug, Clone, Copy)]
pub struct FileInput<'a> {
    /// Entry name inside the archive.
    pub name: &'a str,
    /// Contents.
    pub bytes: &'a [u8],
}

/// Why packing failed.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum PackError {
    /// A module is malformed.
    #[error("{input}: {error}")]
    Beam {
        /// The module's source (path).
        input: String,
        /// What is wrong.
        error: BeamError,
    },
    /// Two inputs define the same module.
    #[error("module `{module}` is defined twice: in {first} and in {second}")]
    DuplicateModule {
        /// The module name.
        module: String,
        /// Source of the first definition.
        first: String,
        /// Source of the second.
        second: String,
    },
    /// More than one module is marked as the start module.
    #[error("only one start module is allowed, but {first} and {second} are both marked as start")]
    SeveralStarts {
        /// The first start module.
        first: String,
        /// The second.
        second: String,
    },
    /// A name or size cannot be stored (e.g. a module name with a `/`).
    #[error("{input}: {error}")]
    Archive {
        /// The input it concerns.
        input: String,
        /// What is wrong.
        error: ArchiveError,
    },
}

/// The result of [`pack`]: the archive's bytes and its entries (in archive order).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Packed {
    /// The complete archive.
    pub bytes: Vec<u8>,
    /// The entries written, start module first.
    pub entries: Vec<Entry>,
}

/// Strips and packs `modules` (start module first, others in the given order) and then
/// `files`. Entry names are `MODULE.beam`, taken from each module's atom table.
pub fn pack(
    modules: &[ModuleInput<'_>],
    files: &[FileInput<'_>],
    options: StripOptions,
) -> Result<Packed, PackError> {
    let mut defined: HashMap<String, &str> = HashMap::new();
    let mut start: Option<&str> = None;
    let mut entries = Vec::with_capacity(modules.len() + files.len());
    for input in modules {
        let beam_error = |error| PackError::Beam {
            input: input.source.to_owned(),
            error,
        };
        let name = ModuleInfo::read(&Beam::parse(input.bytes).map_err(beam_error)?)
            .map_err(beam_error)?
            .name;
        if let Some(first) = defined.insert(name.clone(), input.source) {
            return Err(PackError::DuplicateModule {
                module: name,
                first: first.to_owned(),
                second: input.source.to_owned(),
            });
        }
        if input.start {
            if let Some(first) = start.replace(input.source) {
                return Err(PackError::SeveralStarts {
                    first: first.to_owned(),
                    second: input.source.to_owned(),
                });
            }
        }
        let entry_name = format!("{name}.beam");
        avm::validate_name(&entry_name, avm::EntryKind::Beam).map_err(|error| {
            PackError::Archive {
                input: input.source.to_owned(),
                error,
            }
        })?;
        let stripped = beam::strip(input.bytes, options).map_err(beam_error)?;
        entries.push(Entry::beam(entry_name, stripped, input.start));
    }
    // Stable: the start module moves to the front, the rest keep their order.
    entries.sort_by_key(|e| !e.is_start());
    entries.extend(files.iter().map(|f| Entry::file(f.name, f.bytes.to_vec())));
    let bytes = avm::write(&entries).map_err(|error| {
        let input = match &error {
            ArchiveError::InvalidName { name, .. } | ArchiveError::DuplicateEntry { name } => {
                name.clone()
            }
            _ => "archive".to_owned(),
        };
        PackError::Archive { input, error }
    })?;
    Ok(Packed { bytes, entries })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::beam::iff;

    fn module(name: &str) -> Vec<u8> {
        let mut atoms = 1u32.to_be_bytes().to_vec();
        atoms.push(name.len() as u8);
        atoms.extend_from_slice(name.as_bytes());
        iff::write(&[
            (*b"AtU8", atoms),
            (*b"Code", vec![0; 4]),
            (*b"Dbgi", vec![1; 4]),
        ])
    }

    fn input<'a>(source: &'a str, bytes: &'a [u8], start: bool) -> ModuleInput<'a> {
        ModuleInput {
            source,
            bytes,
            start,
        }
    }

    #[test]
    fn names_strips_and_puts_start_first() {
        let (a, b) = (module("a"), module("b"));
        let packed = pack(
            &[input("a.beam", &a, false), input("b.beam", &b, true)],
            &[FileInput {
                name: "app/priv/x",
                bytes: b"x",
            }],
            StripOptions::default(),
        )
        .unwrap();
        let names: Vec<_> = packed.entries.iter().map(|e| e.name.as_str()).collect();
        assert_eq!(names, ["b.beam", "a.beam", "app/priv/x"]);
        assert!(packed.entries[0].is_start());
        let read = avm::read(&packed.bytes).unwrap();
        assert_eq!(read.entries, packed.entries);
        assert!(Beam::parse(&read.entries[1].data)
            .unwrap()
            .chunk(b"Dbgi")
            .is_none());
    }

    #[test]
    fn refuses_duplicates_several_starts_and_separators() {
        let a = module("a");
        let err = pack(
            &[input("x/a.beam", &a, false), input("y/a.beam", &a, false)],
            &[],
            StripOptions::default(),
        )
        .unwrap_err();
        assert_eq!(
            err.to_string(),
            "module `a` is defined twice: in x/a.beam and in y/a.beam"
        );

        let b = module("b");
        let err = pack(
            &[input("a.beam", &a, true), input("b.beam", &b, true)],
            &[],
            StripOptions::default(),
        )
        .unwrap_err();
        assert!(matches!(err, PackError::SeveralStarts { .. }));

        let evil = module("../evil");
        let err = pack(
            &[input("evil.beam", &evil, false)],
            &[],
            StripOptions::default(),
        )
        .unwrap_err();
        assert_eq!(
            err.to_string(),
            "evil.beam: invalid entry name `../evil.beam`: module names cannot contain path separators"
        );
    }

    #[test]
    fn names_the_file_of_a_bad_module() {
        let err = pack(
            &[input("lib/bad.beam", b"FOR1", false)],
            &[],
            StripOptions::default(),
        )
        .unwrap_err();
        assert!(err.to_string().starts_with("lib/bad.beam: "), "{err}");
    }
}
