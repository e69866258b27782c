//! Turning decoded literals (external term format) into literal-arena terms.

use crate::atom::AtomTable;
use crate::compare::compare;
use crate::heap::Heap;
use crate::term::Term;
use avm_format::etf::Term as Etf;
use num_bigint::{BigInt, Sign};

/// Builds `value` into the literal arena `lits`, interning atoms. Iterative over list
/// tails; nesting depth is bounded by the ETF decoder's limit.
pub fn build(value: &Etf, lits: &mut Heap, atoms: &mut AtomTable) -> Term {
    match value {
        Etf::Integer(i) => lits.int(*i),
        Etf::BigInt {
            negative,
            magnitude_le,
        } => {
            let sign = if *negative { Sign::Minus } else { Sign::Plus };
            lits.bigint(&BigInt::from_bytes_le(sign, magnitude_le))
        }
        Etf::Float(f) => lits.float(*f),
        Etf::Atom(name) => Term::atom(atoms.intern(name)),
        Etf::Nil => Term::NIL,
        Etf::List { elements, tail } => {
            let tail = build(tail, lits, atoms);
            let items: Vec<Term> = elements.iter().map(|e| build(e, lits, atoms)).collect();
            lits.list_with_tail(&items, tail)
        }
        Etf::Tuple(elements) => {
            let items: Vec<Term> = elements.iter().map(|e| build(e, lits, atoms)).collect();
            lits.tuple(&items)
        }
        Etf::Map(pairs) => {
            let mut built: Vec<(Term, Term)> = pairs
                .iter()
                .map(|(k, v)| (build(k, lits, atoms), build(v, lits, atoms)))
                .collect();
            let empty = Heap::default();
            {
                let mem = empty.mem(lits);
                built.sort_by(|a, b| compare(&mem, atoms, a.0, b.0, true));
            }
            let keys: Vec<Term> = built.iter().map(|p| p.0).collect();
            let values: Vec<Term> = built.iter().map(|p| p.1).collect();
            lits.map_sorted(&keys, &values)
        }
        Etf::Binary(bytes) => lits.binary(bytes),
        Etf::BitBinary { bytes, bits } => {
            let total = bytes.len().saturating_sub(1) * 8 + usize::from(*bits);
            lits.bitstring(bytes, total)
        }
        Etf::ExportFun {
            module,
            function,
            arity,
        } => {
            let m = build(module, lits, atoms);
            let f = build(function, lits, atoms);
            lits.export(m, f, *arity)
        }
        Etf::Record {
            exported,
            module,
            name,
            fields,
            values,
        } => {
            let module = build(module, lits, atoms);
            let name = build(name, lits, atoms);
            let fields: Vec<Term> = fields.iter().map(|f| build(f, lits, atoms)).collect();
            let values: Vec<Term> = values.iter().map(|v| build(v, lits, atoms)).collect();
            let def = crate::records::definition(lits, module, name, *exported, &fields);
            lits.record(def, &values)
        }
        // Pids, ports, references and closures never appear in compiled literals.
        _ => Term::atom(atoms.intern("unsupported_literal")),
    }
}
