//! Files: OTP's `prim_file` NIF contract (what `file`, `file_server` and
//! `file_io_server` build on) and `prim_buffer`, on the host's file system.
//! A file opened by a process closes when that process exits, as on the BEAM.

pub mod buffer;
pub mod info;
pub mod names;
pub mod nif;

/// An open file.
pub struct OpenFile {
    /// The host file.
    pub file: std::fs::File,
    /// The process that opened it.
    pub owner: u32,
    /// Opened with `append`: every write goes to the end.
    pub append: bool,
}
