//! ETS: tables owned by a process, shared by all, each with its own heap the stored
//! objects are copied into (and out of, on lookup). Sets and bags keep objects in
//! insertion order; ordered sets keep them sorted by key. Matching, `select` and
//! traversal are in `ets_select.rs`.

use super::{arg, boolean, check};
use crate::atom::atoms;
use crate::compare::compare;
use crate::heap::gc::copy_term;
use crate::heap::{Heap, Mem};
use crate::interp::{Context, Exception};
use crate::term::{HeaderKind, Term};
use std::cmp::Ordering;
use std::collections::HashMap;

/// A table's type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// One object per key.
    Set,
    /// One object per key, kept in key order.
    OrderedSet,
    /// Distinct objects, several per key.
    Bag,
    /// Objects, duplicates allowed.
    DuplicateBag,
}

/// One table.
#[derive(Debug)]
pub struct Table {
    pub(super) kind: Kind,
    pub(super) keypos: usize,
    pub(super) owner: u32,
    pub(super) name: Option<u32>,
    /// `public`, `protected` (the default) or `private`: reported, not enforced.
    pub(super) protection: &'static str,
    /// Who inherits the table when its owner exits, with what gift (in `heap`).
    pub(super) heir: Option<(u32, Term)>,
    pub(super) heap: Heap,
    pub(super) objects: Vec<Term>,
}

/// Every table, by id, and the named ones by name.
#[derive(Debug, Default)]
pub struct Tables {
    pub(super) tables: HashMap<u64, Table>,
    pub(super) names: HashMap<u32, u64>,
}

impl Tables {
    /// Bytes the tables hold: their objects' heaps and off-heap binaries, and the
    /// object lists.
    pub fn memory(&self) -> usize {
        self.tables
            .values()
            .map(|t| (t.heap.words.capacity() + t.objects.capacity()) * 8)
            .sum()
    }

    /// The off-heap binaries the tables' objects refer to.
    pub fn binaries(&self) -> impl Iterator<Item = &crate::heap::OffHeapBin> {
        self.tables.values().flat_map(|t| t.heap.offheap.iter())
    }

    /// Creates the named set table `name` owned by `owner` (the VM's own tables,
    /// such as `ac_tab`, which application environment lookups read).
    pub fn create_named(&mut self, id: u64, name: u32, owner: u32) {
        let table = Table {
            kind: Kind::Set,
            keypos: 0,
            owner,
            name: Some(name),
            protection: "public",
            heir: None,
            heap: Heap::default(),
            objects: Vec::new(),
        };
        self.tables.insert(id, table);
        self.names.insert(name, id);
    }

    /// How many tables exist.
    pub fn len(&self) -> usize {
        self.tables.len()
    }

    /// Whether no table exists.
    pub fn is_empty(&self) -> bool {
        self.tables.is_empty()
    }

    /// Handles the exit of `pid`: its tables go to their living heirs (`alive`
    /// says who lives), the others are deleted. Returns, for each inheritance, the
    /// heir and the `{'ETS-TRANSFER', Tab, Pid, Gift}` message to send it (in a heap).
    pub fn drop_owned_by(
        &mut self,
        pid: u32,
        alive: impl Fn(u32) -> bool,
        atoms: &mut crate::atom::AtomTable,
    ) -> Vec<(u32, Heap, Term)> {
        let owned: Vec<u64> = self
            .tables
            .iter()
            .filter(|(_, t)| t.owner == pid)
            .map(|(id, _)| *id)
            .collect();
        let mut transfers = Vec::new();
        for id in owned {
            let heir = self.tables.get(&id).and_then(|t| t.heir);
            match heir {
                Some((heir, gift)) if heir != pid && alive(heir) => {
                    let Some(table) = self.tables.get_mut(&id) else {
                        continue;
                    };
                    table.owner = heir;
                    let mut heap = Heap::default();
                    let gift = copy_term(&table.heap, gift, &mut heap);
                    let tab = table.name.map_or_else(|| heap.reference(id), Term::atom);
                    let tag = Term::atom(atoms.intern("ETS-TRANSFER"));
                    let message = heap.tuple(&[tag, tab, Term::pid(pid), gift]);
                    transfers.push((heir, heap, message));
                }
                _ => {
                    if let Some(t) = self.tables.remove(&id) {
                        if let Some(n) = t.name {
                            self.names.remove(&n);
                        }
                    }
                }
            }
        }
        transfers
    }
}

