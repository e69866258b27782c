//! Reads and writes the two file formats an AtomVM toolchain moves around:
//!
//! * **BEAM files** ([`beam`]): the IFF container `erlc`/`elixirc` write, parsed into
//!   chunks without copying, the module's name, exports and imports read from it, and
//!   the container *stripped* to what AtomVM's loader reads (zlib-compressed literals
//!   inflated, since devices carry no zlib).
//! * **PackBEAM archives** ([`avm`]): the `.avm` files AtomVM runs and flashes: a
//!   header, then sections (start module, BEAM modules, plain "priv" files), then an
//!   `end` marker.
//!
//! Everything here is panic-free on any input: every length is checked and a malformed
//! file yields a [`beam::BeamError`] or [`avm::ArchiveError`] that says what is wrong
//! and where. The crate has no Rustler dependency so the host VM can reuse it.
//!
//! ```
//! use avm_format::avm::{self, Entry};
//!
//! let entries = vec![Entry::file("my_app/priv/hello.txt", b"hi".to_vec())];
//! let bytes = avm::write(&entries).unwrap();
//! let archive = avm::read(&bytes).unwrap();
//! assert_eq!(archive.entries, entries);
//! ```

pub mod avm;
pub mod beam;
mod bytes;
pub mod compact;
pub mod etf;
pub mod pack;
