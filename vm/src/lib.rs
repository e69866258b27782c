//! A BEAM virtual machine for the developer's machine, in the spirit of AtomVM: it
//! loads the `.beam` files `erlc` and `elixirc` produce (from files or `.avm`
//! archives) and runs them like the reference BEAM. See `src/README.md` for the map of
//! modules and `docs/vm.md` for the design.
#![deny(unsafe_code)]

pub mod atom;
pub mod bif;
pub mod boot;
pub mod code_path;
pub mod compare;
pub mod display;
pub mod heap;
pub mod interp;
pub mod io;
pub mod io_server;
pub mod loader;
pub mod locale;
pub mod module;
pub mod peripherals;
pub mod process;
pub mod records;
pub mod release;
mod signals;
pub mod term;
pub mod vm;
