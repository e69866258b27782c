//! ETS queries over whole tables: `select`/`match` (with match specifications, see
//! `match_spec.rs`) and their `_count`/`_delete`/`_object` forms and continuations,
//! traversal (`first`/`next`/`last`/`prev`), `delete_object`, `delete_all_objects`,
//! `update_element`, `update_counter/4` and `info/1`.

use super::ets::{copy_out, insert_objects, key_of, matching, table_for, table_id, Kind};
use super::match_spec::MatchSpec;
use super::{arg, check};
use crate::atom::atoms;
use crate::compare::compare;
use crate::heap::gc::copy_term;
use crate::interp::{Context, Exception};
use crate::term::Term;
use std::cmp::Ordering;

/// What a query does with each matching object.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Action {
    /// Collect the body's value.
    Collect,
    /// Count objects whose body is `true`.
    Count,
    /// Delete objects whose body is `true`.
    Delete,
}

fn object_count(ctx: &Context<'_>, id: u64) -> usize {
    ctx.vm.ets.tables.get(&id).map_or(0, |t| t.objects.len())
}

/// Runs `spec` over the objects of table `id`, skipping the first `start` (from the
/// end when `reverse`), up to `limit` results; returns the results, how many objects
/// were scanned, and the indexes of the objects whose body was `true`.
fn scan(
    ctx: &mut Context<'_>,
    id: u64,
    spec: &MatchSpec,
    action: Action,
    (start, limit, reverse): (usize, usize, bool),
) -> Result<(Vec<Term>, usize, Vec<usize>), Exception> {
    let mut results = Vec::new();
    let mut hits = Vec::new();
    let mut scanned = start;
    while scanned < object_count(ctx, id) && results.len() < limit {
        let n = object_count(ctx, id);
        let i = if reverse { n - 1 - scanned } else { scanned };
        let object = copy_out(ctx, id, &[i])?
            .pop()
            .ok_or_else(Exception::badarg)?;
        if let Some(value) = spec.run(ctx, object) {
            match action {
                Action::Collect => results.push(value),
                Action::Count | Action::Delete if value == atoms::true_ => hits.push(i),
                _ => {}
            }
        }
        scanned += 1;
    }
    Ok((results, scanned, hits))
}

fn remove_indexes(ctx: &mut Context<'_>, id: u64, indexes: &[usize]) {
    if let Some(table) = ctx.vm.ets.tables.get_mut(&id) {
        for i in indexes.iter().rev() {
            if *i < table.objects.len() {
                table.objects.remove(*i);
            }
        }
    }
}

/// `ets:select/2`.
pub fn select(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    let id = table_for(ctx, arg(args, 0), false)?;
    let spec = MatchSpec::parse(ctx, arg(args, 1))?;
    let (results, _, _) = scan(ctx, id, &spec, Action::Collect, (0, usize::MAX, false))?;
    Ok(ctx.heap().list(&results))
}

/// `ets:select_reverse/2`.
pub fn select_reverse(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    let id = table_for(ctx, arg(args, 0), false)?;
    let spec = MatchSpec::parse(ctx, arg(args, 1))?;
    let (results, _, _) = scan(ctx, id, &spec, Action::Collect, (0, usize::MAX, true))?;
    Ok(ctx.heap().list(&results))
}

/// `ets:select_count/2`.
pub fn select_count(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    let id = table_for(ctx, arg(args, 0), false)?;
    let spec = MatchSpec::parse(ctx, arg(args, 1))?;
    let (_, _, hits) = scan(ctx, id, &spec, Action::Count, (0, usize::MAX, false))?;
    Ok(ctx.heap().int(hits.len() as i64))
}

/// `ets:select_delete/2`.
pub fn select_delete(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    let id = table_for(ctx, arg(args, 0), true)?;
    let spec = MatchSpec::parse(ctx, arg(args, 1))?;
    let (_, _, hits) = scan(ctx, id, &spec, Action::Delete, (0, usize::MAX, false))?;
    remove_indexes(ctx, id, &hits);
    Ok(ctx.heap().int(hits.len() as i64))
}

