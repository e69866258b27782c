//! PackBEAM (`.avm`) archives, as AtomVM's runtime reads them.
//!
//! Layout: the 24-byte [`HEADER`], then sections, then an end section. Each section is
//! a 12-byte header — `size` (u32 BE, the whole section), `flags` (u32 BE), a reserved
//! u32 — then the NUL-terminated name padded to 4 bytes, then the content padded to 4
//! bytes. A plain file's content is its length (u32 BE) then its bytes. The end section
//! is `size = 0, flags = 0, reserved = 0, "end\0"`.

mod entry;
mod error;
mod name;
mod reader;
mod writer;

pub use entry::{Entry, EntryKind, FLAG_BEAM, FLAG_FILE, FLAG_START};
pub use error::{ArchiveError, NameProblem};
pub use name::validate_name;
pub use reader::{read, Archive};
pub use writer::write;

/// The PackBEAM header: `#!/usr/bin/env AtomVM\n` then two NUL bytes.
pub const HEADER: &[u8; 24] = b"#!/usr/bin/env AtomVM\n\0\0";

/// Length of a section's fixed header (size, flags, reserved).
pub const SECTION_HEADER_LEN: usize = 12;

/// The name of the end section.
pub const END_NAME: &str = "end";
