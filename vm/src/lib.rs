//! A BEAM virtual machine for the developer's machine, in the spirit of AtomVM: it
//! loads the `.beam` files `erlc` and `elixirc` produce (from files or `.avm`
//! archives) and runs them like the reference BEAM. See `src/README.md` for the map of
//! modules and `docs/vm.md` for the design.
#![deny(unsafe_code)]

pub mod atom;
pub mod heap;
pub mod term;