pub(super) fn table_id(ctx: &Context<'_>, t: Term) -> Result<u64, Exception> {
    if let Some(name) = t.as_atom() {
        return ctx
            .vm
            .ets
            .names
            .get(&name)
            .copied()
            .ok_or_else(Exception::badarg);
    }
    match ctx.mem().boxed(t) {
        Some((h, [id])) if h.kind == HeaderKind::Ref && ctx.vm.ets.tables.contains_key(&id.0) => {
            Ok(id.0)
        }
        _ => Err(Exception::badarg()),
    }
}

/// The table `t` names, if the calling process may read it (`write` false) or
/// write it: the owner may do both; others may read `public` and `protected`
/// tables and write `public` ones.
pub(super) fn table_for(ctx: &Context<'_>, t: Term, write: bool) -> Result<u64, Exception> {
    let id = table_id(ctx, t)?;
    let table = ctx.vm.ets.tables.get(&id).ok_or_else(Exception::badarg)?;
    let allowed = table.owner == ctx.proc.pid
        || match table.protection {
            "public" => true,
            "protected" => !write,
            _ => false,
        };
    check(allowed)?;
    Ok(id)
}

pub(super) fn key_of(mem: &Mem<'_>, object: Term, keypos: usize) -> Option<Term> {
    mem.tuple(object)?.get(keypos).copied()
}

/// `ets:new/2`.
pub fn new(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    let name = arg(args, 0).as_atom().ok_or_else(Exception::badarg)?;
    let options = ctx
        .mem()
        .list_elements(arg(args, 1))
        .ok_or_else(Exception::badarg)?;
    let (mut kind, mut keypos, mut named) = (Kind::Set, 0usize, false);
    let mut protection = "protected";
    let mut heir: Option<(u32, Term)> = None;
    for o in options {
        if let Some(a) = o.as_atom() {
            match ctx.vm.atoms.name(a) {
                "set" => kind = Kind::Set,
                "ordered_set" => kind = Kind::OrderedSet,
                "bag" => kind = Kind::Bag,
                "duplicate_bag" => kind = Kind::DuplicateBag,
                "named_table" => named = true,
                "public" => protection = "public",
                "protected" => protection = "protected",
                "private" => protection = "private",
                _ => {}
            }
        } else if let Some([k, p, gift]) = ctx.mem().tuple(o) {
            if k.as_atom().map(|a| ctx.vm.atoms.name(a)) == Some("heir") {
                heir = Some((p.as_pid().ok_or_else(Exception::badarg)?, *gift));
            }
        } else if let Some([k, v]) = ctx.mem().tuple(o) {
            if k.as_atom().map(|a| ctx.vm.atoms.name(a)) == Some("keypos") {
                let p = v
                    .as_small()
                    .filter(|p| *p >= 1)
                    .ok_or_else(Exception::badarg)?;
                keypos = p as usize - 1;
            }
        }
    }
    if named {
        check(!ctx.vm.ets.names.contains_key(&name))?;
    }
    let id = ctx.vm.fresh_id();
    let mut heap = Heap::default();
    let heir = heir.map(|(pid, gift)| (pid, copy_term(&ctx.proc.heap, gift, &mut heap)));
    let table = Table {
        kind,
        keypos,
        owner: ctx.proc.pid,
        name: named.then_some(name),
        protection,
        heir,
        heap,
        objects: Vec::new(),
    };
    ctx.vm.ets.tables.insert(id, table);
    if named {
        ctx.vm.ets.names.insert(name, id);
        return Ok(arg(args, 0));
    }
    Ok(ctx.heap().reference(id))
}

/// Inserts `objects` (already checked to be tuples with a key) into table `id`;
/// with `only_new`, nothing when any key is already present (returns false).
pub(super) fn insert_objects(
    ctx: &mut Context<'_>,
    id: u64,
    objects: &[Term],
    only_new: bool,
) -> Result<bool, Exception> {
    let keypos = ctx
        .vm
        .ets
        .tables
        .get(&id)
        .map(|t| t.keypos)
        .ok_or_else(Exception::badarg)?;
    let mut keys = Vec::with_capacity(objects.len());
    for o in objects {
        keys.push(key_of(&ctx.mem(), *o, keypos).ok_or_else(Exception::badarg)?);
    }
    if only_new {
        for key in &keys {
            if !matching(ctx, id, *key)?.is_empty() {
                return Ok(false);
            }
        }
    }
    for (o, key) in objects.iter().zip(&keys) {
        let existing = matching(ctx, id, *key)?;
        let lits = &ctx.vm.literals;
        let atoms = &ctx.vm.atoms;
        let table = ctx
            .vm
            .ets
            .tables
            .get_mut(&id)
            .ok_or_else(Exception::badarg)?;
        let stored = copy_term(&ctx.proc.heap, *o, &mut table.heap);
        match table.kind {
            Kind::Set | Kind::OrderedSet => {
                if let Some(i) = existing.first() {
                    table.objects[*i] = stored;
                } else if table.kind == Kind::OrderedSet {
                    let tmem = table.heap.mem(lits);
                    let k = key_of(&tmem, stored, keypos).ok_or_else(Exception::badarg)?;
                    let at = table.objects.partition_point(|t| {
                        key_of(&tmem, *t, keypos)
                            .is_some_and(|tk| compare(&tmem, atoms, tk, k, false) == Ordering::Less)
                    });
                    table.objects.insert(at, stored);
                } else {
                    table.objects.push(stored);
                }
            }
            Kind::Bag => {
                let tmem = table.heap.mem(lits);
                let duplicate = existing.iter().any(|i| {
                    table
                        .objects
                        .get(*i)
                        .is_some_and(|t| compare(&tmem, atoms, *t, stored, true) == Ordering::Equal)
                });
                if !duplicate {
                    table.objects.push(stored);
                }
            }
            Kind::DuplicateBag => table.objects.push(stored),
        }
    }
    Ok(true)
}

