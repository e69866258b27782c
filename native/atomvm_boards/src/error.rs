//! Errors of reading board files and resolving firmware choices.

use thiserror::Error;

/// A board file that cannot be used, or a request it cannot answer.
#[derive(Debug, Error)]
pub enum BoardError {
    /// The board directory or a file in it cannot be read.
    #[error("{path}: {source}")]
    Io {
        /// The file or directory.
        path: String,
        /// The OS error.
        source: std::io::Error,
    },
    /// A file is not valid TOML or does not have the board format.
    #[error("{path}: {message}")]
    Syntax {
        /// The file.
        path: String,
        /// What the TOML parser said (with line and column).
        message: String,
    },
    /// A file parses but says something impossible.
    #[error("{path}: {message}")]
    Invalid {
        /// The file.
        path: String,
        /// What is wrong.
        message: String,
    },
    /// No board has this name.
    #[error("no board named {name}; known boards: {known}")]
    UnknownBoard {
        /// The name asked for.
        name: String,
        /// The names there are, comma-separated.
        known: String,
    },
    /// The board has no published firmware (e.g. STM32).
    #[error("board {board} has no published AtomVM firmware")]
    NoFirmware {
        /// The board.
        board: String,
    },
    /// The release is not one the board file lists.
    #[error("board {board} has no AtomVM release {version}; releases: {known}")]
    UnknownVersion {
        /// The board.
        board: String,
        /// The release asked for.
        version: String,
        /// The releases listed, comma-separated.
        known: String,
    },
    /// The release has no image of this flavor.
    #[error("board {board} has no {flavor} image")]
    NoFlavor {
        /// The board.
        board: String,
        /// `elixir` or `erlang`.
        flavor: String,
    },
}