/// One chunk and its continuation, `{'$ets_continuation', Table, Spec, Scanned,
/// Limit, Reverse}`, or `'$end_of_table'` once the table is exhausted.
fn chunk(
    ctx: &mut Context<'_>,
    table: Term,
    spec_term: Term,
    (start, limit, reverse): (usize, usize, bool),
) -> Result<Term, Exception> {
    let id = table_for(ctx, table, false)?;
    let spec = MatchSpec::parse(ctx, spec_term)?;
    let (results, next, _) = scan(ctx, id, &spec, Action::Collect, (start, limit, reverse))?;
    if results.is_empty() {
        return Ok(ctx.atom("$end_of_table"));
    }
    let cont = if next >= object_count(ctx, id) {
        ctx.atom("$end_of_table")
    } else {
        let tag = ctx.atom("$ets_continuation");
        let next = ctx.heap().int(next as i64);
        let limit = ctx.heap().int(limit as i64);
        let reverse = super::boolean(reverse);
        ctx.heap()
            .tuple(&[tag, table, spec_term, next, limit, reverse])
    };
    let list = ctx.heap().list(&results);
    Ok(ctx.heap().tuple(&[list, cont]))
}

fn limit_arg(t: Term) -> Result<usize, Exception> {
    t.as_small()
        .filter(|n| *n >= 1)
        .map(|n| n as usize)
        .ok_or_else(Exception::badarg)
}

/// `ets:select/3`: at most `Limit` results and a continuation.
pub fn select3(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    let limit = limit_arg(arg(args, 2))?;
    chunk(ctx, arg(args, 0), arg(args, 1), (0, limit, false))
}

/// `ets:select_reverse/3`.
pub fn select_reverse3(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    let limit = limit_arg(arg(args, 2))?;
    chunk(ctx, arg(args, 0), arg(args, 1), (0, limit, true))
}

/// `ets:select/1`, `ets:match/1`, `ets:match_object/1`: the next chunk.
pub fn select_continue(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    let c = arg(args, 0);
    if c.as_atom()
        .is_some_and(|a| ctx.vm.atoms.name(a) == "$end_of_table")
    {
        return Ok(c);
    }
    let items = ctx
        .mem()
        .tuple(c)
        .map(<[Term]>::to_vec)
        .ok_or_else(Exception::badarg)?;
    let [tag, table, spec, next, limit, reverse] = items.as_slice() else {
        return Err(Exception::badarg());
    };
    check(
        tag.as_atom()
            .is_some_and(|a| ctx.vm.atoms.name(a) == "$ets_continuation"),
    )?;
    let next = next
        .as_small()
        .filter(|n| *n >= 0)
        .ok_or_else(Exception::badarg)? as usize;
    let position = (next, limit_arg(*limit)?, *reverse == atoms::true_);
    chunk(ctx, *table, *spec, position)
}

fn pattern_spec(ctx: &mut Context<'_>, pattern: Term, result: &str) -> Term {
    let result = ctx.atom(result);
    let body = ctx.heap().list(&[result]);
    let clause = ctx.heap().tuple(&[pattern, Term::NIL, body]);
    ctx.heap().list(&[clause])
}

/// `ets:match/2`: the bindings of each matching object.
pub fn match_(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    let spec = pattern_spec(ctx, arg(args, 1), "$$");
    select(ctx, &[arg(args, 0), spec])
}

/// `ets:match/3`.
pub fn match3(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    let spec = pattern_spec(ctx, arg(args, 1), "$$");
    select3(ctx, &[arg(args, 0), spec, arg(args, 2)])
}

/// `ets:match_object/2`.
pub fn match_object(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    let spec = pattern_spec(ctx, arg(args, 1), "$_");
    select(ctx, &[arg(args, 0), spec])
}

