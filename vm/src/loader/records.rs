//! The `Recs` chunk (OTP 29): the module's native record definitions.
//!
//! After a version (0), the number of records and the total number of fields (each a
//! big-endian u32), every record is encoded as if it were the instruction
//! `call_last Name IsExported [Field, Default, ...]` in the code's compact term
//! encoding, where a field without a default has the unsigned `0` in its place.

use super::error::LoadError;
use crate::atom::atoms;
use crate::heap::Heap;
use crate::records::{self, RecordDef};
use crate::term::Term;
use avm_format::beam::{Beam, Opcode};
use avm_format::compact::{self, Operand};
use std::rc::Rc;

/// The only chunk version there is.
const VERSION: u32 = 0;

/// What reading the chunk needs from the rest of the module.
pub struct Context<'a> {
    /// The module (an atom term).
    pub module: Term,
    /// Module atom index → VM atom index.
    pub atoms: &'a [u32],
    /// Literal index → literal-arena term.
    pub literals: &'a [Term],
}

/// The module's record definitions (none without a `Recs` chunk). Their definition
/// tuples and big defaults go into the literal arena `lits`.
pub fn definitions(
    beam: &Beam<'_>,
    cx: &Context<'_>,
    lits: &mut Heap,
) -> Result<Vec<Rc<RecordDef>>, LoadError> {
    let Some(chunk) = beam.chunk(b"Recs") else {
        return Ok(Vec::new());
    };
    let bad = |what: &str| LoadError::Table(format!("`Recs`: {what}"));
    let word = |i: usize| {
        chunk
            .data
            .get(i * 4..i * 4 + 4)
            .map(|b| u32::from_be_bytes([b[0], b[1], b[2], b[3]]))
            .ok_or_else(|| bad("shorter than its header"))
    };
    if word(0)? != VERSION {
        return Err(bad(&format!(
            "version {} (this VM reads {VERSION})",
            word(0)?
        )));
    }
    let count = word(1)? as usize;
    let mut rest = chunk.data.get(12..).unwrap_or_default();
    let mut defs = Vec::with_capacity(count.min(1024));
    for _ in 0..count {
        let (&op, after) = rest
            .split_first()
            .ok_or_else(|| bad("shorter than its records"))?;
        if op != Opcode::call_last as u8 {
            return Err(bad(&format!("a record is encoded with opcode {op}")));
        }
        rest = after;
        let mut operands = Vec::with_capacity(3);
        for _ in 0..3 {
            let (operand, used) = compact::decode_one(rest).map_err(|e| bad(&e.to_string()))?;
            operands.push(operand);
            rest = rest.get(used..).unwrap_or_default();
        }
        let def = definition(&operands, cx, lits).ok_or_else(|| bad("malformed record"))?;
        defs.push(Rc::new(def));
    }
    Ok(defs)
}

/// One record from its three operands.
fn definition(operands: &[Operand], cx: &Context<'_>, lits: &mut Heap) -> Option<RecordDef> {
    let [Operand::Atom(name), Operand::Atom(exported), Operand::List(items)] = operands else {
        return None;
    };
    let name = atom(*name, cx)?;
    let exported = Term::atom(atom(*exported, cx)?) == atoms::true_;
    let mut fields = Vec::with_capacity(items.len() / 2);
    let mut defaults = Vec::with_capacity(items.len() / 2);
    for pair in items.chunks(2) {
        let [Operand::Atom(field), default] = pair else {
            return None;
        };
        fields.push(Term::atom(atom(*field, cx)?));
        defaults.push(match default {
            Operand::Unsigned(0) => None,
            other => Some(constant(other, cx, lits)?),
        });
    }
    let def = records::definition(lits, cx.module, Term::atom(name), exported, &fields);
    Some(RecordDef {
        name,
        exported,
        fields,
        defaults,
        def,
    })
}

fn atom(index: u32, cx: &Context<'_>) -> Option<u32> {
    cx.atoms.get((index as usize).checked_sub(1)?).copied()
}

/// A default value: any constant operand.
fn constant(op: &Operand, cx: &Context<'_>, lits: &mut Heap) -> Option<Term> {
    Some(match op {
        Operand::Integer(v) => lits.int(*v),
        Operand::BigInteger(bytes) => lits.bigint(&num_bigint::BigInt::from_signed_bytes_be(bytes)),
        Operand::Nil => Term::NIL,
        Operand::Atom(a) => Term::atom(atom(*a, cx)?),
        Operand::Literal(i) => *cx.literals.get(*i as usize)?,
        Operand::Char(c) => Term::small(i64::from(*c))?,
        Operand::Float(f) => lits.float(*f),
        _ => return None,
    })
}
