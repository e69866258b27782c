//! BEAM's compact term encoding: how instruction operands are stored in the `Code`
//! chunk. The low three bits of the first byte are a tag (`u i a x y f h z`), the value
//! follows in 4, 11 or `n` bytes; tag `z` introduces the extended operands (float
//! literal, list, float register, allocation list, literal index, typed register).

use crate::bytes::Cursor;
use thiserror::Error;

const TAG_U: u8 = 0;
const TAG_I: u8 = 1;
const TAG_A: u8 = 2;
const TAG_X: u8 = 3;
const TAG_Y: u8 = 4;
const TAG_F: u8 = 5;
const TAG_H: u8 = 6;
const TAG_Z: u8 = 7;

/// An X or Y register.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Register {
    /// `x(N)`: argument/scratch register N.
    X(u32),
    /// `y(N)`: stack slot N of the current frame.
    Y(u32),
}

/// One decoded operand.
#[derive(Debug, Clone, PartialEq)]
pub enum Operand {
    /// `u`: an unsigned literal (arities, sizes, counts, indexes).
    Unsigned(u64),
    /// `i`: a signed integer that fits 64 bits.
    Integer(i64),
    /// `i`: a larger integer, as big-endian two's-complement bytes.
    BigInteger(Vec<u8>),
    /// `a` with value 0: the empty list `[]`.
    Nil,
    /// `a`: atom N of the module's atom table (1-based).
    Atom(u32),
    /// `x` or `y`: a register.
    Reg(Register),
    /// `f`: a label (0 means "no label": raise instead of jumping).
    Label(u32),
    /// `h`: a character.
    Char(u32),
    /// `z` 0: a float literal (written by old compilers).
    Float(f64),
    /// `z` 1: a list of operands (select tables, bit-syntax and map operand lists).
    List(Vec<Operand>),
    /// `z` 2: a floating-point register.
    FloatReg(u32),
    /// `z` 3: an allocation list of (kind, count): kind 0 words, 1 floats, 2 funs.
    AllocList(Vec<(u32, u32)>),
    /// `z` 4: index into the module's literal table.
    Literal(u32),
    /// `z` 5: a register annotated with an index into the `Type` chunk (OTP 25+).
    TypedReg {
        /// The register.
        reg: Register,
        /// Index into the type table.
        type_index: u32,
    },
}

