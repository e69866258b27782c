//! The natives of OTP's `re` module: `version/0`, `compile/1,2`, `run/2,3`,
//! `internal_run/4`, `inspect/2` and (OTP 28+) `import/1`, on PCRE2 through the
//! `pcre2` crate. OTP's own `re.erl` runs unmodified on top of them (`replace`,
//! `split`, `grun`, `urun`, `ucompile`).
//!
//! * **Compiled patterns.** `compile` returns `{re_pattern, Groups, Unicode, CRLF,
//!   Bin}` as OTP does (`CRLF` is 1 when the newline convention is `crlf`, `anycrlf`
//!   or `any`), but `Bin` is this VM's serialization of the source and options, not
//!   PCRE's compiled code: a pattern compiled by the BEAM (a literal of a module
//!   compiled elsewhere) cannot be run here and gives `badarg`. Compiled patterns are
//!   cached per VM thread by that serialization, so running a pattern given as text,
//!   or from a `re_pattern` tuple, compiles it once. `version/0` is not the BEAM's, so
//!   Elixir's `Regex` (which stores the compile-time `:re.version()`) recompiles its
//!   sigils from their source here; on OTP 28+ it imports them (`import/1`
//!   recompiles the source kept in the exported tuple) or recompiles them from
//!   source because the fifth element is a binary.
//! * **Global matching**, and `unicode` runs on lists, which the BEAM traps to
//!   re.erl's `grun`/`urun`/`ucompile` for, are done natively, following those
//!   functions (and their OTP 28 change for empty matches, `global.rs`).
//! * **Messages.** Compile errors carry PCRE2's messages from OTP 28 on, and PCRE
//!   8's (OTP 27 and before) for the errors both libraries have. The offsets are those
//!   of the bundled PCRE2 (10.46), moved by one for the errors where OTP's library
//!   (PCRE 8 before OTP 28, PCRE2 10.47 on OTP 29) was seen to report another one;
//!   other errors may be off by one.
//!
//! Options (see `pattern.rs` and `engine.rs` for how):
//!
//! * exact: `unicode`, `caseless`, `multiline`, `dotall`, `extended`, `ungreedy`
//!   (`(?U)`), `no_auto_capture` (`(?n)`), `dupnames` (`(?J)`), `ucp` (`(*UCP)`),
//!   `no_start_optimize`, `never_utf`, `{newline, _}`, `bsr_anycrlf`, `bsr_unicode`,
//!   `notempty`, `notempty_atstart` (start-of-pattern items of a variant compiled
//!   for the run), `global`, `{offset, N}`, `{capture, ...}` in all forms,
//!   `report_errors`, `export` (OTP 28+);
//! * approximated: `anchored` and `firstline` (a match is searched for and kept only
//!   if it starts at the offset, or by the first newline: wrong with `\K`);
//!   `dollar_endonly` (each `$` outside a class becomes `\z`, unless `multiline`: an
//!   inline `(?m)` is not seen); `{match_limit, N}` and `{match_limit_recursion, N}`
//!   (`(*LIMIT_MATCH=N)`, `(*LIMIT_DEPTH=N)`: they can only lower PCRE2's defaults of
//!   10,000,000, and PCRE2 counts differently from PCRE 8 on OTP 27 and before);
//!   a `unicode` subject is checked for valid UTF-8 by every match of a global run;
//! * unsupported, `badarg`: `notbol`, `noteol` (PCRE2 has no pattern item for them).
//!
//! A `badarg` from these natives has no `error_info` (the BEAM's names
//! `erl_stdlib_errors`, with `cause => badopt` for a bad option).

mod capture;
mod engine;
mod global;
mod options;
mod pattern;

use self::capture::{part_term, parts, select, select_global, Selection};
use self::engine::{compiled, exec, CompileError, Compiled, Failure};
use self::options::{Bsr, Spec, Type, Values};
use super::{arg, check};
use crate::interp::{Context, Exception};
use crate::module::NativeFn;
use crate::term::Term;
use std::rc::Rc;

