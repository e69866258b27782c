//! OTP 29's native records: `-record #point{x = 0, y = 0}.` defines one; `#point{x =
//! 1}` builds a value of a type of its own (not a tuple, not a map), `R#point.x` reads
//! a field, `#m:point{}` uses a record another module exports (`-export_record`).
//!
//! Here a record value is a boxed object ([`HeaderKind::Record`]) holding its
//! definition — the tuple `{Module, Name, IsExported, {Field, ...}}` — and one value
//! per field, in the definition's field order (declaration order, or the order given
//! to `records:create/4`). A module's definitions come from its `Recs` chunk
//! ([`crate::loader`]); their tuples live in the literal arena and every value of the
//! record shares one.
//!
//! What follows the BEAM: term order (after tuples, before maps: module, name,
//! exported flag, field count, field names, then the values, compared exactly even by
//! `==`), printing (`#m:n{f = V}` through `io_lib`'s own code over the `records`
//! BIFs, `erlang:display/1`), the errors (`{badrecord, Id}`, `{badfield, {{M, N},
//! F}}`, `{novalue, {{M, N}, F}}`), the external term format (tag 67), `records:*`.
//! What does not: `erlang:phash2/1,2` of a record (the BEAM hashes its own internal
//! layout; here the hash is of the definition and values, stable but different).
//!
//! [`HeaderKind::Record`]: crate::term::HeaderKind::Record

use crate::atom::{atoms, AtomTable};
use crate::heap::{Heap, Mem};
use crate::interp::Exception;
use crate::term::Term;

/// A record definition of a loaded module (from its `Recs` chunk).
#[derive(Debug, Clone)]
pub struct RecordDef {
    /// The record's name (atom index).
    pub name: u32,
    /// Whether the module exports it (`-export_record`).
    pub exported: bool,
    /// Field names (atom terms), in declaration order.
    pub fields: Vec<Term>,
    /// Each field's default (a literal), `None` when it has none.
    pub defaults: Vec<Option<Term>>,
    /// The definition tuple values of this record hold, in the literal arena.
    pub def: Term,
}

/// A record value, read.
#[derive(Debug, Clone, Copy)]
pub struct View<'a> {
    /// The definition tuple.
    pub def: Term,
    /// The defining module (an atom).
    pub module: Term,
    /// The record's name (an atom).
    pub name: Term,
    /// Whether the record is exported.
    pub exported: bool,
    /// Field names, in order.
    pub fields: &'a [Term],
    /// Field values, in the same order.
    pub values: &'a [Term],
}

impl View<'_> {
    /// The value of `field`, if the record has it.
    pub fn get(&self, field: Term) -> Option<Term> {
        let i = self.fields.iter().position(|f| *f == field)?;
        self.values.get(i).copied()
    }

    /// `{Module, Name}`, as errors name a record.
    pub fn id(&self, heap: &mut Heap) -> Term {
        heap.tuple(&[self.module, self.name])
    }
}

/// `t` as a record value, if it is one.
pub fn view<'a>(mem: &Mem<'a>, t: Term) -> Option<View<'a>> {
    let (def, values) = mem.record(t)?;
    let [module, name, exported, fields] = mem.tuple(def)? else {
        return None;
    };
    let fields = mem.tuple(*fields)?;
    if fields.len() != values.len() {
        return None;
    }
    Some(View {
        def,
        module: *module,
        name: *name,
        exported: *exported == atoms::true_,
        fields,
        values,
    })
}

/// The definition tuple `{Module, Name, IsExported, {Field, ...}}`, built in `heap`.
pub fn definition(
    heap: &mut Heap,
    module: Term,
    name: Term,
    exported: bool,
    fields: &[Term],
) -> Term {
    let fields = heap.tuple(fields);
    let exported = if exported {
        atoms::true_
    } else {
        atoms::false_
    };
    heap.tuple(&[module, name, exported, fields])
}

/// `error({badrecord, Term})`.
pub fn badrecord(heap: &mut Heap, term: Term) -> Exception {
    Exception::error(heap.tuple(&[atoms::badrecord, term]))
}

/// `error({badfield, {{Module, Name}, Field}})`.
pub fn badfield(
    heap: &mut Heap,
    names: &mut AtomTable,
    view: (Term, Term),
    field: Term,
) -> Exception {
    field_error(heap, names, "badfield", view, field)
}

/// `error({novalue, {{Module, Name}, Field}})`: a field without a default was not given.
pub fn novalue(
    heap: &mut Heap,
    names: &mut AtomTable,
    view: (Term, Term),
    field: Term,
) -> Exception {
    field_error(heap, names, "novalue", view, field)
}

fn field_error(
    heap: &mut Heap,
    names: &mut AtomTable,
    tag: &str,
    (module, name): (Term, Term),
    field: Term,
) -> Exception {
    let tag = Term::atom(names.intern(tag));
    let id = heap.tuple(&[module, name]);
    let what = heap.tuple(&[id, field]);
    Exception::error(heap.tuple(&[tag, what]))
}
