//! The Erlang external term format (ETF): what `erlang:term_to_binary/1` writes and
//! `binary_to_term/1` reads, as BEAM files' literal tables and distribution use it.
//!
//! [`decode`] reads every tag of the format into an owned [`Term`] tree, in a normal
//! form where equal Erlang values give equal terms (see [`Term`]); [`encode`] writes
//! a term back byte for byte as OTP 25's `term_to_binary/1` would.
//!
//! Decoding is panic-free and bounded on any input: every length is checked against
//! the bytes left before anything is allocated for it, nesting is capped at
//! [`MAX_DEPTH`] (containers are tracked on the heap, not the Rust stack), atoms at
//! [`MAX_ATOM_CHARS`] characters and compressed terms at [`MAX_INFLATED`] bytes.
//! `ATOM_CACHE_REF` (only meaningful in a distribution message) and `LOCAL_EXT` are
//! refused. Maps keep their pairs as encoded; duplicate keys (which BEAM refuses) are
//! not looked for.
//!
//! ```
//! use avm_format::etf::{decode, encode, Term};
//!
//! // term_to_binary({ok, [1, 2]}) on OTP 25.
//! let bytes = [131, 104, 2, 100, 0, 2, b'o', b'k', 107, 0, 2, 1, 2];
//! let term = decode(&bytes).unwrap();
//! let ints = vec![Term::Integer(1), Term::Integer(2)];
//! assert_eq!(term, Term::Tuple(vec![Term::atom("ok"), Term::list(ints)]));
//! assert_eq!(encode(&term), bytes);
//! ```

mod compressed;
mod decode;
mod encode;
mod error;
mod leaf;
mod read;
pub mod tags;
mod term;

#[cfg(test)]
mod decode_tests;
#[cfg(test)]
mod encode_tests;
#[cfg(test)]
mod error_tests;

pub use decode::{decode, decode_prefix, decode_prefix_with, decode_with, DecodeOptions};
pub use encode::{encode, encode_with, EncodeOptions};
pub use error::{EtfError, EtfErrorKind};
pub use term::Term;

/// The deepest nesting of containers (tuples, lists, maps, closures) [`decode`]
/// accepts; deeper input fails with [`EtfErrorKind::TooDeep`]. A list's tail does not
/// count as nesting, so a long or improper list is never too deep.
///
/// The decoder itself keeps open containers on the heap and would take any depth;
/// the limit is for what comes after. `Term`'s derived `Clone`, `PartialEq` and
/// `Debug` recurse and, in a debug build, take up to about 1.9 KiB of stack per level
/// (a chain of maps), so a term at this depth fits a 2 MiB thread stack (a test
/// thread's) twice over. [`DecodeOptions::max_depth`] raises it for callers with more
/// stack.
pub const MAX_DEPTH: usize = 512;

/// The longest atom, in characters, as in BEAM.
pub const MAX_ATOM_CHARS: usize = 255;

/// The most ids a reference may have, as in BEAM (OTP 24 and later).
pub const MAX_REFERENCE_IDS: usize = 5;

/// The largest inflated size a `COMPRESSED` term may declare (256 MiB); a larger claim
/// is refused before inflating.
pub const MAX_INFLATED: u32 = 256 << 20;