/// `ets:match_object/3`.
pub fn match_object3(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    let spec = pattern_spec(ctx, arg(args, 1), "$_");
    select3(ctx, &[arg(args, 0), spec, arg(args, 2)])
}

/// `ets:match_delete/2`.
pub fn match_delete(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    let id = table_for(ctx, arg(args, 0), true)?;
    let spec = MatchSpec::from_pattern(arg(args, 1), atoms::true_);
    let (_, _, hits) = scan(ctx, id, &spec, Action::Delete, (0, usize::MAX, false))?;
    remove_indexes(ctx, id, &hits);
    Ok(atoms::true_)
}

/// `ets:delete_object/2`: removes the objects equal to `Object`.
pub fn delete_object(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    let id = table_for(ctx, arg(args, 0), true)?;
    let object = arg(args, 1);
    let keypos = ctx.vm.ets.tables.get(&id).map_or(0, |t| t.keypos);
    let key = key_of(&ctx.mem(), object, keypos).ok_or_else(Exception::badarg)?;
    let candidates = matching(ctx, id, key)?;
    let stored = copy_out(ctx, id, &candidates)?;
    let equal: Vec<usize> = candidates
        .iter()
        .zip(&stored)
        .filter(|(_, s)| compare(&ctx.mem(), &ctx.vm.atoms, **s, object, true) == Ordering::Equal)
        .map(|(i, _)| *i)
        .collect();
    remove_indexes(ctx, id, &equal);
    Ok(atoms::true_)
}

/// `ets:delete_all_objects/1`.
pub fn delete_all_objects(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    let id = table_for(ctx, arg(args, 0), true)?;
    if let Some(table) = ctx.vm.ets.tables.get_mut(&id) {
        table.objects.clear();
        table.heap = crate::heap::Heap::default();
    }
    Ok(atoms::true_)
}

/// The key of the object at `index`, copied to the caller.
fn key_at(ctx: &mut Context<'_>, id: u64, index: usize) -> Result<Term, Exception> {
    let table = ctx.vm.ets.tables.get(&id).ok_or_else(Exception::badarg)?;
    let object = *table.objects.get(index).ok_or_else(Exception::badarg)?;
    let key = key_of(&table.heap.mem(&ctx.vm.literals), object, table.keypos)
        .ok_or_else(Exception::badarg)?;
    Ok(copy_term(&table.heap, key, &mut ctx.proc.heap))
}

/// The distinct keys of table `id`, in traversal order, with the index of each
/// key's first object.
fn key_indexes(ctx: &mut Context<'_>, id: u64) -> Result<Vec<(Term, usize)>, Exception> {
    let mut out: Vec<(Term, usize)> = Vec::new();
    for i in 0..object_count(ctx, id) {
        let key = key_at(ctx, id, i)?;
        let seen = out
            .iter()
            .any(|(k, _)| compare(&ctx.mem(), &ctx.vm.atoms, *k, key, true) == Ordering::Equal);
        if !seen {
            out.push((key, i));
        }
    }
    Ok(out)
}

fn end_of_table(ctx: &mut Context<'_>) -> Term {
    ctx.atom("$end_of_table")
}

/// `ets:first/1` and `ets:last/1` (the same order for unordered tables, reversed).
fn edge(ctx: &mut Context<'_>, args: &[Term], last: bool) -> Result<Term, Exception> {
    let id = table_id(ctx, arg(args, 0))?;
    let n = object_count(ctx, id);
    if n == 0 {
        return Ok(end_of_table(ctx));
    }
    key_at(ctx, id, if last { n - 1 } else { 0 })
}

/// `ets:first/1`.
pub fn first(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    edge(ctx, args, false)
}

/// `ets:last/1`.
pub fn last(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    edge(ctx, args, true)
}