/// Why an operand could not be decoded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Error)]
pub enum CompactError {
    /// The input ends inside the operand.
    #[error("operand cut short")]
    Truncated,
    /// A value is larger than its kind allows.
    #[error("operand value too large")]
    TooLarge,
    /// An extended (`z`) operand of an unknown kind.
    #[error("unknown extended operand kind {0}")]
    UnknownExtended(u64),
    /// A part of a compound operand has the wrong tag.
    #[error("malformed {0}")]
    Malformed(&'static str),
}

/// Decodes one operand at the start of `bytes`; returns it and how many bytes it took.
pub fn decode_one(bytes: &[u8]) -> Result<(Operand, usize), CompactError> {
    let mut cursor = Cursor::new(bytes);
    let operand = read_operand(&mut cursor)?;
    Ok((operand, cursor.pos()))
}

/// Decodes one operand at the cursor.
pub(crate) fn read_operand(cursor: &mut Cursor<'_>) -> Result<Operand, CompactError> {
    read(cursor, true)
}

fn read(cursor: &mut Cursor<'_>, lists_allowed: bool) -> Result<Operand, CompactError> {
    let first = cursor.u8().ok_or(CompactError::Truncated)?;
    let tag = first & 0b111;
    if tag == TAG_I {
        return Ok(match read_value(cursor, first)? {
            Value::Small(v) => {
                Operand::Integer(i64::try_from(v).map_err(|_| CompactError::TooLarge)?)
            }
            Value::Big(bytes) => signed(bytes),
        });
    }
    let value = unsigned(read_value(cursor, first)?)?;
    let small = || u32::try_from(value).map_err(|_| CompactError::TooLarge);
    Ok(match tag {
        TAG_U => Operand::Unsigned(value),
        TAG_A if value == 0 => Operand::Nil,
        TAG_A => Operand::Atom(small()?),
        TAG_X => Operand::Reg(Register::X(small()?)),
        TAG_Y => Operand::Reg(Register::Y(small()?)),
        TAG_F => Operand::Label(small()?),
        TAG_H => Operand::Char(small()?),
        TAG_Z => extended(cursor, value, lists_allowed)?,
        _ => return Err(CompactError::Malformed("tag")),
    })
}

fn extended(
    cursor: &mut Cursor<'_>,
    kind: u64,
    lists_allowed: bool,
) -> Result<Operand, CompactError> {
    match kind {
        0 => {
            let bytes: [u8; 8] = cursor
                .take(8)
                .and_then(|b| b.try_into().ok())
                .ok_or(CompactError::Truncated)?;
            Ok(Operand::Float(f64::from_be_bytes(bytes)))
        }
        1 if lists_allowed => {
            let len = read_count(cursor)?;
            let mut items = Vec::with_capacity(len);
            for _ in 0..len {
                items.push(read(cursor, false)?);
            }
            Ok(Operand::List(items))
        }
        1 => Err(CompactError::Malformed("nested list")),
        2 => Ok(Operand::FloatReg(read_u32(cursor)?)),
        3 => {
            let len = read_count(cursor)?;
            let mut items = Vec::with_capacity(len);
            for _ in 0..len {
                items.push((read_u32(cursor)?, read_u32(cursor)?));
            }
            Ok(Operand::AllocList(items))
        }
        4 => Ok(Operand::Literal(read_u32(cursor)?)),
        5 => {
            let reg = match read(cursor, false)? {
                Operand::Reg(reg) => reg,
                _ => return Err(CompactError::Malformed("typed register")),
            };
            let type_index = read_u32(cursor)?;
            Ok(Operand::TypedReg { reg, type_index })
        }
        other => Err(CompactError::UnknownExtended(other)),
    }
}

/// A `u`-tagged count, checked against the bytes left so a bogus count cannot make the
/// decoder allocate (every element takes at least one byte).
fn read_count(cursor: &mut Cursor<'_>) -> Result<usize, CompactError> {
    let n = usize::try_from(read_u(cursor)?).map_err(|_| CompactError::TooLarge)?;
    if n > cursor.remaining() {
        return Err(CompactError::Truncated);
    }
    Ok(n)
}

fn read_u32(cursor: &mut Cursor<'_>) -> Result<u32, CompactError> {
    u32::try_from(read_u(cursor)?).map_err(|_| CompactError::TooLarge)
}

/// Reads a `u`-tagged value.
pub(crate) fn read_u(cursor: &mut Cursor<'_>) -> Result<u64, CompactError> {
    let first = cursor.u8().ok_or(CompactError::Truncated)?;
    if first & 0b111 != TAG_U {
        return Err(CompactError::Malformed("unsigned operand"));
    }
    unsigned(read_value(cursor, first)?)
}

enum Value<'a> {
    Small(u64),
    Big(&'a [u8]),
}

/// The value part after the first byte: 4 bits, 11 bits, or `n` big-endian bytes.
fn read_value<'a>(cursor: &mut Cursor<'a>, first: u8) -> Result<Value<'a>, CompactError> {
    if first & 0b1000 == 0 {
        return Ok(Value::Small(u64::from(first >> 4)));
    }
    if first & 0b1_0000 == 0 {
        let low = cursor.u8().ok_or(CompactError::Truncated)?;
        return Ok(Value::Small((u64::from(first >> 5) << 8) | u64::from(low)));
    }
    let len = match first >> 5 {
        // The length is itself a small `u` value: one level only, never recursive.
        7 => {
            let len_first = cursor.u8().ok_or(CompactError::Truncated)?;
            if len_first & 0b111 != TAG_U || len_first & 0b1_1000 == 0b1_1000 {
                return Err(CompactError::Malformed("length of a large value"));
            }
            let Value::Small(n) = read_value(cursor, len_first)? else {
                return Err(CompactError::Malformed("length of a large value"));
            };
            usize::try_from(n).map_err(|_| CompactError::TooLarge)? + 9
        }
        n => usize::from(n) + 2,
    };
    cursor
        .take(len)
        .map(Value::Big)
        .ok_or(CompactError::Truncated)
}

fn unsigned(value: Value<'_>) -> Result<u64, CompactError> {
    match value {
        Value::Small(v) => Ok(v),
        Value::Big(bytes) => {
            let significant: Vec<u8> = bytes.iter().copied().skip_while(|b| *b == 0).collect();
            if significant.len() > 8 {
                return Err(CompactError::TooLarge);
            }
            Ok(significant
                .iter()
                .fold(0u64, |acc, b| (acc << 8) | u64::from(*b)))
        }
    }
}

