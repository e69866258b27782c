//! Decoding the terms that hold no arbitrary sub-terms: numbers, atoms, binaries,
//! pids, ports, references, exports, and the fixed head of a closure.

use super::error::{EtfError, EtfErrorKind};
use super::read::Reader;
use super::tags;
use super::term::Term;
use super::{MAX_ATOM_CHARS, MAX_REFERENCE_IDS};

/// The text of an atom whose tag (at offset `at`) has been read.
pub(super) fn atom_text(r: &mut Reader<'_>, tag: u8, at: usize) -> Result<String, EtfError> {
    let (len, utf8) = match tag {
        tags::ATOM => (usize::from(r.u16_be()?), false),
        tags::SMALL_ATOM => (usize::from(r.u8()?), false),
        tags::ATOM_UTF8 => (usize::from(r.u16_be()?), true),
        tags::SMALL_ATOM_UTF8 => (usize::from(r.u8()?), true),
        _ => return Err(EtfError::at(at, EtfErrorKind::UnknownTag(tag))),
    };
    let text_at = r.pos();
    let bytes = r.bytes(len)?;
    if !utf8 {
        if len > MAX_ATOM_CHARS {
            return Err(EtfError::at(at, EtfErrorKind::AtomTooLong(len)));
        }
        return Ok(bytes.iter().copied().map(char::from).collect());
    }
    let text =
        std::str::from_utf8(bytes).map_err(|_| EtfError::at(text_at, EtfErrorKind::InvalidUtf8))?;
    let chars = text.chars().count();
    if chars > MAX_ATOM_CHARS {
        return Err(EtfError::at(at, EtfErrorKind::AtomTooLong(chars)));
    }
    Ok(text.to_owned())
}

/// A field that must be an atom: a node, a module, a function name.
fn atom_field(r: &mut Reader<'_>, field: &'static str) -> Result<Term, EtfError> {
    let at = r.pos();
    let tag = r.u8()?;
    match tag {
        tags::ATOM | tags::SMALL_ATOM | tags::ATOM_UTF8 | tags::SMALL_ATOM_UTF8 => {
            atom_text(r, tag, at).map(Term::Atom)
        }
        tags::ATOM_CACHE_REF => Err(EtfError::at(at, EtfErrorKind::AtomCacheRef)),
        _ => Err(EtfError::at(at, EtfErrorKind::NotAnAtom { field, tag })),
    }
}

/// A field that must be a `SMALL_INTEGER_EXT` or an `INTEGER_EXT`.
fn int_field(r: &mut Reader<'_>, field: &'static str) -> Result<i32, EtfError> {
    let at = r.pos();
    match r.u8()? {
        tags::SMALL_INTEGER => r.u8().map(i32::from),
        tags::INTEGER => r.i32_be(),
        tag => Err(EtfError::at(at, EtfErrorKind::BadFieldTag { field, tag })),
    }
}

/// `NEW_FLOAT_EXT`, after its tag at `at`.
pub(super) fn new_float(r: &mut Reader<'_>, at: usize) -> Result<Term, EtfError> {
    let value = r.f64_be()?;
    if !value.is_finite() {
        return Err(EtfError::at(at, EtfErrorKind::NonFiniteFloat));
    }
    Ok(Term::Float(value))
}

/// `FLOAT_EXT` (31 bytes of text), after its tag at `at`.
pub(super) fn old_float(r: &mut Reader<'_>, at: usize) -> Result<Term, EtfError> {
    let text = r.bytes(31)?;
    let value = parse_float_text(text).ok_or(EtfError::at(at, EtfErrorKind::BadFloatText))?;
    if !value.is_finite() {
        return Err(EtfError::at(at, EtfErrorKind::NonFiniteFloat));
    }
    Ok(Term::Float(value))
}

/// Parses `FLOAT_EXT` text as BEAM does: up to the first NUL, exactly
/// `[+-]digits(.|,)digits([eE][+-]digits)`, nothing else (no spaces, no `inf`).
fn parse_float_text(text: &[u8]) -> Option<f64> {
    let end = text.iter().position(|&b| b == 0).unwrap_or(text.len());
    let text = text.get(..end)?;
    let (mantissa, exponent) = match text.iter().position(|&b| b == b'e' || b == b'E') {
        Some(e) => (text.get(..e)?, Some(text.get(e + 1..)?)),
        None => (text, None),
    };
    let point = mantissa.iter().position(|&b| b == b'.' || b == b',')?;
    let whole = without_sign(mantissa.get(..point)?);
    let fraction = mantissa.get(point + 1..)?;
    let exponent_ok = exponent.is_none_or(|exp| all_digits(without_sign(exp)));
    if !(all_digits(whole) && all_digits(fraction) && exponent_ok) {
        return None;
    }
    let normal: String = text
        .iter()
        .map(|&b| if b == b',' { '.' } else { char::from(b) })
        .collect();
    normal.parse().ok()
}

