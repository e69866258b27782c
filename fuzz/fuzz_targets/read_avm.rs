//! The archive reader must return `Ok` or `Err` on any input, never panic, and what it
//! reads must write back and read again to the same entries.
#![no_main]

use avm_format::avm;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(archive) = avm::read(data) {
        assert!(archive.len <= data.len());
        if let Ok(bytes) = avm::write(&archive.entries) {
            let again = avm::read(&bytes).expect("a written archive reads back");
            assert_eq!(again.entries, archive.entries);
        }
    }
});
