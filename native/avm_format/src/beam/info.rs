//! What a module declares: its name (the first atom), its exports and its imports.

use super::error::{BeamError, BeamErrorKind};
use super::iff::{Beam, Chunk};
use crate::bytes::Cursor;
use crate::compact;

/// The names a module declares, read from `AtU8` (or `Atom`), `ExpT` and `ImpT`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ModuleInfo {
    /// The module's name.
    pub name: String,
    /// Exported functions as (name, arity).
    pub exports: Vec<(String, u32)>,
    /// Imported functions as (module, function, arity), in `ImpT` order.
    pub imports: Vec<(String, String, u32)>,
}

impl ModuleInfo {
    /// Reads the module's name, exports and imports. Requires `Code` and atoms.
    pub fn read(beam: &Beam<'_>) -> Result<Self, BeamError> {
        beam.require(b"Code")?;
        let atoms = atoms(beam)?;
        let name = atoms.first().cloned().ok_or(BeamError::at(
            atom_chunk(beam)?.offset,
            BeamErrorKind::BadChunk {
                id: "AtU8",
                reason: "the atom table is empty, so the module has no name",
            },
        ))?;
        let exports = match beam.chunk(b"ExpT") {
            Some(chunk) => triples(chunk, "ExpT")?
                .into_iter()
                .map(|[f, arity, _label]| Ok((atom(&atoms, f, chunk, "ExpT")?, arity)))
                .collect::<Result<_, BeamError>>()?,
            None => Vec::new(),
        };
        let imports = match beam.chunk(b"ImpT") {
            Some(chunk) => triples(chunk, "ImpT")?
                .into_iter()
                .map(|[m, f, arity]| {
                    Ok((
                        atom(&atoms, m, chunk, "ImpT")?,
                        atom(&atoms, f, chunk, "ImpT")?,
                        arity,
                    ))
                })
                .collect::<Result<_, BeamError>>()?,
            None => Vec::new(),
        };
        Ok(ModuleInfo {
            name,
            exports,
            imports,
        })
    }

    /// Whether the module exports `name/arity`.
    pub fn exports(&self, name: &str, arity: u32) -> bool {
        self.exports.iter().any(|(f, a)| f == name && *a == arity)
    }

    /// The distinct modules this module calls, in first-use order.
    pub fn imported_modules(&self) -> Vec<&str> {
        let mut seen: Vec<&str> = Vec::new();
        for (module, _, _) in &self.imports {
            if !seen.contains(&module.as_str()) {
                seen.push(module);
            }
        }
        seen
    }
}

fn atom_chunk<'b, 'a>(beam: &'b Beam<'a>) -> Result<&'b Chunk<'a>, BeamError> {
    beam.chunk(b"AtU8")
        .or_else(|| beam.chunk(b"Atom"))
        .ok_or(BeamError::at(beam.len, BeamErrorKind::MissingChunk("AtU8")))
}

/// The atom table (`AtU8`, UTF-8; or the legacy latin-1 `Atom`), index 0 = atom 1.
pub fn atoms(beam: &Beam<'_>) -> Result<Vec<String>, BeamError> {
    let chunk = atom_chunk(beam)?;
    let utf8 = &chunk.id == b"AtU8";
    let bad = |reason| {
        BeamError::at(
            chunk.offset,
            BeamErrorKind::BadChunk {
                id: if utf8 { "AtU8" } else { "Atom" },
                reason,
            },
        )
    };
    let mut cursor = Cursor::new(chunk.data);
    let count = cursor.i32_be().ok_or_else(|| bad("no atom count"))?;
    // OTP 28 writes a negative count when atom lengths use the compact encoding.
    let long_lengths = count < 0;
    let count = usize::try_from(count.unsigned_abs()).map_err(|_| bad("atom count too large"))?;
    if count > cursor.remaining() {
        return Err(bad("atom count exceeds the chunk's size"));
    }
    let mut atoms = Vec::with_capacity(count);
    for _ in 0..count {
        let len = if long_lengths {
            compact::read_u(&mut cursor)
                .ok()
                .and_then(|n| usize::try_from(n).ok())
        } else {
            cursor.u8().map(usize::from)
        }
        .ok_or_else(|| bad("atom length cut short"))?;
        let bytes = cursor
            .take(len)
            .ok_or_else(|| bad("atom text runs past the chunk"))?;
        let text = if utf8 {
            String::from_utf8(bytes.to_vec()).map_err(|_| bad("atom text is not UTF-8"))?
        } else {
            bytes.iter().map(|&b| char::from(b)).collect()
        };
        atoms.push(text);
    }
    Ok(atoms)
}