fn without_sign(text: &[u8]) -> &[u8] {
    match text.split_first() {
        Some((b'+' | b'-', rest)) => rest,
        _ => text,
    }
}

fn all_digits(text: &[u8]) -> bool {
    !text.is_empty() && text.iter().all(u8::is_ascii_digit)
}

/// `SMALL_BIG_EXT` or `LARGE_BIG_EXT`, after its tag.
pub(super) fn big(r: &mut Reader<'_>, tag: u8) -> Result<Term, EtfError> {
    let len = if tag == tags::SMALL_BIG {
        usize::from(r.u8()?)
    } else {
        r.len32()?
    };
    // Any sign byte but 0 is negative, as the BEAM reads it.
    let negative = r.u8()? != 0;
    let digits = r.bytes(len)?;
    Ok(Term::big(negative, digits))
}

/// `STRING_EXT`, after its tag: a proper list of small integers.
pub(super) fn string(r: &mut Reader<'_>) -> Result<Vec<Term>, EtfError> {
    let len = usize::from(r.u16_be()?);
    let bytes = r.bytes(len)?;
    Ok(bytes.iter().map(|&b| Term::Integer(b.into())).collect())
}

/// `BINARY_EXT`, after its tag.
pub(super) fn binary(r: &mut Reader<'_>) -> Result<Term, EtfError> {
    let len = r.len32()?;
    Ok(Term::Binary(r.bytes(len)?.to_vec()))
}

/// `BIT_BINARY_EXT`, after its tag at `at`; a whole number of bytes is a binary.
pub(super) fn bit_binary(r: &mut Reader<'_>, at: usize) -> Result<Term, EtfError> {
    let len = r.u32_be()?;
    let bits = r.u8()?;
    let bytes = r.bytes(usize::try_from(len).unwrap_or(usize::MAX))?;
    if (len == 0) != (bits == 0) || bits > 8 {
        return Err(EtfError::at(at, EtfErrorKind::BadBitCount { len, bits }));
    }
    if bits == 8 || len == 0 {
        return Ok(Term::Binary(bytes.to_vec()));
    }
    let mut bytes = bytes.to_vec();
    if let Some(last) = bytes.last_mut() {
        *last &= last_byte_mask(bits);
    }
    Ok(Term::BitBinary { bytes, bits })
}

/// The mask keeping the `bits` high bits of a byte (all of them from 8 up).
pub(super) fn last_byte_mask(bits: u8) -> u8 {
    u8::MAX
        .checked_shl(u32::from(8u8.saturating_sub(bits)))
        .unwrap_or(0)
}

/// `PID_EXT` or `NEW_PID_EXT`, after its tag.
pub(super) fn pid(r: &mut Reader<'_>, tag: u8) -> Result<Term, EtfError> {
    let node = atom_field(r, "pid node")?;
    let id = r.u32_be()?;
    let serial = r.u32_be()?;
    let creation = if tag == tags::PID {
        u32::from(r.u8()?)
    } else {
        r.u32_be()?
    };
    Ok(Term::Pid {
        node: Box::new(node),
        id,
        serial,
        creation,
    })
}

/// `PORT_EXT`, `NEW_PORT_EXT` or `V4_PORT_EXT`, after its tag.
pub(super) fn port(r: &mut Reader<'_>, tag: u8) -> Result<Term, EtfError> {
    let node = atom_field(r, "port node")?;
    let (id, creation) = match tag {
        tags::PORT => (u64::from(r.u32_be()?), u32::from(r.u8()?)),
        tags::NEW_PORT => (u64::from(r.u32_be()?), r.u32_be()?),
        _ => (r.u64_be()?, r.u32_be()?),
    };
    Ok(Term::Port {
        node: Box::new(node),
        id,
        creation,
    })
}