fn objects_arg(ctx: &Context<'_>, t: Term) -> Result<Vec<Term>, Exception> {
    let list = match ctx.mem().list_elements(t) {
        Some(items) => items,
        None => vec![t],
    };
    check(
        list.iter()
            .all(|o| ctx.mem().tuple(*o).is_some_and(|e| !e.is_empty())),
    )?;
    Ok(list)
}

/// `ets:insert/2`.
pub fn insert(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    let id = table_for(ctx, arg(args, 0), true)?;
    let objects = objects_arg(ctx, arg(args, 1))?;
    insert_objects(ctx, id, &objects, false)?;
    Ok(atoms::true_)
}

/// `ets:insert_new/2`.
pub fn insert_new(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    let id = table_for(ctx, arg(args, 0), true)?;
    let objects = objects_arg(ctx, arg(args, 1))?;
    Ok(boolean(insert_objects(ctx, id, &objects, true)?))
}

/// The stored objects of table `id` whose key equals `key` (a term of the caller).
pub(super) fn matching(ctx: &Context<'_>, id: u64, key: Term) -> Result<Vec<usize>, Exception> {
    let table = ctx.vm.ets.tables.get(&id).ok_or_else(Exception::badarg)?;
    let tmem = table.heap.mem(&ctx.vm.literals);
    // Ordered sets compare keys with `==` (1 and 1.0 are one key), others with `=:=`.
    let exact = table.kind != Kind::OrderedSet;
    let mut found = Vec::new();
    for (i, t) in table.objects.iter().enumerate() {
        let Some(k) = key_of(&tmem, *t, table.keypos) else {
            continue;
        };
        let equal = if exact && (k.is_immediate() || key.is_immediate()) {
            k == key
        } else {
            let mut scratch = Heap::default();
            let theirs = copy_term(&table.heap, k, &mut scratch);
            let ours = copy_term(&ctx.proc.heap, key, &mut scratch);
            let smem = scratch.mem(&ctx.vm.literals);
            compare(&smem, &ctx.vm.atoms, theirs, ours, exact) == Ordering::Equal
        };
        if equal {
            found.push(i);
        }
    }
    Ok(found)
}

pub(super) fn copy_out(
    ctx: &mut Context<'_>,
    id: u64,
    indexes: &[usize],
) -> Result<Vec<Term>, Exception> {
    let table = ctx.vm.ets.tables.get(&id).ok_or_else(Exception::badarg)?;
    let objects: Vec<Term> = indexes
        .iter()
        .filter_map(|i| table.objects.get(*i).copied())
        .collect();
    let mut out = Vec::with_capacity(objects.len());
    for o in objects {
        let table = ctx.vm.ets.tables.get(&id).ok_or_else(Exception::badarg)?;
        out.push(copy_term(&table.heap, o, &mut ctx.proc.heap));
    }
    Ok(out)
}

/// The elements of the object at `index` of table `id`, copied to the caller.
pub(super) fn object_elements(
    ctx: &mut Context<'_>,
    id: u64,
    index: usize,
) -> Result<Vec<Term>, Exception> {
    let object = copy_out(ctx, id, &[index])?
        .pop()
        .ok_or_else(Exception::badarg)?;
    ctx.mem()
        .tuple(object)
        .map(<[Term]>::to_vec)
        .ok_or_else(Exception::badarg)
}