/// The natives of this family.
pub fn lookup(module: &str, function: &str, arity: u8) -> Option<NativeFn> {
    let f: NativeFn = match (module, function, arity) {
        ("re", "version", 0) => version,
        ("re", "compile", 1 | 2) => compile,
        ("re", "run", 2 | 3) => run,
        ("re", "internal_run", 4) => internal_run,
        ("re", "inspect", 2) => inspect,
        ("re", "import", 1) if crate::release::get() >= 28 => import,
        _ => return None,
    };
    Some(f)
}

/// `version/0`: the PCRE2 library's version, marked as this VM's.
pub fn version(ctx: &mut Context<'_>, _args: &[Term]) -> Result<Term, Exception> {
    let (major, minor) = pcre2::version();
    let text = format!("{major}.{minor} (atomvm_host)");
    Ok(ctx.heap().binary(text.as_bytes()))
}

/// The bytes of a pattern or subject: UTF-8 of chardata with `unicode` (binaries as
/// they are), the bytes of an iolist otherwise.
fn text_bytes(ctx: &Context<'_>, t: Term, unicode: bool) -> Result<Vec<u8>, Exception> {
    let mem = ctx.mem();
    if let Some(bits) = mem.bitstr(t) {
        return super::binary_bytes(&bits).ok_or_else(Exception::badarg);
    }
    let bytes = if unicode {
        super::convert::chardata_utf8(ctx, t, true)
    } else {
        super::convert::iolist_bytes(ctx, t)
    };
    bytes.ok_or_else(Exception::badarg)
}

/// `{re_pattern, Groups, Unicode, CRLF, Bin}` for `spec` compiled as `c`.
fn pattern_tuple(ctx: &mut Context<'_>, c: &Compiled, spec: &Spec) -> Term {
    let tag = ctx.atom("re_pattern");
    let groups = ctx.heap().int(c.groups as i64);
    let unicode = Term::small(i64::from(spec.has(options::flag::UTF))).unwrap_or(Term::NIL);
    let crlf = Term::small(i64::from(c.newline.crlf())).unwrap_or(Term::NIL);
    let bin = ctx.heap().binary(&spec.serialize());
    ctx.heap().tuple(&[tag, groups, unicode, crlf, bin])
}

/// `{Message, Offset}`.
fn error_term(ctx: &mut Context<'_>, e: &CompileError) -> Term {
    let message = super::convert::chars(ctx, &e.message);
    let offset = ctx.heap().int(e.offset as i64);
    ctx.heap().tuple(&[message, offset])
}

/// `compile/1,2`.
pub fn compile(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    let opts_term = args.get(1).copied().unwrap_or(Term::NIL);
    let opts = options::parse(ctx, opts_term).ok_or_else(Exception::badarg)?;
    check(!opts.exec_only)?;
    let source = text_bytes(ctx, arg(args, 0), opts.unicode())?;
    let spec = opts.spec(source);
    let result = compiled(&spec);
    match result.as_ref() {
        Ok(c) => {
            let pattern = if opts.export {
                exported_tuple(ctx, &spec, opts_term)
            } else {
                pattern_tuple(ctx, c, &spec)
            };
            let ok = ctx.atom("ok");
            Ok(ctx.heap().tuple(&[ok, pattern]))
        }
        Err(e) => {
            let reason = error_term(ctx, e);
            let error = ctx.atom("error");
            Ok(ctx.heap().tuple(&[error, reason]))
        }
    }
}

/// `{re_exported_pattern, Header, Source, Options, Bin}` (`export`, OTP 28.1+).
fn exported_tuple(ctx: &mut Context<'_>, spec: &Spec, opts: Term) -> Term {
    let tag = ctx.atom("re_exported_pattern");
    let header = ctx.heap().binary(b"atomvm_host-re");
    let source = ctx.heap().binary(&spec.source);
    let bin = ctx.heap().binary(&spec.serialize());
    ctx.heap().tuple(&[tag, header, source, opts, bin])
}