/// `REFERENCE_EXT`, `NEW_REFERENCE_EXT` or `NEWER_REFERENCE_EXT`, after its tag at
/// `at`.
pub(super) fn reference(r: &mut Reader<'_>, tag: u8, at: usize) -> Result<Term, EtfError> {
    if tag == tags::REFERENCE {
        let node = atom_field(r, "reference node")?;
        let id = r.u32_be()?;
        let creation = u32::from(r.u8()?);
        return Ok(Term::Reference {
            node: Box::new(node),
            creation,
            ids: vec![id],
        });
    }
    let count = r.u16_be()?;
    if usize::from(count) > MAX_REFERENCE_IDS {
        return Err(EtfError::at(at, EtfErrorKind::TooManyReferenceIds(count)));
    }
    let node = atom_field(r, "reference node")?;
    let creation = if tag == tags::NEW_REFERENCE {
        u32::from(r.u8()?)
    } else {
        r.u32_be()?
    };
    let ids = (0..count)
        .map(|_| r.u32_be())
        .collect::<Result<Vec<u32>, EtfError>>()?;
    Ok(Term::Reference {
        node: Box::new(node),
        creation,
        ids,
    })
}

/// `EXPORT_EXT`, after its tag.
pub(super) fn export(r: &mut Reader<'_>) -> Result<Term, EtfError> {
    let module = atom_field(r, "export module")?;
    let function = atom_field(r, "export function")?;
    let at = r.pos();
    let tag = r.u8()?;
    if tag != tags::SMALL_INTEGER {
        let field = "export arity";
        return Err(EtfError::at(at, EtfErrorKind::BadFieldTag { field, tag }));
    }
    Ok(Term::ExportFun {
        module: Box::new(module),
        function: Box::new(function),
        arity: r.u8()?,
    })
}

/// The fields of a `NEW_FUN_EXT` before its free variables.
#[derive(Debug)]
pub(super) struct FunHead {
    /// Offset of the tag.
    at: usize,
    /// Offset of the `Size` field, where the size counts from.
    size_at: usize,
    /// The `Size` field.
    declared: u32,
    /// Free variables to read.
    pub(super) num_free: usize,
    arity: u8,
    uniq: [u8; 16],
    index: u32,
    module: Term,
    old_index: i32,
    old_uniq: i32,
    pid: Term,
}

impl FunHead {
    /// Reads the head of a `NEW_FUN_EXT` whose tag, at `at`, has been read.
    pub(super) fn read(r: &mut Reader<'_>, at: usize) -> Result<FunHead, EtfError> {
        let size_at = r.pos();
        let declared = r.u32_be()?;
        let arity = r.u8()?;
        let uniq = r.array::<16>()?;
        let index = r.u32_be()?;
        let count_at = r.pos();
        let num_free = r.u32_be()?;
        let num_free = r.check_count(num_free.into(), 1, count_at)?;
        let module = atom_field(r, "fun module")?;
        let old_index = int_field(r, "fun old index")?;
        let old_uniq = int_field(r, "fun old uniq")?;
        let pid_at = r.pos();
        let pid = match r.u8()? {
            tag @ (tags::PID | tags::NEW_PID) => pid(r, tag)?,
            tag => {
                let field = "fun pid";
                return Err(EtfError::at(
                    pid_at,
                    EtfErrorKind::BadFieldTag { field, tag },
                ));
            }
        };
        Ok(FunHead {
            at,
            size_at,
            declared,
            num_free,
            arity,
            uniq,
            index,
            module,
            old_index,
            old_uniq,
            pid,
        })
    }

    /// The closure, once its free variables are read and the reader is at `end`;
    /// fails if `end` is not where the `Size` field says the fun ends.
    pub(super) fn finish(self, free_vars: Vec<Term>, end: usize) -> Result<Term, EtfError> {
        let actual = end.saturating_sub(self.size_at);
        if usize::try_from(self.declared).ok() != Some(actual) {
            let declared = self.declared;
            return Err(EtfError::at(
                self.at,
                EtfErrorKind::FunSize { declared, actual },
            ));
        }
        Ok(Term::Fun {
            arity: self.arity,
            uniq: self.uniq,
            index: self.index,
            module: Box::new(self.module),
            old_index: self.old_index,
            old_uniq: self.old_uniq,
            pid: Box::new(self.pid),
            free_vars,
        })
    }
}
