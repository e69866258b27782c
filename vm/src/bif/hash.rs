//! Hashes: `phash2`, `phash`, `md5`, `crc32`, `adler32` (being written).

use crate::module::NativeFn;

/// The natives of this family.
pub fn lookup(_module: &str, _function: &str, _arity: u8) -> Option<NativeFn> {
    None
}