/// `ets:lookup/2`.
pub fn lookup(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    let id = table_for(ctx, arg(args, 0), false)?;
    let found = matching(ctx, id, arg(args, 1))?;
    let objects = copy_out(ctx, id, &found)?;
    Ok(ctx.heap().list(&objects))
}

/// `ets:lookup_element/4` (OTP 26): `Default` when no object has the key.
pub fn lookup_element4(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    let id = table_for(ctx, arg(args, 0), false)?;
    if matching(ctx, id, arg(args, 1))?.is_empty() {
        arg(args, 2)
            .as_small()
            .filter(|p| *p >= 1)
            .ok_or_else(Exception::badarg)?;
        return Ok(arg(args, 3));
    }
    lookup_element(ctx, &args[..3])
}

/// `ets:lookup_element/3`.
pub fn lookup_element(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    let id = table_for(ctx, arg(args, 0), false)?;
    let pos = arg(args, 2)
        .as_small()
        .filter(|p| *p >= 1)
        .ok_or_else(Exception::badarg)? as usize
        - 1;
    let found = matching(ctx, id, arg(args, 1))?;
    check(!found.is_empty())?;
    let objects = copy_out(ctx, id, &found)?;
    let mut values = Vec::new();
    for o in &objects {
        values.push(
            *ctx.mem()
                .tuple(*o)
                .and_then(|e| e.get(pos))
                .ok_or_else(Exception::badarg)?,
        );
    }
    let kind = ctx.vm.ets.tables.get(&id).map(|t| t.kind);
    match (kind, values.as_slice()) {
        (Some(Kind::Set | Kind::OrderedSet), [v]) => Ok(*v),
        _ => Ok(ctx.heap().list(&values)),
    }
}

/// `ets:member/2`.
pub fn member(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    let id = table_for(ctx, arg(args, 0), false)?;
    Ok(boolean(!matching(ctx, id, arg(args, 1))?.is_empty()))
}

/// `ets:delete/1` (the table) and `ets:delete/2` (a key).
pub fn delete(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    let id = table_for(ctx, arg(args, 0), true)?;
    if args.len() == 1 {
        if let Some(t) = ctx.vm.ets.tables.remove(&id) {
            if let Some(n) = t.name {
                ctx.vm.ets.names.remove(&n);
            }
        }
        return Ok(atoms::true_);
    }
    let found = matching(ctx, id, arg(args, 1))?;
    if let Some(table) = ctx.vm.ets.tables.get_mut(&id) {
        for i in found.iter().rev() {
            table.objects.remove(*i);
        }
    }
    Ok(atoms::true_)
}

/// `ets:take/2`.
pub fn take(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    let id = table_for(ctx, arg(args, 0), true)?;
    let found = matching(ctx, id, arg(args, 1))?;
    let objects = copy_out(ctx, id, &found)?;
    if let Some(table) = ctx.vm.ets.tables.get_mut(&id) {
        for i in found.iter().rev() {
            table.objects.remove(*i);
        }
    }
    Ok(ctx.heap().list(&objects))
}

/// `ets:tab2list/1`.
pub fn tab2list(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    let id = table_for(ctx, arg(args, 0), false)?;
    let n = ctx.vm.ets.tables.get(&id).map_or(0, |t| t.objects.len());
    let all: Vec<usize> = (0..n).collect();
    let objects = copy_out(ctx, id, &all)?;
    Ok(ctx.heap().list(&objects))
}