/// `ets:next/2` and `ets:prev/2`.
fn step(ctx: &mut Context<'_>, args: &[Term], forward: bool) -> Result<Term, Exception> {
    let id = table_for(ctx, arg(args, 0), false)?;
    let key = arg(args, 1);
    let ordered = ctx.vm.ets.tables.get(&id).map(|t| t.kind) == Some(Kind::OrderedSet);
    let keys = key_indexes(ctx, id)?;
    // Term order (numbers by value); key equality is `==` in ordered sets.
    let cmp = |ctx: &Context<'_>, a: Term| compare(&ctx.mem(), &ctx.vm.atoms, a, key, !ordered);
    let found = if ordered {
        // The next key in term order, whether or not `key` is in the table.
        let candidates: Vec<Term> = keys.iter().map(|(k, _)| *k).collect();
        if forward {
            candidates
                .into_iter()
                .find(|k| cmp(ctx, *k) == Ordering::Greater)
        } else {
            candidates
                .into_iter()
                .rev()
                .find(|k| cmp(ctx, *k) == Ordering::Less)
        }
    } else {
        let at = keys
            .iter()
            .position(|(k, _)| cmp(ctx, *k) == Ordering::Equal)
            .ok_or_else(Exception::badarg)?;
        let next = if forward {
            at.checked_add(1)
        } else {
            at.checked_sub(1)
        };
        next.and_then(|i| keys.get(i)).map(|(k, _)| *k)
    };
    Ok(found.unwrap_or_else(|| end_of_table(ctx)))
}

/// `ets:next/2`.
pub fn next(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    step(ctx, args, true)
}

/// `ets:prev/2`.
pub fn prev(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    step(ctx, args, false)
}

/// `{Key, Objects}` for a key a traversal BIF returned, or `'$end_of_table'` as is:
/// OTP 27's `first_lookup/1`, `next_lookup/2`, `last_lookup/1`, `prev_lookup/2`.
fn with_objects(ctx: &mut Context<'_>, tab: Term, key: Term) -> Result<Term, Exception> {
    if key == end_of_table(ctx) {
        return Ok(key);
    }
    let objects = super::ets::lookup(ctx, &[tab, key])?;
    Ok(ctx.heap().tuple(&[key, objects]))
}

/// `ets:first_lookup/1` (OTP 27).
pub fn first_lookup(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    let key = first(ctx, args)?;
    with_objects(ctx, arg(args, 0), key)
}

/// `ets:last_lookup/1` (OTP 27).
pub fn last_lookup(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    let key = last(ctx, args)?;
    with_objects(ctx, arg(args, 0), key)
}

/// `ets:next_lookup/2` (OTP 27).
pub fn next_lookup(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    let key = next(ctx, args)?;
    with_objects(ctx, arg(args, 0), key)
}

/// `ets:prev_lookup/2` (OTP 27).
pub fn prev_lookup(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    let key = prev(ctx, args)?;
    with_objects(ctx, arg(args, 0), key)
}

/// `ets:safe_fixtable/2`: nothing to fix in this implementation.
pub fn safe_fixtable(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    table_id(ctx, arg(args, 0))?;
    Ok(atoms::true_)
}

/// `ets:update_element/4` (OTP 27): as `/3`, inserting `Default` first when no object
/// has the key.
pub fn update_element4(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    let id = table_for(ctx, arg(args, 0), true)?;
    let keypos = ctx.vm.ets.tables.get(&id).map_or(0, |t| t.keypos);
    let default = arg(args, 3);
    let default_key = ctx
        .mem()
        .tuple(default)
        .and_then(|e| e.get(keypos).copied());
    check(default_key.is_some_and(|k| {
        compare(&ctx.mem(), &ctx.vm.atoms, k, arg(args, 1), true) == Ordering::Equal
    }))?;
    if matching(ctx, id, arg(args, 1))?.is_empty() {
        insert_objects(ctx, id, &[default], false)?;
    }
    update_element(ctx, &args[..3])
}

