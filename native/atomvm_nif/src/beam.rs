//! `AtomVM.Native.beam_info/1`: a module's name, exports and imported modules.

use crate::error::{message, read_file, NifError, NifResult};
use avm_format::beam::info::atoms;
use avm_format::beam::{Beam, ModuleInfo};
use rustler::NifMap;
use std::path::Path;

/// What `beam_info/1` returns.
#[derive(NifMap)]
pub struct BeamInfo {
    module: String,
    exports: Vec<(String, u32)>,
    imports: Vec<String>,
    atoms: Vec<String>,
}

/// Reads a `.beam` file's module name, exports, imported modules and atom table.
#[rustler::nif(schedule = "DirtyIo")]
fn beam_info(path: String) -> NifResult<BeamInfo> {
    let path = Path::new(&path);
    let read = || -> Result<BeamInfo, NifError> {
        let bytes = read_file(path)?;
        let beam_error = |source| NifError::Beam {
            path: path.display().to_string(),
            source,
        };
        let beam = Beam::parse(&bytes).map_err(beam_error)?;
        let info = ModuleInfo::read(&beam).map_err(beam_error)?;
        Ok(BeamInfo {
            atoms: atoms(&beam).map_err(beam_error)?,
            imports: info
                .imported_modules()
                .into_iter()
                .map(str::to_owned)
                .collect(),
            module: info.name,
            exports: info.exports,
        })
    };
    read().map_err(message)
}
