//! The `records` module's BIFs and `erlang:is_record/1,3` on OTP 29's native records
//! (see [`crate::records`]).

use super::{arg, boolean, check};
use crate::atom::atoms;
use crate::interp::{Context, Exception};
use crate::module::NativeFn;
use crate::records::{self, View};
use crate::term::Term;

/// The natives of this family.
pub fn lookup(module: &str, function: &str, arity: u8) -> Option<NativeFn> {
    let f: NativeFn = match (module, function, arity) {
        ("erlang", "is_record", 1) => is_record1,
        ("records", "get", 2) => get,
        ("records", "get_module", 1) => get_module,
        ("records", "get_name", 1) => get_name,
        ("records", "get_field_names", 1) => get_field_names,
        ("records", "is_exported", 1) => is_exported,
        ("records", "create", 4) => create,
        ("records", "update", 4) => update,
        ("records", "get_definition", 2) => get_definition,
        _ => return None,
    };
    Some(f)
}

/// A record's parts, copied out of the heap.
struct Parts {
    module: Term,
    name: Term,
    exported: bool,
    fields: Vec<Term>,
    values: Vec<Term>,
}

/// The parts of record `t`, if it is one.
fn parts(ctx: &Context<'_>, t: Term) -> Option<Parts> {
    let mem = ctx.mem();
    records::view(&mem, t).map(|r: View<'_>| Parts {
        module: r.module,
        name: r.name,
        exported: r.exported,
        fields: r.fields.to_vec(),
        values: r.values.to_vec(),
    })
}

/// `is_record/1`: whether the term is a native record.
pub fn is_record1(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    Ok(boolean(records::view(&ctx.mem(), arg(args, 0)).is_some()))
}

/// `is_record(Term, Module, Name)` (OTP 29): whether the term is native record `Name`
/// of `Module`; `None` when the third argument is not an atom (a tuple-record test).
pub fn is_native_record3(ctx: &mut Context<'_>, args: &[Term]) -> Option<Result<Term, Exception>> {
    let name = arg(args, 2);
    name.as_atom()?;
    let module = arg(args, 1);
    if module.as_atom().is_none() {
        return Some(Err(Exception::badarg()));
    }
    let mem = ctx.mem();
    let yes =
        records::view(&mem, arg(args, 0)).is_some_and(|r| r.module == module && r.name == name);
    Some(Ok(boolean(yes)))
}

/// `records:get(Key, Record)`.
pub fn get(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    let mem = ctx.mem();
    let r = records::view(&mem, arg(args, 1)).ok_or_else(Exception::badarg)?;
    r.get(arg(args, 0)).ok_or_else(Exception::badarg)
}

/// `records:get_module(Record)`.
pub fn get_module(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    parts(ctx, arg(args, 0))
        .map(|p| p.module)
        .ok_or_else(Exception::badarg)
}

/// `records:get_name(Record)`.
pub fn get_name(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    parts(ctx, arg(args, 0))
        .map(|p| p.name)
        .ok_or_else(Exception::badarg)
}

/// `records:get_field_names(Record)`, in the record's order.
pub fn get_field_names(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    match parts(ctx, arg(args, 0)) {
        Some(p) => Ok(ctx.heap().list(&p.fields)),
        None => Err(records::badrecord(ctx.heap(), arg(args, 0))),
    }
}

/// `records:is_exported(Record)`.
pub fn is_exported(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    match parts(ctx, arg(args, 0)) {
        Some(p) => Ok(boolean(p.exported)),
        None => Err(records::badrecord(ctx.heap(), arg(args, 0))),
    }
}

/// `records:create(Module, Name, [{Field, Value}], #{is_exported => Bool})`: the
/// fields in the order given.
pub fn create(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    let (module, name, fields, opts) = (arg(args, 0), arg(args, 1), arg(args, 2), arg(args, 3));
    if module.as_atom().is_none() || name.as_atom().is_none() {
        return Err(records::badrecord(ctx.heap(), name));
    }
    let Some(opts_pairs) = super::maps::pairs(ctx, opts) else {
        let reason = ctx.heap().tuple(&[atoms::badmap, opts]);
        return Err(Exception::error(reason));
    };
    let is_exported = ctx.atom("is_exported");
    let exported = match opts_pairs.as_slice() {
        [(k, v)] if *k == is_exported && (*v == atoms::true_ || *v == atoms::false_) => {
            *v == atoms::true_
        }
        _ => return Err(Exception::badarg()),
    };
    let items = ctx
        .mem()
        .list_elements(fields)
        .ok_or_else(Exception::badarg)?;
    let mut names = Vec::with_capacity(items.len());
    let mut values = Vec::with_capacity(items.len());
    for item in items {
        let (k, v) = match ctx.mem().tuple(item) {
            Some([k, v]) => (*k, *v),
            _ => return Err(Exception::badarg()),
        };
        if k.as_atom().is_none() {
            return Err(records::badfield(
                &mut ctx.proc.heap,
                &mut ctx.vm.atoms,
                (module, name),
                k,
            ));
        }
        check(!names.contains(&k))?;
        names.push(k);
        values.push(v);
    }
    let def = records::definition(ctx.heap(), module, name, exported, &names);
    Ok(ctx.heap().record(def, &values))
}

/// `records:update(Record, Module, Name, #{Field => Value})` (`Name` may be `'_'`).
pub fn update(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    let (src, module, name, changes) = (arg(args, 0), arg(args, 1), arg(args, 2), arg(args, 3));
    let Some(Parts {
        module: rec_module,
        name: rec_name,
        fields,
        mut values,
        ..
    }) = parts(ctx, src)
    else {
        return Err(records::badrecord(ctx.heap(), src));
    };
    let any = name.as_atom().is_some_and(|a| ctx.vm.atoms.name(a) == "_");
    if !any && (module != rec_module || name != rec_name) {
        return Err(records::badrecord(ctx.heap(), name));
    }
    let Some(changes) = super::maps::pairs(ctx, changes) else {
        let reason = ctx.heap().tuple(&[atoms::badmap, changes]);
        return Err(Exception::error(reason));
    };
    if changes.is_empty() {
        return Ok(src);
    }
    for (k, v) in changes {
        match fields.iter().position(|f| *f == k) {
            Some(i) => values[i] = v,
            None => {
                return Err(records::badfield(
                    &mut ctx.proc.heap,
                    &mut ctx.vm.atoms,
                    (rec_module, rec_name),
                    k,
                ))
            }
        }
    }
    let def = ctx
        .mem()
        .record(src)
        .map(|(d, _)| d)
        .ok_or_else(Exception::badarg)?;
    Ok(ctx.heap().record(def, &values))
}

/// `records:get_definition(Module, Name)`: `{#{is_exported => Bool}, Fields}` where a
/// field is `{Name, Default}`, or `Name` when it has no default.
pub fn get_definition(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    let (module, name) = (arg(args, 0), arg(args, 1));
    let (Some(m), Some(n)) = (module.as_atom(), name.as_atom()) else {
        return Err(Exception::badarg());
    };
    let def = ctx.vm.record_def(m, n).ok_or_else(Exception::badarg)?;
    let mut fields = Vec::with_capacity(def.fields.len());
    for (f, default) in def.fields.iter().zip(&def.defaults) {
        fields.push(match default {
            Some(v) => ctx.heap().tuple(&[*f, *v]),
            None => *f,
        });
    }
    let fields = ctx.heap().list(&fields);
    let key = ctx.atom("is_exported");
    let opts = ctx.heap().map_sorted(&[key], &[boolean(def.exported)]);
    Ok(ctx.heap().tuple(&[opts, fields]))
}
