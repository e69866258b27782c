//! The `Code` chunk: a header, then instructions — an opcode byte followed by as many
//! compact-encoded operands as `genop.tab` gives it.

use super::opcodes::{Opcode, MAX_OPCODE};
use crate::bytes::Cursor;
use crate::compact::{self, CompactError, Operand};
use thiserror::Error;

/// The `Code` chunk's header.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CodeHeader {
    /// Instruction set version (0 for every OTP release so far).
    pub instruction_set: u32,
    /// The highest opcode number the module uses.
    pub max_opcode: u32,
    /// Number of labels (label numbers run from 1 to `labels - 1`).
    pub labels: u32,
    /// Number of functions.
    pub functions: u32,
}

/// One generic instruction with its operands decoded.
#[derive(Debug, Clone, PartialEq)]
pub struct Instruction {
    /// The opcode.
    pub opcode: Opcode,
    /// Its operands, `opcode.arity()` of them.
    pub args: Vec<Operand>,
    /// Offset of the opcode byte within the chunk's data.
    pub offset: usize,
}

/// A malformed `Code` chunk: what is wrong and at which offset of the chunk's data.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[error("{kind} (at byte {offset} of the `Code` chunk)")]
pub struct CodeError {
    /// Offset within the chunk's data.
    pub offset: usize,
    /// What is wrong.
    pub kind: CodeErrorKind,
}

/// The kinds of [`CodeError`].
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum CodeErrorKind {
    /// The header is cut short or its size field is impossible.
    #[error("malformed header")]
    Header,
    /// An instruction set other than 0.
    #[error("instruction set {0} is not supported (only 0)")]
    InstructionSet(u32),
    /// The module declares opcodes newer than this loader knows.
    #[error("the module uses opcodes up to {0}, newer than OTP 29's {max}; it was compiled by a newer OTP", max = MAX_OPCODE)]
    TooNew(u32),
    /// An opcode number that does not exist.
    #[error("unknown opcode {0}")]
    UnknownOpcode(u8),
    /// An operand that does not decode.
    #[error("operand {index} of `{opcode}`: {error}")]
    Operand {
        /// The instruction's name.
        opcode: &'static str,
        /// Which operand (0-based).
        index: usize,
        /// What is wrong.
        error: CompactError,
    },
    /// The code does not end with `int_code_end`.
    #[error("the code does not end with `int_code_end`")]
    NoEnd,
}

/// The decoded `Code` chunk.
#[derive(Debug, Clone, PartialEq)]
pub struct Code {
    /// Header fields.
    pub header: CodeHeader,
    /// Every instruction up to and including `int_code_end`.
    pub instructions: Vec<Instruction>,
}

/// Decodes a `Code` chunk's data. Stops at `int_code_end` (bytes after it are padding).
pub fn decode(data: &[u8]) -> Result<Code, CodeError> {
    let error = |offset, kind| CodeError { offset, kind };
    let mut cursor = Cursor::new(data);
    let sub_size = cursor.u32_be().ok_or(error(0, CodeErrorKind::Header))?;
    let header_end = usize::try_from(sub_size)
        .ok()
        .and_then(|s| s.checked_add(4))
        .filter(|end| *end >= 20 && *end <= data.len())
        .ok_or(error(0, CodeErrorKind::Header))?;
    let (Some(instruction_set), Some(max_opcode), Some(labels), Some(functions)) = (
        cursor.u32_be(),
        cursor.u32_be(),
        cursor.u32_be(),
        cursor.u32_be(),
    ) else {
        return Err(error(4, CodeErrorKind::Header));
    };
    if instruction_set != 0 {
        return Err(error(4, CodeErrorKind::InstructionSet(instruction_set)));
    }
    if max_opcode > u32::from(MAX_OPCODE) {
        return Err(error(8, CodeErrorKind::TooNew(max_opcode)));
    }
    let header = CodeHeader {
        instruction_set,
        max_opcode,
        labels,
        functions,
    };
    let mut cursor = Cursor::new(data);
    cursor.take(header_end);
    // Every instruction takes at least one byte: a safe capacity bound.
    let mut instructions = Vec::with_capacity(cursor.remaining().min(1 << 20));
    loop {
        let offset = cursor.pos();
        let number = cursor.u8().ok_or(error(offset, CodeErrorKind::NoEnd))?;
        let opcode = Opcode::from_number(number)
            .ok_or(error(offset, CodeErrorKind::UnknownOpcode(number)))?;
        let mut args = Vec::with_capacity(opcode.arity());
        for index in 0..opcode.arity() {
            let operand = compact::read_operand(&mut cursor).map_err(|e| {
                error(
                    offset,
                    CodeErrorKind::Operand {
                        opcode: opcode.name(),
                        index,
                        error: e,
                    },
                )
            })?;
            args.push(operand);
        }
        instructions.push(Instruction {
            opcode,
            args,
            offset,
        });
        if opcode == Opcode::int_code_end {
            return Ok(Code {
                header,
                instructions,
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compact::Register;

    fn chunk(code: &[u8]) -> Vec<u8> {
        let mut out = Vec::new();
        for word in [16u32, 0, 184, 3, 1] {
            out.extend(word.to_be_bytes());
        }
        out.extend_from_slice(code);
        out
    }

    #[test]
    fn decodes_a_function() {
        // label 1; func_info a1 a2 0; label 2; move x0 -> y1 is not valid BEAM but decodes;
        // return; int_code_end.
        let code = chunk(&[
            1, 0x10, 2, 0x12, 0x22, 0x00, 1, 0x20, 64, 0x03, 0x14, 19, 3, 0, 0,
        ]);
        let decoded = decode(&code).unwrap();
        assert_eq!(decoded.header.labels, 3);
        let names: Vec<_> = decoded
            .instructions
            .iter()
            .map(|i| i.opcode.name())
            .collect();
        assert_eq!(
            names,
            [
                "label",
                "func_info",
                "label",
                "move",
                "return",
                "int_code_end"
            ]
        );
        assert_eq!(
            decoded.instructions[3].args,
            [Operand::Reg(Register::X(0)), Operand::Reg(Register::Y(1))]
        );
        assert_eq!(decoded.instructions[3].offset, 20 + 8);
    }

    #[test]
    fn errors_say_where_and_what() {
        let err = decode(&chunk(&[200])).unwrap_err();
        assert_eq!(
            (err.offset, err.kind),
            (20, CodeErrorKind::UnknownOpcode(200))
        );
        let err = decode(&chunk(&[1])).unwrap_err();
        assert!(matches!(
            err.kind,
            CodeErrorKind::Operand {
                opcode: "label",
                index: 0,
                ..
            }
        ));
        assert_eq!(
            decode(&chunk(&[1, 0x10])).unwrap_err().kind,
            CodeErrorKind::NoEnd
        );
        let mut newer = chunk(&[3]);
        let too_new = u32::from(MAX_OPCODE) + 1;
        newer[8..12].copy_from_slice(&too_new.to_be_bytes());
        assert_eq!(
            decode(&newer).unwrap_err().kind,
            CodeErrorKind::TooNew(too_new)
        );
        assert_eq!(decode(&[0, 0, 0]).unwrap_err().kind, CodeErrorKind::Header);
    }
}