/// Reads a `count, count × (u32, u32, u32)` table such as `ExpT` or `ImpT`.
fn triples(chunk: &Chunk<'_>, id: &'static str) -> Result<Vec<[u32; 3]>, BeamError> {
    let bad = |reason| BeamError::at(chunk.offset, BeamErrorKind::BadChunk { id, reason });
    let mut cursor = Cursor::new(chunk.data);
    let count = cursor.u32_be().ok_or_else(|| bad("no entry count"))?;
    let count = usize::try_from(count).map_err(|_| bad("entry count too large"))?;
    if count.saturating_mul(12) > cursor.remaining() {
        return Err(bad("entry count exceeds the chunk's size"));
    }
    let mut out = Vec::with_capacity(count);
    for _ in 0..count {
        match (cursor.u32_be(), cursor.u32_be(), cursor.u32_be()) {
            (Some(a), Some(b), Some(c)) => out.push([a, b, c]),
            _ => return Err(bad("entry cut short")),
        }
    }
    Ok(out)
}

fn atom(
    atoms: &[String],
    index: u32,
    chunk: &Chunk<'_>,
    id: &'static str,
) -> Result<String, BeamError> {
    usize::try_from(index)
        .ok()
        .and_then(|i| i.checked_sub(1))
        .and_then(|i| atoms.get(i))
        .cloned()
        .ok_or(BeamError::at(
            chunk.offset,
            BeamErrorKind::BadChunk {
                id,
                reason: "refers to an atom index outside the atom table",
            },
        ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::beam::iff::write;

    fn atu8(atoms: &[&str]) -> Vec<u8> {
        let mut out = (atoms.len() as u32).to_be_bytes().to_vec();
        for a in atoms {
            out.push(a.len() as u8);
            out.extend_from_slice(a.as_bytes());
        }
        out
    }

    fn table(rows: &[[u32; 3]]) -> Vec<u8> {
        let mut out = (rows.len() as u32).to_be_bytes().to_vec();
        for row in rows {
            for v in row {
                out.extend_from_slice(&v.to_be_bytes());
            }
        }
        out
    }

    #[test]
    fn reads_name_exports_and_imports() {
        let bytes = write(&[
            (*b"AtU8", atu8(&["hello", "start", "io", "format", "ok"])),
            (*b"Code", vec![0; 4]),
            (*b"ExpT", table(&[[2, 0, 2]])),
            (*b"ImpT", table(&[[3, 4, 2], [3, 4, 1]])),
        ]);
        let info = ModuleInfo::read(&Beam::parse(&bytes).unwrap()).unwrap();
        assert_eq!(info.name, "hello");
        assert!(info.exports("start", 0));
        assert!(!info.exports("start", 1));
        assert_eq!(info.imported_modules(), ["io"]);
    }

    #[test]
    fn reads_otp28_long_atom_lengths() {
        // Negative count: lengths in the compact encoding (5 = 0x50).
        let mut chunk = (-1i32).to_be_bytes().to_vec();
        chunk.push(0x50);
        chunk.extend_from_slice(b"hello");
        let bytes = write(&[(*b"AtU8", chunk), (*b"Code", vec![0; 4])]);
        let info = ModuleInfo::read(&Beam::parse(&bytes).unwrap()).unwrap();
        assert_eq!(info.name, "hello");
    }

    #[test]
    fn rejects_out_of_range_atoms_and_missing_chunks() {
        let bytes = write(&[
            (*b"AtU8", atu8(&["m"])),
            (*b"Code", vec![0; 4]),
            (*b"ImpT", table(&[[9, 1, 0]])),
        ]);
        let err = ModuleInfo::read(&Beam::parse(&bytes).unwrap()).unwrap_err();
        assert!(matches!(
            err.kind,
            BeamErrorKind::BadChunk { id: "ImpT", .. }
        ));

        let no_code = write(&[(*b"AtU8", atu8(&["m"]))]);
        let err = ModuleInfo::read(&Beam::parse(&no_code).unwrap()).unwrap_err();
        assert_eq!(err.kind, BeamErrorKind::MissingChunk("Code"));

        let no_atoms = write(&[(*b"Code", vec![0; 4])]);
        let err = ModuleInfo::read(&Beam::parse(&no_atoms).unwrap()).unwrap_err();
        assert_eq!(err.kind, BeamErrorKind::MissingChunk("AtU8"));
    }

    #[test]
    fn rejects_huge_counts_without_allocating() {
        let bytes = write(&[
            (*b"AtU8", u32::MAX.to_be_bytes().to_vec()),
            (*b"Code", vec![0; 4]),
        ]);
        let err = ModuleInfo::read(&Beam::parse(&bytes).unwrap()).unwrap_err();
        assert!(matches!(
            err.kind,
            BeamErrorKind::BadChunk { id: "AtU8", .. }
        ));
    }
}
