//! Errors of the NIF layer: I/O with the path it concerns, or a format error.

use avm_format::avm::ArchiveError;
use avm_format::beam::BeamError;
use avm_format::pack::PackError;
use std::path::Path;
use thiserror::Error;

/// Anything a NIF call can fail with; its `Display` is the message the user sees.
#[derive(Debug, Error)]
pub enum NifError {
    /// Reading or writing a file failed.
    #[error("{path}: {action} failed: {source}")]
    Io {
        /// The file.
        path: String,
        /// What was being done ("read", "write", …).
        action: &'static str,
        /// The OS error.
        source: std::io::Error,
    },
    /// A `.beam` file is malformed.
    #[error("{path}: {source}")]
    Beam {
        /// The file.
        path: String,
        /// What is wrong.
        source: BeamError,
    },
    /// An `.avm` file is malformed, or an entry cannot be extracted.
    #[error("{path}: {source}")]
    Archive {
        /// The file.
        path: String,
        /// What is wrong.
        source: ArchiveError,
    },
    /// Packing failed.
    #[error(transparent)]
    Pack(#[from] PackError),
    /// Entries asked for by name are not in the archive.
    #[error("{path}: no entry named {names}")]
    NoSuchEntries {
        /// The archive.
        path: String,
        /// The missing names, comma-separated.
        names: String,
    },
}

impl NifError {
    pub(crate) fn io(path: &Path, action: &'static str, source: std::io::Error) -> Self {
        NifError::Io {
            path: path.display().to_string(),
            action,
            source,
        }
    }
}

/// The shape every NIF returns: `{:ok, T}` or `{:error, message}`.
pub type NifResult<T> = Result<T, String>;

/// Converts a layer error into the message returned to Elixir.
pub(crate) fn message(error: NifError) -> String {
    error.to_string()
}

/// Reads a whole file, naming it on failure.
pub(crate) fn read_file(path: &Path) -> Result<Vec<u8>, NifError> {
    std::fs::read(path).map_err(|e| NifError::io(path, "read", e))
}