/// `import/1` (OTP 28.1+): an exported pattern, from this VM or the BEAM (whose
/// compiled code is ignored: the pattern is compiled again from its source).
pub fn import(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    let items = ctx
        .mem()
        .tuple(arg(args, 0))
        .map(<[Term]>::to_vec)
        .ok_or_else(Exception::badarg)?;
    let [tag, _, source, opts, bin] = items[..] else {
        return Err(Exception::badarg());
    };
    check(tag.as_atom().map(|a| ctx.vm.atoms.name(a)) == Some("re_exported_pattern"))?;
    let own = ctx
        .mem()
        .bitstr(bin)
        .and_then(|b| super::binary_bytes(&b))
        .and_then(|b| Spec::deserialize(&b));
    let spec = match own {
        Some(spec) => spec,
        None => {
            let mut opts = options::parse(ctx, opts).ok_or_else(Exception::badarg)?;
            opts.export = false;
            check(!opts.exec_only)?;
            let source = text_bytes(ctx, source, opts.unicode())?;
            opts.spec(source)
        }
    };
    let result = compiled(&spec);
    let c = result.as_ref().as_ref().map_err(|_| Exception::badarg())?;
    Ok(pattern_tuple(ctx, c, &spec))
}

/// `inspect/2`: `{namelist, Names}`, the distinct group names in order.
pub fn inspect(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    let (spec, _) = precompiled(ctx, arg(args, 0))?;
    let item = arg(args, 1).as_atom().map(|a| ctx.vm.atoms.name(a));
    check(item == Some("namelist"))?;
    let result = compiled(&spec);
    let c = result.as_ref().as_ref().map_err(|_| Exception::badarg())?;
    let mut names: Vec<&[u8]> = c.names.iter().map(|(n, _)| &n[..]).collect();
    names.dedup();
    let names: Vec<Vec<u8>> = names.into_iter().map(<[u8]>::to_vec).collect();
    let items: Vec<Term> = names.iter().map(|n| ctx.heap().binary(n)).collect();
    let list = ctx.heap().list(&items);
    let tag = ctx.atom("namelist");
    Ok(ctx.heap().tuple(&[tag, list]))
}

/// The spec and unicode flag of a `{re_pattern, ...}` tuple made by this VM.
fn precompiled(ctx: &Context<'_>, t: Term) -> Result<(Spec, bool), Exception> {
    let mem = ctx.mem();
    let items = mem.tuple(t).ok_or_else(Exception::badarg)?;
    let [tag, groups, unicode, crlf, bin] = items else {
        return Err(Exception::badarg());
    };
    check(tag.as_atom().map(|a| ctx.vm.atoms.name(a)) == Some("re_pattern"))?;
    check(groups.as_small().is_some() && crlf.as_small().is_some())?;
    let unicode = unicode.as_small().ok_or_else(Exception::badarg)?;
    let spec = mem
        .bitstr(*bin)
        .and_then(|b| super::binary_bytes(&b))
        .and_then(|b| Spec::deserialize(&b))
        .ok_or_else(Exception::badarg)?;
    Ok((spec, unicode != 0))
}

/// `run/2,3`.
pub fn run(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    let opts = args.get(2).copied().unwrap_or(Term::NIL);
    run_with(ctx, arg(args, 0), arg(args, 1), opts)
}

/// `internal_run/4`: `run/3` for re.erl (the fourth argument only tells whether the
/// subject was already checked for UTF-8).
pub fn internal_run(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    let first = arg(args, 3);
    check(first == crate::atom::atoms::true_ || first == crate::atom::atoms::false_)?;
    run_with(ctx, arg(args, 0), arg(args, 1), arg(args, 2))
}

