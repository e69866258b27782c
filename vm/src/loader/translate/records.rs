//! OTP 29's native-record instructions (opcodes 186–191), translated.

use super::Translator;
use crate::loader::error::LoadError;
use crate::module::Instr;
use crate::term::Term;
use avm_format::beam::Opcode;
use avm_format::compact::Operand;

impl Translator<'_, '_> {
    /// `is_any_native_record`, `is_native_record`, `is_record_accessible`,
    /// `get_record_elements`, `put_record` and `get_record_field`.
    pub(super) fn record_instr(&self, op: Opcode, a: &[Operand]) -> Result<Instr, LoadError> {
        Ok(match op {
            Opcode::is_any_native_record => Instr::IsNativeRecord {
                fail: self.label(a, 0)?,
                src: self.src(a, 1)?,
                id: None,
            },
            Opcode::is_native_record => Instr::IsNativeRecord {
                fail: self.label(a, 0)?,
                src: self.src(a, 1)?,
                id: Some((self.atom_operand(a, 2)?, self.atom_operand(a, 3)?)),
            },
            Opcode::is_record_accessible => {
                let scope = self.atom_operand(a, 2)?;
                let module = match self.name_of(scope) {
                    "external" => None,
                    // `#_{...}`: this module's records are accessible too.
                    "auto_local" => Some(self.atom(1)?),
                    other => return Err(self.error(format!("unknown record scope {other}"))),
                };
                Instr::IsRecordAccessible {
                    fail: self.label(a, 0)?,
                    src: self.src(a, 1)?,
                    module,
                }
            }
            Opcode::get_record_elements => Instr::GetRecordElements {
                fail: self.label(a, 0)?,
                src: self.src(a, 1)?,
                pairs: self
                    .list(a, 2)?
                    .chunks(2)
                    .map(|p| match p {
                        [Operand::Atom(k), d] => Ok((self.atom(*k)?, self.dst_of(d)?)),
                        _ => Err(self.error("malformed record element list")),
                    })
                    .collect::<Result<_, _>>()?,
            },
            Opcode::put_record => Instr::PutRecord {
                fail: self.label(a, 0)?,
                id: self.term(self.arg(a, 1)?)?,
                src: match self.arg(a, 2)? {
                    Operand::Nil => None,
                    other => Some(self.src_of(other)?),
                },
                dst: self.dst(a, 3)?,
                updates: self
                    .list(a, 5)?
                    .chunks(2)
                    .map(|p| match p {
                        [Operand::Atom(k), v] => Ok((self.atom(*k)?, self.src_of(v)?)),
                        _ => Err(self.error("malformed record field list")),
                    })
                    .collect::<Result<_, _>>()?,
            },
            Opcode::get_record_field => Instr::GetRecordField {
                fail: self.label(a, 0)?,
                src: self.src(a, 1)?,
                id: self.term(self.arg(a, 2)?)?,
                field: self.atom_operand(a, 3)?,
                dst: self.dst(a, 4)?,
            },
            other => {
                return Err(self.error(format!("{} is not a record instruction", other.name())))
            }
        })
    }

    /// Operand `i`, which must be an atom.
    fn atom_operand(&self, a: &[Operand], i: usize) -> Result<Term, LoadError> {
        match self.arg(a, i)? {
            Operand::Atom(index) => self.atom(*index),
            other => Err(self.error(format!("operand {i} should be an atom, not {other:?}"))),
        }
    }

    fn name_of(&self, atom: Term) -> &str {
        atom.as_atom()
            .map_or("", |a| self.tables.atom_names.name(a))
    }
}