/// `ets:update_element/3` with `{Pos, Value}` or a list of them.
pub fn update_element(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    let id = table_for(ctx, arg(args, 0), true)?;
    let keypos = ctx.vm.ets.tables.get(&id).map_or(0, |t| t.keypos);
    let kind = ctx.vm.ets.tables.get(&id).map(|t| t.kind);
    check(matches!(kind, Some(Kind::Set | Kind::OrderedSet)))?;
    let updates = match ctx.mem().list_elements(arg(args, 2)) {
        Some(list) => list,
        None => vec![arg(args, 2)],
    };
    let found = matching(ctx, id, arg(args, 1))?;
    let Some(index) = found.first().copied() else {
        return Ok(atoms::false_);
    };
    let mut elements = super::ets::object_elements(ctx, id, index)?;
    for u in updates {
        let (pos, value) = match ctx.mem().tuple(u) {
            Some([p, v]) => (*p, *v),
            _ => return Err(Exception::badarg()),
        };
        let pos = pos
            .as_small()
            .filter(|p| *p >= 1)
            .ok_or_else(Exception::badarg)? as usize
            - 1;
        check(pos != keypos && pos < elements.len())?;
        elements[pos] = value;
    }
    let updated = ctx.heap().tuple(&elements);
    insert_objects(ctx, id, &[updated], false)?;
    Ok(atoms::true_)
}

/// `ets:update_counter/4`: as `/3`, inserting `Default` first when the key is absent.
pub fn update_counter4(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    let id = table_for(ctx, arg(args, 0), true)?;
    if matching(ctx, id, arg(args, 1))?.is_empty() {
        let default = arg(args, 3);
        check(ctx.mem().tuple(default).is_some())?;
        let keypos = ctx.vm.ets.tables.get(&id).map_or(0, |t| t.keypos);
        let mut elements = ctx
            .mem()
            .tuple(default)
            .map(<[Term]>::to_vec)
            .ok_or_else(Exception::badarg)?;
        check(keypos < elements.len())?;
        elements[keypos] = arg(args, 1);
        let object = ctx.heap().tuple(&elements);
        insert_objects(ctx, id, &[object], false)?;
    }
    super::ets::update_counter(ctx, &args[..3])
}

/// `ets:info/1`: the items of `ets:info/2`, as the BEAM lists them.
pub fn info1(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    if table_id(ctx, arg(args, 0)).is_err() {
        return Ok(atoms::undefined);
    }
    let keys = [
        "id",
        "decentralized_counters",
        "read_concurrency",
        "write_concurrency",
        "compressed",
        "memory",
        "owner",
        "heir",
        "name",
        "size",
        "node",
        "named_table",
        "type",
        "keypos",
        "protection",
    ];
    let mut items = Vec::with_capacity(keys.len());
    for key in keys {
        let k = ctx.atom(key);
        let v = super::ets::info(ctx, &[arg(args, 0), k])?;
        items.push(ctx.heap().tuple(&[k, v]));
    }
    Ok(ctx.heap().list(&items))
}

/// `ets:all/0`.
pub fn all(ctx: &mut Context<'_>, _: &[Term]) -> Result<Term, Exception> {
    let mut ids: Vec<(u64, Option<u32>)> = ctx
        .vm
        .ets
        .tables
        .iter()
        .map(|(id, t)| (*id, t.name))
        .collect();
    ids.sort_unstable();
    let items: Vec<Term> = ids
        .into_iter()
        .map(|(id, name)| name.map_or_else(|| ctx.heap().reference(id), Term::atom))
        .collect();
    Ok(ctx.heap().list(&items))
}

