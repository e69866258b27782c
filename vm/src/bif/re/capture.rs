//! Which groups of a match are returned and as what (`build_capture` and
//! `build_exec_return` in `erl_bif_re.c`, and re.erl's conversions for `unicode`).

use super::engine::{Compiled, Ovector};
use super::options::{Group, Type, Values};
use crate::interp::Context;
use crate::term::Term;

/// One returned group: a number, or the numbers of groups sharing a name (with
/// `dupnames`: the first of them that is set).
#[derive(Debug, Clone, PartialEq)]
pub enum Slot {
    /// A group number (out of range or negative: unset).
    Index(i64),
    /// Groups of one name.
    Dup(Vec<usize>),
}

/// The groups to return, resolved against a pattern.
#[derive(Debug, Clone, PartialEq)]
pub enum Selection {
    /// Nothing: the result is `match`.
    Nothing,
    /// Every group from this one to the last set one.
    From(usize),
    /// These groups.
    Slots(Vec<Slot>),
}

/// The selection for `values` in pattern `c`.
pub fn select(c: &Compiled, values: &Values) -> Selection {
    match values {
        Values::All => Selection::From(0),
        Values::AllButFirst => Selection::From(1),
        Values::First => Selection::Slots(vec![Slot::Index(0)]),
        Values::None => Selection::Nothing,
        Values::AllNames => {
            if c.names.is_empty() {
                return Selection::Nothing;
            }
            let mut names: Vec<&[u8]> = c.names.iter().map(|(n, _)| &n[..]).collect();
            names.dedup();
            Selection::Slots(names.into_iter().map(|n| by_name(c, n)).collect())
        }
        Values::List(groups) => Selection::Slots(
            groups
                .iter()
                .map(|g| match g {
                    Group::Index(i) => Slot::Index(*i),
                    Group::Name(n) => by_name(c, n),
                })
                .collect(),
        ),
    }
}

/// `[0 | Values]` as re.erl's `grun` asks `internal_run` for it: group 0 first, so
/// the global loop sees each match's position. Returns the selection and whether
/// the first part is to be dropped from the result (`stripfirst`), or `None` when
/// the result is `match`.
pub fn select_global(c: &Compiled, values: &Values) -> (Selection, Option<bool>) {
    let first = Selection::Slots(vec![Slot::Index(0)]);
    match values {
        Values::All => (Selection::From(0), Some(false)),
        Values::First => (first, Some(false)),
        Values::AllButFirst => (Selection::From(0), Some(true)),
        Values::None => (first, None),
        Values::AllNames if c.names.is_empty() => (first, None),
        Values::AllNames | Values::List(_) => {
            let Selection::Slots(rest) = select(c, values) else {
                return (first, None);
            };
            let mut slots = vec![Slot::Index(0)];
            slots.extend(rest);
            (Selection::Slots(slots), Some(true))
        }
    }
}

fn by_name(c: &Compiled, name: &[u8]) -> Slot {
    let groups: Vec<usize> = c
        .names
        .iter()
        .filter(|(n, _)| n == name)
        .map(|(_, g)| *g)
        .collect();
    match groups[..] {
        [] => Slot::Index(-1),
        [g] => Slot::Index(g as i64),
        _ if !c.dupnames => Slot::Index(groups[0] as i64),
        _ => Slot::Dup(groups),
    }
}

/// The parts `selection` takes from `ovector` (`None`: unset or no such group).
pub fn parts(ovector: &Ovector, selection: &Selection) -> Vec<Option<(usize, usize)>> {
    let get = |i: usize| ovector.get(i).copied().flatten();
    match selection {
        Selection::Nothing => Vec::new(),
        Selection::From(from) => (*from..ovector.len()).map(get).collect(),
        Selection::Slots(slots) => slots
            .iter()
            .map(|s| match s {
                Slot::Index(i) => usize::try_from(*i).ok().and_then(get),
                Slot::Dup(groups) => groups.iter().find_map(|g| get(*g)),
            })
            .collect(),
    }
}

/// The term for one part of a match.
pub fn part_term(
    ctx: &mut Context<'_>,
    part: Option<(usize, usize)>,
    kind: Type,
    subject: &[u8],
    unicode: bool,
) -> Term {
    match kind {
        Type::Index => {
            let (start, len) = part.map_or((-1, 0), |(s, e)| (s as i64, (e - s) as i64));
            let start = ctx.heap().int(start);
            let len = ctx.heap().int(len);
            ctx.heap().tuple(&[start, len])
        }
        Type::Binary => {
            let bytes = part
                .and_then(|(s, e)| subject.get(s..e))
                .unwrap_or_default();
            ctx.heap().binary(bytes)
        }
        Type::List => {
            let bytes = part
                .and_then(|(s, e)| subject.get(s..e))
                .unwrap_or_default();
            if unicode {
                utf8_list(ctx, bytes)
            } else {
                let items: Vec<Term> = bytes
                    .iter()
                    .filter_map(|b| Term::small(i64::from(*b)))
                    .collect();
                ctx.heap().list(&items)
            }
        }
    }
}

/// `unicode:characters_to_list(Bytes, unicode)`: the characters, or `{error, Chars,
/// Rest}` / `{incomplete, Chars, Rest}` when the bytes are not all UTF-8 (a `\C`
/// match can split a character).
fn utf8_list(ctx: &mut Context<'_>, bytes: &[u8]) -> Term {
    let (valid, rest) = match std::str::from_utf8(bytes) {
        Ok(s) => (s, &[][..]),
        Err(e) => {
            let (ok, rest) = bytes.split_at(e.valid_up_to());
            (std::str::from_utf8(ok).unwrap_or_default(), rest)
        }
    };
    let chars = super::super::convert::chars(ctx, valid);
    if rest.is_empty() {
        return chars;
    }
    let incomplete = std::str::from_utf8(rest)
        .err()
        .is_some_and(|e| e.error_len().is_none());
    let tag = ctx.atom(if incomplete { "incomplete" } else { "error" });
    let rest = ctx.heap().binary(rest);
    ctx.heap().tuple(&[tag, chars, rest])
}
