//! Match specifications (`[{Head, Guards, Body}]`), as `ets:select/2` and friends
//! run them: the head is a pattern with `'$N'` variables and `'_'`; guards and body
//! are expressions over the bindings, with `'$_'` (the object), `'$$'` (all
//! bindings), `{const, T}`, `{{...}}` (a tuple) and guard BIFs such as `{'>', A, B}`.
//!
//! Objects and specs are terms of the calling process's heap (ETS copies an object
//! there before matching it).

use crate::atom::atoms;
use crate::compare::compare;
use crate::interp::{Context, Exception};
use crate::term::Term;
use std::cmp::Ordering;

/// What a variable atom means in a pattern or an expression.
enum Var {
    /// `'_'`.
    Any,
    /// `'$N'`.
    Numbered(u32),
    /// `'$_'`.
    Object,
    /// `'$$'`.
    All,
}

fn var(ctx: &Context<'_>, t: Term) -> Option<Var> {
    let name = ctx.vm.atoms.name(t.as_atom()?);
    match name {
        "_" => Some(Var::Any),
        "$_" => Some(Var::Object),
        "$$" => Some(Var::All),
        _ => name
            .strip_prefix('$')
            .and_then(|n| n.parse().ok())
            .map(Var::Numbered),
    }
}

/// Variable bindings of one match, by variable number.
#[derive(Default)]
struct Bindings(Vec<(u32, Term)>);

impl Bindings {
    fn get(&self, n: u32) -> Option<Term> {
        self.0.iter().find(|(m, _)| *m == n).map(|(_, t)| *t)
    }
}

/// One compiled clause.
struct Clause {
    head: Term,
    guards: Vec<Term>,
    body: Vec<Term>,
}

/// A validated match specification.
pub struct MatchSpec(Vec<Clause>);

impl MatchSpec {
    /// Reads `[{Head, Guards, Body}]`; `badarg` if it is not one.
    pub fn parse(ctx: &Context<'_>, spec: Term) -> Result<MatchSpec, Exception> {
        let mem = ctx.mem();
        let clauses = mem.list_elements(spec).ok_or_else(Exception::badarg)?;
        let mut out = Vec::with_capacity(clauses.len());
        for c in clauses {
            let [head, guards, body] = mem.tuple(c).ok_or_else(Exception::badarg)? else {
                return Err(Exception::badarg());
            };
            let guards = mem.list_elements(*guards).ok_or_else(Exception::badarg)?;
            let body = mem.list_elements(*body).ok_or_else(Exception::badarg)?;
            if body.is_empty() {
                return Err(Exception::badarg());
            }
            out.push(Clause {
                head: *head,
                guards,
                body,
            });
        }
        Ok(MatchSpec(out))
    }

    /// A specification from an `ets:match/2`-style pattern: `[{Pattern, [], [Result]}]`
    /// (`Result` is `'$$'` for `match`, `'$_'` for `match_object`, `true` to count or
    /// delete).
    pub fn from_pattern(pattern: Term, result: Term) -> MatchSpec {
        MatchSpec(vec![Clause {
            head: pattern,
            guards: Vec::new(),
            body: vec![result],
        }])
    }

    /// Runs the specification on `object`: the body's value of the first clause
    /// whose head matches and whose guards hold, or `None`.
    pub fn run(&self, ctx: &mut Context<'_>, object: Term) -> Option<Term> {
        for clause in &self.0 {
            let mut b = Bindings::default();
            if !matches(ctx, clause.head, object, &mut b) {
                continue;
            }
            let holds = clause
                .guards
                .iter()
                .all(|g| eval(ctx, *g, object, &b) == Ok(atoms::true_));
            if !holds {
                continue;
            }
            let mut value = Term::NIL;
            for e in &clause.body {
                match eval(ctx, *e, object, &b) {
                    Ok(v) => value = v,
                    // A failing body expression makes the clause's result 'EXIT'.
                    Err(_) => return Some(Term::atom(ctx.vm.atoms.intern("EXIT"))),
                }
            }
            return Some(value);
        }
        None
    }
}

fn equal(ctx: &Context<'_>, a: Term, b: Term) -> bool {
    compare(&ctx.mem(), &ctx.vm.atoms, a, b, true) == Ordering::Equal
}

/// Matches `pattern` against `term`, binding variables.
fn matches(ctx: &Context<'_>, pattern: Term, term: Term, b: &mut Bindings) -> bool {
    if pattern.as_atom().is_some() {
        match var(ctx, pattern) {
            Some(Var::Any) => return true,
            Some(Var::Numbered(n)) => {
                return match b.get(n) {
                    Some(bound) => equal(ctx, bound, term),
                    None => {
                        b.0.push((n, term));
                        true
                    }
                }
            }
            _ => return pattern == term,
        }
    }
    let mem = ctx.mem();
    if let Some(ps) = mem.tuple(pattern) {
        let Some(ts) = mem.tuple(term) else {
            return false;
        };
        return ps.len() == ts.len() && ps.iter().zip(ts).all(|(p, t)| matches(ctx, *p, *t, b));
    }
    if let Some((ph, pt)) = mem.cons(pattern) {
        let Some((th, tt)) = mem.cons(term) else {
            return false;
        };
        return matches(ctx, ph, th, b) && matches(ctx, pt, tt, b);
    }
    if let Some((pkeys, pvalues)) = mem.map(pattern) {
        let Some((tkeys, tvalues)) = mem.map(term) else {
            return false;
        };
        return pkeys.iter().zip(pvalues).all(|(k, v)| {
            tkeys
                .iter()
                .position(|tk| equal(ctx, *tk, *k))
                .is_some_and(|i| matches(ctx, *v, tvalues[i], b))
        });
    }
    equal(ctx, pattern, term)
}

