//! BEAM files: the IFF container ([`iff`]), what a module declares ([`info`]), what it
//! calls ([`uses`]) and the stripped form AtomVM loads ([`strip`]).

pub mod code;
mod error;
pub mod iff;
pub mod info;
pub mod lines;
pub mod literals;
pub mod opcodes;
pub mod strip;
pub mod uses;

pub use error::{BeamError, BeamErrorKind};
pub use iff::{Beam, Chunk, ChunkId};
pub use info::ModuleInfo;
pub use opcodes::Opcode;
pub use strip::{strip, StripOptions, KEPT_CHUNKS};
