//! The host VM's loader refuses malformed modules with a reason and never panics.
#![no_main]

use atomvm_host::atom::AtomTable;
use atomvm_host::heap::Heap;
use atomvm_host::loader;
use atomvm_host::term::Area;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let mut atoms = AtomTable::default();
    let mut literals = Heap::new(Area::Literal);
    let _ = loader::load(0, data, &mut atoms, &mut literals);
});
