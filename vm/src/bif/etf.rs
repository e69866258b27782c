//! `term_to_binary` and `binary_to_term` (being written).

use crate::module::NativeFn;

/// The natives of this family.
pub fn lookup(_module: &str, _function: &str, _arity: u8) -> Option<NativeFn> {
    None
}
