//! What can be wrong with an archive or with the entries given to the writer.

use thiserror::Error;

/// A malformed archive, or entries that cannot form one.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ArchiveError {
    /// The first 24 bytes are not the PackBEAM header.
    #[error(
        "not an AtomVM archive: it does not start with the PackBEAM header `#!/usr/bin/env AtomVM`"
    )]
    BadHeader,
    /// The file ends inside a section header.
    #[error("the section header at byte {offset:#x} is cut off by the end of the file")]
    TruncatedHeader {
        /// Offset of the section.
        offset: usize,
    },
    /// A section's size field is impossible.
    #[error("the section at byte {offset:#x} declares size {size}, which {problem}")]
    BadSectionSize {
        /// Offset of the section.
        offset: usize,
        /// The size it declares.
        size: u32,
        /// Why that size cannot be right.
        problem: &'static str,
    },
    /// A section name has no terminating NUL within the section.
    #[error("the section at byte {offset:#x} has a name without a terminating NUL")]
    UnterminatedName {
        /// Offset of the section.
        offset: usize,
    },
    /// A section's content contradicts its header.
    #[error("entry `{name}` (section at byte {offset:#x}): {problem}")]
    BadEntry {
        /// Offset of the section.
        offset: usize,
        /// The entry's name.
        name: String,
        /// What is wrong.
        problem: &'static str,
    },
    /// A section of size 0 (the end marker) that is not `end\0` or is cut off.
    #[error("the section at byte {offset:#x} has size 0 but is not a complete `end` marker")]
    BadEnd {
        /// Offset of the section.
        offset: usize,
    },
    /// The sections run to the end of the file without an end section.
    #[error("the archive has no `end` section: it stops after {entries} entries at byte {offset:#x} (truncated?)")]
    MissingEnd {
        /// Where the end section should have been.
        offset: usize,
        /// Entries read before that.
        entries: usize,
    },
    /// An entry name cannot be stored or extracted safely.
    #[error("invalid entry name `{name}`: {problem}")]
    InvalidName {
        /// The name (escaped for display).
        name: String,
        /// What is wrong with it.
        problem: NameProblem,
    },
    /// Two entries have the same name.
    #[error("duplicate entry `{name}`: the archive can hold only one entry of each name")]
    DuplicateEntry {
        /// The repeated name.
        name: String,
    },
    /// An entry does not fit a 32-bit section size.
    #[error("entry `{name}` is {len} bytes, too large for a PackBEAM section")]
    TooLarge {
        /// The entry's name.
        name: String,
        /// Its length.
        len: usize,
    },
}

/// Why an entry name is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Error)]
pub enum NameProblem {
    /// The name is empty.
    #[error("it is empty")]
    Empty,
    /// The name contains a NUL byte, which ends names in the format.
    #[error("it contains a NUL byte")]
    Nul,
    /// A module entry must be `MODULE.beam`.
    #[error("a module entry must be named `MODULE.beam`")]
    NotBeamName,
    /// A module name with `/` or `\`: the runtime looks modules up by plain name.
    #[error("module names cannot contain path separators")]
    ModuleWithSeparator,
    /// An absolute path, a `\`, or an empty, `.` or `..` component.
    #[error("it must be a relative path with `/` separators and no empty, `.` or `..` parts")]
    UnsafePath,
}