/// `ets:select_replace/2`: replaces each object by the body's value when that is an
/// object with the same key; returns how many were replaced.
pub fn select_replace(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    let id = table_for(ctx, arg(args, 0), true)?;
    let spec = MatchSpec::parse(ctx, arg(args, 1))?;
    let keypos = ctx.vm.ets.tables.get(&id).map_or(0, |t| t.keypos);
    let mut replaced = 0;
    for i in 0..object_count(ctx, id) {
        let object = copy_out(ctx, id, &[i])?
            .pop()
            .ok_or_else(Exception::badarg)?;
        let Some(new) = spec.run(ctx, object) else {
            continue;
        };
        let (old_key, new_key) = (
            key_of(&ctx.mem(), object, keypos),
            key_of(&ctx.mem(), new, keypos),
        );
        let same_key = matches!((old_key, new_key), (Some(a), Some(b))
            if compare(&ctx.mem(), &ctx.vm.atoms, a, b, true) == Ordering::Equal);
        if !same_key {
            continue;
        }
        if let Some(table) = ctx.vm.ets.tables.get_mut(&id) {
            let stored = copy_term(&ctx.proc.heap, new, &mut table.heap);
            table.objects[i] = stored;
            replaced += 1;
        }
    }
    Ok(ctx.heap().int(replaced))
}

/// `ets:match_spec_compile/1`: a validated specification (kept as the term).
pub fn match_spec_compile(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    MatchSpec::parse(ctx, arg(args, 0))?;
    Ok(arg(args, 0))
}

/// `ets:match_spec_run_r/3`: the results for each element of `List`, consed onto
/// `Acc` (reversed; `ets:match_spec_run/2` reverses them back).
pub fn match_spec_run_r(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    let items = ctx
        .mem()
        .list_elements(arg(args, 0))
        .ok_or_else(Exception::badarg)?;
    let spec = MatchSpec::parse(ctx, arg(args, 1))?;
    let mut acc = arg(args, 2);
    for item in items {
        if let Some(value) = spec.run(ctx, item) {
            acc = ctx.heap().cons(value, acc);
        }
    }
    Ok(acc)
}

/// `ets:rename/2`.
pub fn rename(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    let id = table_id(ctx, arg(args, 0))?;
    let new = arg(args, 1).as_atom().ok_or_else(Exception::badarg)?;
    let named = ctx.vm.ets.tables.get(&id).and_then(|t| t.name).is_some();
    check(named && !ctx.vm.ets.names.contains_key(&new))?;
    if let Some(table) = ctx.vm.ets.tables.get_mut(&id) {
        if let Some(old) = table.name.replace(new) {
            ctx.vm.ets.names.remove(&old);
        }
    }
    ctx.vm.ets.names.insert(new, id);
    Ok(arg(args, 1))
}

/// `ets:give_away/3`: the new owner receives `{'ETS-TRANSFER', Tab, From, Gift}`.
pub fn give_away(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    let id = table_id(ctx, arg(args, 0))?;
    let to = arg(args, 1).as_pid().ok_or_else(Exception::badarg)?;
    let owner = ctx.vm.ets.tables.get(&id).map(|t| t.owner);
    let alive = matches!(ctx.vm.procs.get(to as usize), Some(Some(_)));
    check(owner == Some(ctx.proc.pid) && to != ctx.proc.pid && alive)?;
    if let Some(table) = ctx.vm.ets.tables.get_mut(&id) {
        table.owner = to;
    }
    let tag = ctx.atom("ETS-TRANSFER");
    let from = Term::pid(ctx.proc.pid);
    let message = ctx.heap().tuple(&[tag, arg(args, 0), from, arg(args, 2)]);
    ctx.vm.deliver(to, message, &ctx.proc.heap);
    Ok(atoms::true_)
}

/// `erlang:match_spec_test(Term, Spec, table)` (behind `ets:test_ms/2`):
/// `{ok, Result | false, [], []}`.
pub fn match_spec_test(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    let spec = MatchSpec::parse(ctx, arg(args, 1))?;
    let result = spec.run(ctx, arg(args, 0)).unwrap_or(atoms::false_);
    Ok(ctx.heap().tuple(&[atoms::ok, result, Term::NIL, Term::NIL]))
}