/// `ets:update_counter/3`: `Incr`, `{Pos, Incr}`, `{Pos, Incr, Threshold, SetValue}`
/// or a list of those (answering a list).
pub fn update_counter(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    let id = table_for(ctx, arg(args, 0), true)?;
    let keypos = ctx.vm.ets.tables.get(&id).map_or(0, |t| t.keypos);
    let kind = ctx.vm.ets.tables.get(&id).map(|t| t.kind);
    check(matches!(kind, Some(Kind::Set | Kind::OrderedSet)))?;
    let (ops, many) = match ctx.mem().list_elements(arg(args, 2)) {
        Some(list) => (list, true),
        None => (vec![arg(args, 2)], false),
    };
    let found = matching(ctx, id, arg(args, 1))?;
    let [index] = found.as_slice() else {
        return Err(Exception::badarg());
    };
    let mut elements = object_elements(ctx, id, *index)?;
    let mut results = Vec::with_capacity(ops.len());
    for op in ops {
        let is_int = |ctx: &Context<'_>, t: Term| ctx.mem().is_integer(t);
        let (pos, incr, limit) = match ctx.mem().tuple(op) {
            None if is_int(ctx, op) => (keypos as i64 + 2, op, None),
            Some([p, i]) => (p.as_small().unwrap_or(0), *i, None),
            Some([p, i, t, v]) => (p.as_small().unwrap_or(0), *i, Some((*t, *v))),
            _ => return Err(Exception::badarg()),
        };
        check(pos >= 1 && is_int(ctx, incr))?;
        let pos = pos as usize - 1;
        check(pos != keypos && pos < elements.len() && is_int(ctx, elements[pos]))?;
        let mut value = super::arith::add(ctx, &[elements[pos], incr])?;
        if let Some((threshold, set)) = limit {
            check(is_int(ctx, threshold) && is_int(ctx, set))?;
            let down = compare(
                &ctx.mem(),
                &ctx.vm.atoms,
                incr,
                Term::small(0).unwrap_or(Term::NIL),
                false,
            ) == Ordering::Less;
            let past = compare(&ctx.mem(), &ctx.vm.atoms, value, threshold, false);
            if (!down && past == Ordering::Greater) || (down && past == Ordering::Less) {
                value = set;
            }
        }
        elements[pos] = value;
        results.push(value);
    }
    let updated = ctx.heap().tuple(&elements);
    insert_objects(ctx, id, &[updated], false)?;
    match (many, results.as_slice()) {
        (false, [one]) => Ok(*one),
        _ => Ok(ctx.heap().list(&results)),
    }
}

/// `ets:info/2`.
pub fn info(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    let Ok(id) = table_id(ctx, arg(args, 0)) else {
        return Ok(atoms::undefined);
    };
    let item = arg(args, 1)
        .as_atom()
        .map(|a| ctx.vm.atoms.name(a).to_owned())
        .ok_or_else(Exception::badarg)?;
    let table = ctx.vm.ets.tables.get(&id).ok_or_else(Exception::badarg)?;
    let (kind, size, owner, name, keypos, protection) = (
        table.kind,
        table.objects.len(),
        table.owner,
        table.name,
        table.keypos,
        table.protection,
    );
    let heir = table.heir;
    Ok(match item.as_str() {
        "size" => ctx.heap().int(size as i64),
        "owner" => Term::pid(owner),
        "keypos" => ctx.heap().int(keypos as i64 + 1),
        "named_table" => boolean(name.is_some()),
        "protection" => ctx.atom(protection),
        "id" => arg(args, 0),
        "heir" => heir.map_or_else(|| ctx.atom("none"), |(pid, _)| Term::pid(pid)),
        "read_concurrency" | "write_concurrency" | "compressed" | "decentralized_counters" => {
            atoms::false_
        }
        "memory" => ctx.heap().int(size as i64 * 8),
        "node" => ctx.atom("nonode@nohost"),
        "name" => name.map_or(arg(args, 0), Term::atom),
        "type" => ctx.atom(match kind {
            Kind::Set => "set",
            Kind::OrderedSet => "ordered_set",
            Kind::Bag => "bag",
            Kind::DuplicateBag => "duplicate_bag",
        }),
        _ => atoms::undefined,
    })
}

/// `ets:setopts/2`: `{heir, Pid, Gift}` or `{heir, none}` (or a list of them).
pub fn setopts(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    let id = table_for(ctx, arg(args, 0), true)?;
    let options = match ctx.mem().list_elements(arg(args, 1)) {
        Some(list) => list,
        None => vec![arg(args, 1)],
    };
    for o in options {
        let items = ctx.mem().tuple(o).map(<[Term]>::to_vec).unwrap_or_default();
        let is_heir = |ctx: &Context<'_>, t: &Term| {
            t.as_atom().is_some_and(|a| ctx.vm.atoms.name(a) == "heir")
        };
        match items.as_slice() {
            [k, none] if is_heir(ctx, k) && none.as_atom().is_some() => {
                if let Some(t) = ctx.vm.ets.tables.get_mut(&id) {
                    t.heir = None;
                }
            }
            [k, pid, gift] if is_heir(ctx, k) => {
                let pid = pid.as_pid().ok_or_else(Exception::badarg)?;
                if let Some(t) = ctx.vm.ets.tables.get_mut(&id) {
                    let gift = copy_term(&ctx.proc.heap, *gift, &mut t.heap);
                    t.heir = Some((pid, gift));
                }
            }
            _ => return Err(Exception::badarg()),
        }
    }
    Ok(atoms::true_)
}

/// `ets:whereis/1`.
pub fn whereis(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    let name = arg(args, 0).as_atom().ok_or_else(Exception::badarg)?;
    match ctx.vm.ets.names.get(&name).copied() {
        Some(id) => Ok(ctx.heap().reference(id)),
        None => Ok(atoms::undefined),
    }
}
