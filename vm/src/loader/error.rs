//! Why a module was refused at load time.

use avm_format::beam::code::CodeError;
use avm_format::beam::BeamError;
use avm_format::etf::EtfError;
use thiserror::Error;

/// A module that cannot be loaded, and why.
#[derive(Debug, Clone, PartialEq, Error)]
pub enum LoadError {
    /// The container or a table is malformed.
    #[error("{0}")]
    Beam(#[from] BeamError),
    /// The code is malformed.
    #[error("{0}")]
    Code(#[from] CodeError),
    /// A literal does not decode.
    #[error("literal {index}: {error}")]
    Literal {
        /// Index in the literal table.
        index: usize,
        /// What is wrong.
        error: EtfError,
    },
    /// An instruction's operands do not make sense.
    #[error("instruction {index} (`{opcode}`): {problem}")]
    Verify {
        /// Index of the generic instruction.
        index: usize,
        /// Its name.
        opcode: &'static str,
        /// What is wrong.
        problem: String,
    },
    /// A table refers to something that does not exist.
    #[error("{0}")]
    Table(String),
}