/// The guard BIFs a match specification may call (all from `erlang`).
fn guard_bif(name: &str, arity: usize) -> bool {
    matches!(
        (name, arity),
        (
            "is_atom"
                | "is_float"
                | "is_integer"
                | "is_list"
                | "is_number"
                | "is_pid"
                | "is_port"
                | "is_reference"
                | "is_tuple"
                | "is_map"
                | "is_binary"
                | "is_bitstring"
                | "is_boolean"
                | "is_function"
                | "abs"
                | "hd"
                | "tl"
                | "length"
                | "size"
                | "tuple_size"
                | "byte_size"
                | "bit_size"
                | "map_size"
                | "float"
                | "trunc"
                | "round"
                | "floor"
                | "ceil"
                | "not"
                | "bnot"
                | "-"
                | "+",
            1
        ) | (
            "element"
                | "map_get"
                | "is_map_key"
                | "is_record"
                | "is_function"
                | "+"
                | "-"
                | "*"
                | "/"
                | "div"
                | "rem"
                | "band"
                | "bor"
                | "bxor"
                | "bsl"
                | "bsr"
                | "and"
                | "or"
                | "xor"
                | "=="
                | "/="
                | "=:="
                | "=/="
                | "<"
                | ">"
                | "=<"
                | ">="
                | "max"
                | "min"
                | "binary_part",
            2
        ) | ("is_record" | "binary_part", 3)
    )
}

/// Evaluates a guard or body expression.
fn eval(ctx: &mut Context<'_>, e: Term, object: Term, b: &Bindings) -> Result<Term, Exception> {
    if e.as_atom().is_some() {
        return match var(ctx, e) {
            Some(Var::Numbered(n)) => b.get(n).ok_or_else(Exception::badarg),
            Some(Var::Object) => Ok(object),
            Some(Var::All) => {
                let mut vars = b.0.clone();
                vars.sort_by_key(|(n, _)| *n);
                let values: Vec<Term> = vars.iter().map(|(_, t)| *t).collect();
                Ok(ctx.heap().list(&values))
            }
            _ => Ok(e),
        };
    }
    let mem = ctx.mem();
    if let Some(items) = mem.tuple(e).map(<[Term]>::to_vec) {
        let Some(head) = items.first().copied() else {
            return Ok(e);
        };
        // {{A, B, ...}}: a tuple built from evaluated elements.
        if items.len() == 1 {
            if let Some(inner) = mem.tuple(head).map(<[Term]>::to_vec) {
                let values = inner
                    .iter()
                    .map(|t| eval(ctx, *t, object, b))
                    .collect::<Result<Vec<_>, _>>()?;
                return Ok(ctx.heap().tuple(&values));
            }
        }
        let name = head
            .as_atom()
            .map(|a| ctx.vm.atoms.name(a).to_owned())
            .ok_or_else(Exception::badarg)?;
        let args = &items[1..];
        return match (name.as_str(), args.len()) {
            ("const", 1) => Ok(args[0]),
            ("self", 0) => Ok(Term::pid(ctx.proc.pid)),
            ("node", 0) => Ok(ctx.atom("nonode@nohost")),
            ("andalso" | "and", _) if name == "andalso" || args.len() != 2 => {
                for a in args {
                    if eval(ctx, *a, object, b)? != atoms::true_ {
                        return Ok(atoms::false_);
                    }
                }
                Ok(atoms::true_)
            }
            ("orelse", _) => {
                for a in args {
                    if eval(ctx, *a, object, b)? == atoms::true_ {
                        return Ok(atoms::true_);
                    }
                }
                Ok(atoms::false_)
            }
            (f, n) if guard_bif(f, n) => {
                let values = args
                    .iter()
                    .map(|t| eval(ctx, *t, object, b))
                    .collect::<Result<Vec<_>, _>>()?;
                let native = super::lookup("erlang", f, n as u8).ok_or_else(Exception::badarg)?;
                native(ctx, &values)
            }
            _ => Err(Exception::badarg()),
        };
    }
    if let Some((h, t)) = mem.cons(e) {
        let head = eval(ctx, h, object, b)?;
        let tail = eval(ctx, t, object, b)?;
        return Ok(ctx.heap().cons(head, tail));
    }
    if let Some((keys, values)) = mem.map(e).map(|(k, v)| (k.to_vec(), v.to_vec())) {
        let values = values
            .iter()
            .map(|t| eval(ctx, *t, object, b))
            .collect::<Result<Vec<_>, _>>()?;
        return Ok(ctx.heap().map_sorted(&keys, &values));
    }
    Ok(e)
}
