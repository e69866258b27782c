//! What can be wrong with a BEAM file, and where.

use thiserror::Error;

/// A malformed BEAM file: what is wrong ([`BeamErrorKind`]) and the byte offset where
/// the parser found it.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[error("{kind} (at byte {offset})")]
pub struct BeamError {
    /// Offset in the file where the problem was found.
    pub offset: usize,
    /// What is wrong.
    pub kind: BeamErrorKind,
}

/// The kinds of [`BeamError`].
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum BeamErrorKind {
    /// The file does not start with an IFF `FOR1` header.
    #[error("not a BEAM file: it does not start with the IFF header `FOR1`")]
    NotIff,
    /// The IFF form type is not `BEAM`.
    #[error("not a BEAM file: the IFF form type is not `BEAM`")]
    NotBeam,
    /// The IFF header declares more bytes than the file has.
    #[error("truncated: the header declares {declared} bytes but the file has {actual}")]
    Truncated {
        /// Length the header declares, header included.
        declared: usize,
        /// Length of the file.
        actual: usize,
    },
    /// A chunk header is cut off by the end of the file.
    #[error("truncated chunk header")]
    TruncatedChunkHeader,
    /// A chunk's length runs past the end of the file.
    #[error("chunk `{id}` claims {len} bytes, past the end of the file")]
    ChunkPastEnd {
        /// The chunk's four-character id.
        id: String,
        /// The length it claims.
        len: u32,
    },
    /// A chunk every module must have is absent.
    #[error("the `{0}` chunk is missing")]
    MissingChunk(&'static str),
    /// A chunk's contents are malformed.
    #[error("chunk `{id}` is malformed: {reason}")]
    BadChunk {
        /// The chunk's four-character id.
        id: &'static str,
        /// What is wrong in it.
        reason: &'static str,
    },
    /// The module only has the pre-OTP-20 latin-1 `Atom` chunk.
    #[error("the module has only a latin-1 `Atom` chunk (compiled before OTP 20); AtomVM needs `AtU8`: recompile it")]
    LegacyAtoms,
    /// The compressed literal table does not inflate.
    #[error("the compressed literal table (`LitT`) does not inflate: {reason}")]
    Inflate {
        /// What zlib reported.
        reason: String,
    },
    /// `LitT` declares an inflated size above [`crate::beam::strip::MAX_LITERALS`].
    #[error("`LitT` declares a {declared}-byte literal table, more than any module needs")]
    LiteralsTooLarge {
        /// Size declared in the chunk.
        declared: u32,
    },
    /// The inflated literal table is not the size `LitT` declares.
    #[error("the literal table inflates to {actual} bytes, but `LitT` declares {declared}")]
    LiteralSize {
        /// Size declared in the chunk.
        declared: u32,
        /// Size found (capped at one more than declared).
        actual: usize,
    },
}

impl BeamError {
    pub(crate) fn at(offset: usize, kind: BeamErrorKind) -> Self {
        BeamError { offset, kind }
    }
}
