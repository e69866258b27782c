//! The BEAM container parser, the module-info reader and the stripper must return
//! `Ok` or `Err` on any input, never panic; a stripped module strips to itself.
#![no_main]

use avm_format::beam::{strip, Beam, ModuleInfo, StripOptions};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(beam) = Beam::parse(data) {
        let _ = ModuleInfo::read(&beam);
    }
    if let Ok(stripped) = strip(data, StripOptions::default()) {
        let again = strip(&stripped, StripOptions::default()).expect("stripped output strips");
        assert_eq!(again, stripped);
    }
});
