//! Running OTP 29's native-record instructions (see [`crate::records`]).

use super::exec::{fail_or, get, put, Flow};
use super::{Exception, Fault, Yield};
use crate::module::{Instr, Module};
use crate::process::Process;
use crate::records::{self, View};
use crate::term::Term;
use crate::vm::Vm;

/// One record instruction.
pub(super) fn step(
    vm: &mut Vm,
    proc: &mut Process,
    x: &mut [Term],
    module: &Module,
    instr: &Instr,
) -> Flow {
    match instr {
        Instr::IsNativeRecord { fail, src, id } => {
            let t = get(proc, x, *src);
            let ok = records::view(&proc.heap.mem(&vm.literals), t).is_some_and(|r| match id {
                Some((m, n)) => r.module == *m && r.name == *n,
                None => true,
            });
            if ok {
                Flow::Next
            } else {
                Flow::Jump(*fail)
            }
        }
        Instr::IsRecordAccessible { fail, src, module } => {
            let t = get(proc, x, *src);
            let ok = records::view(&proc.heap.mem(&vm.literals), t)
                .is_some_and(|r| r.exported || Some(r.module) == *module);
            if ok {
                Flow::Next
            } else {
                Flow::Jump(*fail)
            }
        }
        Instr::GetRecordElements { fail, src, pairs } => {
            let t = get(proc, x, *src);
            let found: Option<Vec<Term>> = {
                let mem = proc.heap.mem(&vm.literals);
                records::view(&mem, t).and_then(|r| pairs.iter().map(|(k, _)| r.get(*k)).collect())
            };
            match found {
                Some(values) => {
                    for ((_, dst), v) in pairs.iter().zip(values) {
                        put(proc, x, *dst, v);
                    }
                    Flow::Next
                }
                None => Flow::Jump(*fail),
            }
        }
        Instr::PutRecord {
            fail,
            id,
            src,
            dst,
            updates,
        } => {
            let updates: Vec<(Term, Term)> = updates
                .iter()
                .map(|(k, v)| (*k, get(proc, x, *v)))
                .collect();
            let made = match src {
                None => create(vm, proc, module, *id, &updates),
                Some(src) => {
                    let old = get(proc, x, *src);
                    update(vm, proc, *id, old, &updates)
                }
            };
            match made {
                Ok(t) => {
                    put(proc, x, *dst, t);
                    Flow::Next
                }
                Err(e) => fail_or(*fail, e),
            }
        }
        Instr::GetRecordField {
            fail,
            src,
            id,
            field,
            dst,
        } => {
            let t = get(proc, x, *src);
            match get_field(vm, proc, t, *id, *field) {
                Ok(v) => {
                    put(proc, x, *dst, v);
                    Flow::Next
                }
                Err(e) => fail_or(*fail, e),
            }
        }
        _ => Flow::Stop(Yield::Faulted(Fault("not a record instruction".into()))),
    }
}

/// A new record `id` (an atom: `module`'s record; `{M, N}`: an exported record of
/// module `M`, loaded if needed) with `given` fields, the others from defaults.
fn create(
    vm: &mut Vm,
    proc: &mut Process,
    module: &Module,
    id: Term,
    given: &[(Term, Term)],
) -> Result<Term, Exception> {
    let def = match id.as_atom() {
        Some(name) => module.record(name).cloned(),
        None => {
            let pair = proc.heap.mem(&vm.literals).tuple(id).map(<[Term]>::to_vec);
            match pair.as_deref() {
                Some([m, n]) => match (m.as_atom(), n.as_atom()) {
                    (Some(m), Some(n)) => vm.record_def(m, n).filter(|d| d.exported),
                    _ => None,
                },
                _ => None,
            }
        }
    };
    let Some(def) = def else {
        return Err(records::badrecord(&mut proc.heap, id));
    };
    let (rec_module, rec_name) = (Term::atom(module_of(vm, &def)), Term::atom(def.name));
    // A field the record does not have outranks a missing value.
    if let Some((unknown, _)) = given.iter().find(|(k, _)| !def.fields.contains(k)) {
        return Err(records::badfield(
            &mut proc.heap,
            &mut vm.atoms,
            (rec_module, rec_name),
            *unknown,
        ));
    }
    let mut values = Vec::with_capacity(def.fields.len());
    for (field, default) in def.fields.iter().zip(&def.defaults) {
        match given.iter().find(|(k, _)| k == field) {
            Some((_, v)) => values.push(*v),
            None => match default {
                Some(v) => values.push(*v),
                None => {
                    return Err(records::novalue(
                        &mut proc.heap,
                        &mut vm.atoms,
                        (rec_module, rec_name),
                        *field,
                    ))
                }
            },
        }
    }
    Ok(proc.heap.record(def.def, &values))
}

/// The module atom of a definition (its definition tuple's first element).
fn module_of(vm: &Vm, def: &records::RecordDef) -> u32 {
    let empty = crate::heap::Heap::default();
    empty
        .mem(&vm.literals)
        .tuple(def.def)
        .and_then(|t| t.first())
        .and_then(|m| m.as_atom())
        .unwrap_or(0)
}

/// Whether record `r` is the one `id` names: a name atom (any module), `{M, N}`.
fn is(vm: &Vm, proc: &Process, r: &View<'_>, id: Term) -> bool {
    if id.as_atom().is_some() {
        return r.name == id;
    }
    match proc.heap.mem(&vm.literals).tuple(id) {
        Some([m, n]) => r.module == *m && r.name == *n,
        _ => false,
    }
}

/// A copy of record `old` with `updates`.
fn update(
    vm: &mut Vm,
    proc: &mut Process,
    id: Term,
    old: Term,
    updates: &[(Term, Term)],
) -> Result<Term, Exception> {
    let read = {
        let mem = proc.heap.mem(&vm.literals);
        records::view(&mem, old)
            .filter(|r| is(vm, proc, r, id))
            .map(|r| {
                (
                    r.def,
                    r.module,
                    r.name,
                    r.fields.to_vec(),
                    r.values.to_vec(),
                )
            })
    };
    let Some((def, module, name, fields, mut values)) = read else {
        return Err(records::badrecord(&mut proc.heap, old));
    };
    for (k, v) in updates {
        match fields.iter().position(|f| f == k) {
            Some(i) => values[i] = *v,
            None => {
                return Err(records::badfield(
                    &mut proc.heap,
                    &mut vm.atoms,
                    (module, name),
                    *k,
                ))
            }
        }
    }
    Ok(proc.heap.record(def, &values))
}

/// Field `field` of record `t` named by `id` (a name atom, `{M, N}` of an exported
/// record, or `'_'`).
fn get_field(
    vm: &mut Vm,
    proc: &mut Process,
    t: Term,
    id: Term,
    field: Term,
) -> Result<Term, Exception> {
    let any = id.as_atom().is_some_and(|a| vm.atoms.name(a) == "_");
    let read = {
        let mem = proc.heap.mem(&vm.literals);
        records::view(&mem, t)
            .filter(|r| any || (is(vm, proc, r, id) && (id.as_atom().is_some() || r.exported)))
            .map(|r| (r.get(field), r.module, r.name))
    };
    match read {
        None => Err(records::badrecord(&mut proc.heap, t)),
        Some((Some(v), _, _)) => Ok(v),
        Some((None, module, name)) => Err(records::badfield(
            &mut proc.heap,
            &mut vm.atoms,
            (module, name),
            field,
        )),
    }
}
