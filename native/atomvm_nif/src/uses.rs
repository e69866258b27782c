//! `AtomVM.Native.archive_uses/1`: what each module of an `.avm` archive exports and
//! uses (remote functions with their places, instructions), for `mix atomvm.check`.

use crate::error::{message, read_file, NifError, NifResult};
use avm_format::avm::{self, EntryKind};
use avm_format::beam::uses::{self, Use};
use avm_format::beam::{Beam, ModuleInfo};
use rustler::NifMap;
use std::path::Path;

/// `{kind, module, function, arity | nil, file | nil, line}`.
type Call = (String, String, String, Option<u32>, Option<String>, u32);

/// One module of the archive.
#[derive(NifMap)]
pub struct ModuleUses {
    module: String,
    exports: Vec<(String, u32)>,
    max_opcode: u32,
    calls: Vec<Call>,
    /// `{opcode, name, count, file | nil, line}`.
    opcodes: Vec<(u8, String, u32, Option<String>, u32)>,
}

fn call(u: Use) -> Call {
    (
        u.kind.name().to_owned(),
        u.module,
        u.function,
        u.arity,
        u.file,
        u.line,
    )
}

/// Reads every module of the archive at `path`.
#[rustler::nif(schedule = "DirtyIo")]
fn archive_uses(path: String) -> NifResult<Vec<ModuleUses>> {
    let path = Path::new(&path);
    let read = || -> Result<Vec<ModuleUses>, String> {
        let bytes = read_file(path).map_err(message)?;
        let archive = avm::read(&bytes).map_err(|source| {
            message(NifError::Archive {
                path: path.display().to_string(),
                source,
            })
        })?;
        let mut out = Vec::new();
        for entry in archive
            .entries
            .iter()
            .filter(|e| e.kind() == EntryKind::Beam)
        {
            let named =
                |e: &dyn std::fmt::Display| format!("{}: {}: {e}", path.display(), entry.name);
            let mut data = entry.data.clone();
            avm_format::beam::iff::fit_form_length(&mut data);
            let beam = Beam::parse(&data).map_err(|e| named(&e))?;
            let info = ModuleInfo::read(&beam).map_err(|e| named(&e))?;
            let found = uses::read(&beam).map_err(|e| named(&e))?;
            out.push(ModuleUses {
                module: found.module,
                exports: info.exports,
                max_opcode: found.max_opcode,
                calls: found.calls.into_iter().map(call).collect(),
                opcodes: found
                    .opcodes
                    .into_iter()
                    .map(|o| {
                        (
                            o.opcode as u8,
                            o.opcode.name().to_owned(),
                            o.count,
                            o.file,
                            o.line,
                        )
                    })
                    .collect(),
            });
        }
        Ok(out)
    };
    read()
}