/// Big-endian two's complement bytes as `Integer` when they fit 64 bits.
fn signed(bytes: &[u8]) -> Operand {
    let negative = bytes.first().is_some_and(|b| b & 0x80 != 0);
    let fill = if negative { 0xFF } else { 0 };
    // Drop redundant sign bytes, keeping one sign bit.
    let mut start = 0;
    while start + 1 < bytes.len()
        && bytes.get(start) == Some(&fill)
        && bytes
            .get(start + 1)
            .is_some_and(|b| (b & 0x80 != 0) == negative)
    {
        start += 1;
    }
    let trimmed = bytes.get(start..).unwrap_or_default();
    if trimmed.len() <= 8 {
        let mut buf = [fill; 8];
        let offset = 8 - trimmed.len();
        for (slot, byte) in buf.iter_mut().skip(offset).zip(trimmed) {
            *slot = *byte;
        }
        Operand::Integer(i64::from_be_bytes(buf))
    } else {
        Operand::BigInteger(trimmed.to_vec())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decode(bytes: &[u8]) -> Result<Operand, CompactError> {
        let mut cursor = Cursor::new(bytes);
        let op = read_operand(&mut cursor)?;
        assert_eq!(cursor.remaining(), 0, "left over bytes decoding {bytes:?}");
        Ok(op)
    }

    #[test]
    fn small_and_medium_values_of_every_tag() {
        assert_eq!(decode(&[0x50]), Ok(Operand::Unsigned(5)));
        assert_eq!(decode(&[0x21]), Ok(Operand::Integer(2)));
        assert_eq!(decode(&[0x02]), Ok(Operand::Nil));
        assert_eq!(decode(&[0x12]), Ok(Operand::Atom(1)));
        assert_eq!(decode(&[0x03]), Ok(Operand::Reg(Register::X(0))));
        assert_eq!(decode(&[0x34]), Ok(Operand::Reg(Register::Y(3))));
        assert_eq!(decode(&[0x75]), Ok(Operand::Label(7)));
        assert_eq!(decode(&[0x06]), Ok(Operand::Char(0)));
        // 11-bit form: 1000 = 0b011_1110_1000 -> first = 0b011_01_000 | tag.
        assert_eq!(
            decode(&[0b0110_1000 | 3, 0xE8]),
            Ok(Operand::Reg(Register::X(1000)))
        );
    }

    #[test]
    fn large_integers_signed_and_unsigned() {
        // -1 as a two-byte big integer.
        assert_eq!(decode(&[0b0001_1001, 0xFF, 0xFF]), Ok(Operand::Integer(-1)));
        // 0x8000 needs a leading zero byte to stay positive.
        assert_eq!(
            decode(&[0b0011_1001, 0x00, 0x80, 0x00]),
            Ok(Operand::Integer(0x8000))
        );
        // 2^64 in 9 bytes: first = (7 << 5) | 0b11001, length u-encoded as 0 (9 + 0).
        let mut big = vec![0b1111_1001, 0x00, 0x01];
        big.extend([0; 8]);
        assert_eq!(
            decode(&big),
            Ok(Operand::BigInteger([1, 0, 0, 0, 0, 0, 0, 0, 0].to_vec()))
        );
        assert_eq!(
            decode(&[0b0001_1000, 0x12, 0x34]),
            Ok(Operand::Unsigned(0x1234))
        );
    }

    #[test]
    fn extended_operands() {
        assert_eq!(
            decode(&[0x17, 0x20, 0x12, 0x75]),
            Ok(Operand::List(vec![Operand::Atom(1), Operand::Label(7)]))
        );
        assert_eq!(decode(&[0x27, 0x10]), Ok(Operand::FloatReg(1)));
        assert_eq!(
            decode(&[0x37, 0x10, 0x00, 0x30]),
            Ok(Operand::AllocList(vec![(0, 3)]))
        );
        assert_eq!(decode(&[0x47, 0x40]), Ok(Operand::Literal(4)));
        assert_eq!(
            decode(&[0x57, 0x13, 0x20]),
            Ok(Operand::TypedReg {
                reg: Register::X(1),
                type_index: 2
            })
        );
        let mut float = vec![0x07];
        float.extend(1.5f64.to_be_bytes());
        assert_eq!(decode(&float), Ok(Operand::Float(1.5)));
    }

    #[test]
    fn malformed_operands_are_errors() {
        assert_eq!(decode(&[]), Err(CompactError::Truncated));
        assert_eq!(decode(&[0x08 | 3]), Err(CompactError::Truncated));
        assert_eq!(decode(&[0x67]), Err(CompactError::UnknownExtended(6)));
        assert_eq!(
            decode(&[0x17, 0x10, 0x17, 0x00]),
            Err(CompactError::Malformed("nested list"))
        );
        assert_eq!(
            decode(&[0x57, 0x12, 0x00]),
            Err(CompactError::Malformed("typed register"))
        );
        // A list claiming 1000 elements with 1 byte left fails before allocating.
        assert_eq!(
            decode(&[0x17, 0b0110_1000, 0xE8, 0x00]),
            Err(CompactError::Truncated)
        );
        // Nested big lengths are refused, never recursed into.
        let mut deep = vec![0xF8; 1 << 16];
        deep.push(0);
        assert!(decode(&deep).is_err());
        // x register beyond u32.
        let mut huge = vec![0b1011_1011];
        huge.extend([0xFF; 7]);
        assert_eq!(decode(&huge), Err(CompactError::TooLarge));
    }
}