fn run_with(ctx: &mut Context<'_>, subject: Term, re: Term, opts: Term) -> Result<Term, Exception> {
    let opts = options::parse(ctx, opts).ok_or_else(Exception::badarg)?;
    check(!opts.export)?;
    let (mut spec, unicode, from_text) = if ctx.mem().tuple(re).is_some_and(|t| t.len() == 5) {
        check(!opts.compile_only)?;
        let (mut spec, unicode) = precompiled(ctx, re)?;
        if crate::release::get() >= 28 {
            // PCRE2 takes these at compile time only: they must be the compiled ones.
            let result = compiled(&spec);
            let c = result.as_ref().as_ref().map_err(|_| Exception::badarg())?;
            check(opts.newline.is_none_or(|nl| nl == c.newline))?;
            check(
                opts.bsr
                    .is_none_or(|b| b == spec.bsr.unwrap_or(Bsr::Unicode)),
            )?;
        } else {
            spec.newline = opts.newline.or(spec.newline);
            spec.bsr = opts.bsr.or(spec.bsr);
        }
        (spec, unicode, false)
    } else {
        check(re.is_nil() || re.as_list().is_some() || ctx.mem().bitstr(re).is_some())?;
        let source = text_bytes(ctx, re, opts.unicode())?;
        (opts.spec(source), opts.unicode(), true)
    };
    // Notbol and noteol cannot be given to PCRE2 through the crate (module doc).
    check(!opts.notbol && !opts.noteol)?;
    let base = compiled(&spec);
    let c = match base.as_ref() {
        Ok(c) => c,
        Err(e) if from_text && opts.report_errors => {
            let reason = error_term(ctx, e);
            let tag = ctx.atom("compile");
            let inner = ctx.heap().tuple(&[tag, reason]);
            let error = ctx.atom("error");
            return Ok(ctx.heap().tuple(&[error, inner]));
        }
        Err(_) => return Err(Exception::badarg()),
    };
    let (values, kind) = match opts.capture {
        Some((values, kind)) => {
            options::capture(ctx, values, kind).ok_or_else(Exception::badarg)?
        }
        None => (Values::All, Type::Index),
    };
    let subject = text_bytes(ctx, subject, unicode)?;
    spec.notempty = opts.notempty;
    spec.notempty_atstart = opts.notempty_atstart;
    spec.match_limit = opts.match_limit;
    spec.depth_limit = opts.depth_limit;
    let variant = compiled(&spec);
    let c = variant.as_ref().as_ref().unwrap_or(c);
    let out = Outcome {
        kind,
        unicode,
        report_errors: opts.report_errors,
    };
    if opts.global {
        spec.notempty_atstart = true;
        let retry: Rc<Result<Compiled, CompileError>> = compiled(&spec);
        let retry = retry.as_ref().as_ref().unwrap_or(c);
        let (selection, strip) = select_global(c, &values);
        let found = global::matches(
            c,
            retry,
            &subject,
            opts.offset,
            opts.anchored,
            unicode,
            c.newline.crlf(),
            &selection,
            opts.report_errors,
        );
        return match found {
            Err(failure) => out.failure(ctx, failure),
            Ok(found) if found.is_empty() => Ok(ctx.atom("nomatch")),
            Ok(_) if strip.is_none() => Ok(ctx.atom("match")),
            Ok(found) => {
                let skip = usize::from(strip == Some(true));
                let mut items = Vec::with_capacity(found.len());
                for one in &found {
                    items.push(out.parts(ctx, one.get(skip..).unwrap_or_default(), &subject));
                }
                let list = ctx.heap().list(&items);
                let tag = ctx.atom("match");
                Ok(ctx.heap().tuple(&[tag, list]))
            }
        };
    }
    match exec(c, &subject, opts.offset, opts.anchored) {
        Err(failure) => out.failure(ctx, failure),
        Ok(None) => Ok(ctx.atom("nomatch")),
        Ok(Some(ovector)) => {
            let selection = select(c, &values);
            if selection == Selection::Nothing {
                return Ok(ctx.atom("match"));
            }
            let list = out.parts(ctx, &parts(&ovector, &selection), &subject);
            let tag = ctx.atom("match");
            Ok(ctx.heap().tuple(&[tag, list]))
        }
    }
}

/// How a run's result is built.
struct Outcome {
    kind: Type,
    unicode: bool,
    report_errors: bool,
}

impl Outcome {
    fn parts(
        &self,
        ctx: &mut Context<'_>,
        parts: &[Option<(usize, usize)>],
        subject: &[u8],
    ) -> Term {
        let items: Vec<Term> = parts
            .iter()
            .map(|p| part_term(ctx, *p, self.kind, subject, self.unicode))
            .collect();
        ctx.heap().list(&items)
    }

    fn failure(&self, ctx: &mut Context<'_>, failure: Failure) -> Result<Term, Exception> {
        let reason = match failure {
            Failure::Badarg => return Err(Exception::badarg()),
            _ if !self.report_errors => return Ok(ctx.atom("nomatch")),
            Failure::MatchLimit => ctx.atom("match_limit"),
            Failure::DepthLimit => ctx.atom("match_limit_recursion"),
        };
        let error = ctx.atom("error");
        Ok(ctx.heap().tuple(&[error, reason]))
    }
}
