//! Loading a module in three stages: parse the container and its tables (panic-free,
//! in `avm_format`), check and translate the code ([`translate`]), and register it.

mod error;
mod literal;
mod records;
mod translate;

pub use error::LoadError;

use crate::atom::AtomTable;
use crate::heap::Heap;
use crate::module::{Function, Instr, Lambda, Mfa, Module};
use avm_format::beam::{code, info, literals::literal_table, Beam};
use avm_format::etf;

/// Parses, verifies and translates `bytes` into module number `index`, interning its
/// atoms in `atoms` and its literals into the literal arena `lits`.
pub fn load(
    index: u32,
    bytes: &[u8],
    atoms: &mut AtomTable,
    lits: &mut Heap,
) -> Result<Module, LoadError> {
    let beam = Beam::parse(bytes)?;
    let names = info::atoms(&beam)?;
    let atom_map: Vec<u32> = names.iter().map(|n| atoms.intern(n)).collect();
    let atom = |i: u32| -> Result<u32, LoadError> {
        (i as usize)
            .checked_sub(1)
            .and_then(|i| atom_map.get(i))
            .copied()
            .ok_or_else(|| LoadError::Table(format!("atom index {i} is outside the atom table")))
    };
    let name = atom(1)?;
    let imports = table(&beam, b"ImpT", 3)?
        .into_iter()
        .map(|r| {
            Ok(Mfa {
                module: atom(r[0])?,
                function: atom(r[1])?,
                arity: arity(r[2])?,
            })
        })
        .collect::<Result<Vec<_>, LoadError>>()?;
    let mut literal_terms = Vec::new();
    for (i, bytes) in literal_table(&beam)?.iter().enumerate() {
        let value = etf::decode(bytes).map_err(|error| LoadError::Literal { index: i, error })?;
        literal_terms.push(literal::build(&value, lits, atoms));
    }
    let record_defs = records::definitions(
        &beam,
        &records::Context {
            module: crate::term::Term::atom(name),
            atoms: &atom_map,
            literals: &literal_terms,
        },
        lits,
    )?;
    let (line_items, files) = match beam.chunk(b"Line") {
        Some(chunk) => {
            let table = avm_format::beam::lines::read(chunk.data)
                .map_err(|e| LoadError::Table(e.to_string()))?;
            (table.items, table.files)
        }
        None => (Vec::new(), Vec::new()),
    };
    let strings = beam
        .chunk(b"StrT")
        .map(|c| c.data.to_vec())
        .unwrap_or_default();
    let code_chunk = beam.require(b"Code")?;
    let generic = code::decode(code_chunk.data)?;
    let translated = translate::translate(
        &generic.instructions,
        &translate::Tables {
            atoms: &atom_map,
            literals: &literal_terms,
            imports: &imports,
            atom_names: &*atoms,
            line_items: &line_items,
            strings: &strings,
            arena: std::cell::RefCell::new(lits),
        },
    )?;
    let label = |n: u32| {
        translated
            .labels
            .get(&n)
            .copied()
            .ok_or_else(|| LoadError::Table(format!("label {n} is not defined")))
    };
    let mut exports = std::collections::HashMap::new();
    let mut export_order = Vec::new();
    for r in table(&beam, b"ExpT", 3)? {
        let key = (atom(r[0])?, arity(r[1])?);
        exports.insert(key, label(r[2])?);
        export_order.push(key);
    }
    let lambdas = table(&beam, b"FunT", 6)?
        .into_iter()
        .map(|r| {
            Ok(Lambda {
                name: atom(r[0])?,
                arity: arity(r[1])?,
                entry: label(r[2])?,
                old_index: r[3],
                free: arity(r[4])?,
                old_uniq: r[5],
            })
        })
        .collect::<Result<Vec<_>, LoadError>>()?;
    let functions = translated
        .code
        .iter()
        .enumerate()
        .filter_map(|(ip, instr)| match instr {
            Instr::FuncInfo {
                function, arity, ..
            } => Some(Function {
                name: function.as_atom().unwrap_or(0),
                arity: *arity,
                start: ip as u32,
            }),
            _ => None,
        })
        .collect();
    Ok(Module {
        index,
        name,
        code: translated.code,
        exports,
        functions,
        imports,
        lambdas,
        lines: translated.lines,
        records: record_defs,
        info: crate::module::ModuleInfo {
            export_order,
            attributes: beam
                .chunk(b"Attr")
                .map(|c| c.data.to_vec())
                .unwrap_or_default(),
            compile: beam
                .chunk(b"CInf")
                .map(|c| c.data.to_vec())
                .unwrap_or_default(),
            md5: md5_of(&beam),
        },
        // With no file names in the line table, BEAM reports `MODULE.erl`.
        file: Some(
            files
                .first()
                .cloned()
                .unwrap_or_else(|| format!("{}.erl", atoms.name(name))),
        ),
        // File 0 of the line table is the module's own source, which the BEAM names
        // `MODULE.erl`; the others are the table's names (included files).
        files: std::iter::once(format!("{}.erl", atoms.name(name)))
            .chain(files)
            .collect(),
    })
}

/// The module's MD5 as the BEAM computes it (`module_info(md5)`, `beam_lib:md5/1`):
/// over the data of its atom, code, string, import, export, fun, literal and `Meta`
/// chunks.
fn md5_of(beam: &avm_format::beam::Beam<'_>) -> [u8; 16] {
    use md5::Digest;
    let mut digest = md5::Md5::new();
    for id in [
        b"AtU8", b"Atom", b"Code", b"StrT", b"ImpT", b"ExpT", b"FunT", b"LitT", b"Meta",
    ] {
        if let Some(chunk) = beam.chunk(id) {
            digest.update(chunk.data);
        }
    }
    digest.finalize().into()
}

fn arity(v: u32) -> Result<u8, LoadError> {
    u8::try_from(v).map_err(|_| LoadError::Table(format!("arity {v} is over 255")))
}

/// Reads a `count, count × width × u32` table; an absent chunk is empty.
fn table(beam: &Beam<'_>, id: &'static [u8; 4], width: usize) -> Result<Vec<Vec<u32>>, LoadError> {
    let Some(chunk) = beam.chunk(id) else {
        return Ok(Vec::new());
    };
    let name = String::from_utf8_lossy(id).into_owned();
    let words: Vec<u32> = chunk
        .data
        .chunks_exact(4)
        .map(|w| u32::from_be_bytes([w[0], w[1], w[2], w[3]]))
        .collect();
    let (count, rows) = words
        .split_first()
        .ok_or_else(|| LoadError::Table(format!("`{name}` has no entry count")))?;
    let count = *count as usize;
    if rows.len() < count.saturating_mul(width) {
        return Err(LoadError::Table(format!(
            "`{name}` is shorter than its {count} entries"
        )));
    }
    Ok(rows
        .chunks_exact(width)
        .take(count)
        .map(<[u32]>::to_vec)
        .collect())
}
