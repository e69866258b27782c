//! `re`'s option lists (`parse_options` in `erl_bif_re.c`) and the compile
//! specification ([`Spec`]) that a pattern is compiled from, with its serialization:
//! the binary in a `{re_pattern, ...}` tuple made by this VM.

use crate::interp::Context;
use crate::term::Term;

/// Compile option bits of a [`Spec`].
pub mod flag {
    /// `unicode`.
    pub const UTF: u32 = 1;
    /// `anchored` (at compile time).
    pub const ANCHORED: u32 = 1 << 1;
    /// `caseless`.
    pub const CASELESS: u32 = 1 << 2;
    /// `dollar_endonly`.
    pub const DOLLAR_ENDONLY: u32 = 1 << 3;
    /// `dotall`.
    pub const DOTALL: u32 = 1 << 4;
    /// `extended`.
    pub const EXTENDED: u32 = 1 << 5;
    /// `firstline`.
    pub const FIRSTLINE: u32 = 1 << 6;
    /// `multiline`.
    pub const MULTILINE: u32 = 1 << 7;
    /// `no_auto_capture`.
    pub const NO_AUTO_CAPTURE: u32 = 1 << 8;
    /// `dupnames`.
    pub const DUPNAMES: u32 = 1 << 9;
    /// `ungreedy`.
    pub const UNGREEDY: u32 = 1 << 10;
    /// `ucp`.
    pub const UCP: u32 = 1 << 11;
    /// `never_utf`.
    pub const NEVER_UTF: u32 = 1 << 12;
    /// `no_start_optimize`.
    pub const NO_START_OPTIMIZE: u32 = 1 << 13;
}

/// A newline convention (`{newline, NL}`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Newline {
    /// `cr`.
    Cr,
    /// `lf` (the default).
    Lf,
    /// `crlf`.
    Crlf,
    /// `anycrlf`.
    Anycrlf,
    /// `any`.
    Any,
    /// `nul`.
    Nul,
}

impl Newline {
    /// The start-of-pattern item that sets it.
    pub fn item(self) -> &'static str {
        match self {
            Newline::Cr => "(*CR)",
            Newline::Lf => "(*LF)",
            Newline::Crlf => "(*CRLF)",
            Newline::Anycrlf => "(*ANYCRLF)",
            Newline::Any => "(*ANY)",
            Newline::Nul => "(*NUL)",
        }
    }

    /// Whether `re` treats CRLF as one newline when stepping over an empty match
    /// (the fourth element of `{re_pattern, ...}`).
    pub fn crlf(self) -> bool {
        matches!(self, Newline::Crlf | Newline::Anycrlf | Newline::Any)
    }

    fn code(self) -> u8 {
        self as u8 + 1
    }

    fn from_code(c: u8) -> Option<Option<Newline>> {
        Some(Some(match c {
            0 => return Some(None),
            1 => Newline::Cr,
            2 => Newline::Lf,
            3 => Newline::Crlf,
            4 => Newline::Anycrlf,
            5 => Newline::Any,
            6 => Newline::Nul,
            _ => return None,
        }))
    }
}

/// What `\R` matches (`bsr_anycrlf`, `bsr_unicode`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Bsr {
    /// `bsr_anycrlf`.
    Anycrlf,
    /// `bsr_unicode`.
    Unicode,
}

/// Everything a compiled PCRE2 pattern depends on: the source, the compile options,
/// and the match-time options that this VM can only give PCRE2 as start-of-pattern
/// items (so a run with them uses a variant compiled with those items).
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct Spec {
    /// The pattern's bytes (UTF-8 with `unicode`).
    pub source: Vec<u8>,
    /// [`flag`] bits.
    pub flags: u32,
    /// `{newline, _}`, if given.
    pub newline: Option<Newline>,
    /// `bsr_*`, if given.
    pub bsr: Option<Bsr>,
    /// Run option `notempty`.
    pub notempty: bool,
    /// Run option `notempty_atstart`.
    pub notempty_atstart: bool,
    /// Run option `{match_limit, N}`.
    pub match_limit: Option<u32>,
    /// Run option `{match_limit_recursion, N}`.
    pub depth_limit: Option<u32>,
}

/// The first bytes of this VM's serialized patterns.
const MAGIC: &[u8] = b"AtomVM-re\x01";

impl Spec {
    /// Whether compile flag `f` is set.
    pub fn has(&self, f: u32) -> bool {
        self.flags & f != 0
    }

    /// The serialization of the compile-time part (source, flags, newline, bsr).
    pub fn serialize(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(MAGIC.len() + 6 + self.source.len());
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&self.flags.to_le_bytes());
        out.push(self.newline.map_or(0, Newline::code));
        out.push(match self.bsr {
            None => 0,
            Some(Bsr::Anycrlf) => 1,
            Some(Bsr::Unicode) => 2,
        });
        out.extend_from_slice(&self.source);
        out
    }

    /// The spec serialized by [`Spec::serialize`], or `None` for other bytes (such as
    /// a pattern compiled by the BEAM's PCRE).
    pub fn deserialize(bytes: &[u8]) -> Option<Spec> {
        let rest = bytes.strip_prefix(MAGIC)?;
        let flags = u32::from_le_bytes(rest.get(..4)?.try_into().ok()?);
        let newline = Newline::from_code(*rest.get(4)?)?;
        let bsr = match rest.get(5)? {
            0 => None,
            1 => Some(Bsr::Anycrlf),
            2 => Some(Bsr::Unicode),
            _ => return None,
        };
        Some(Spec {
            source: rest.get(6..)?.to_vec(),
            flags,
            newline,
            bsr,
            ..Spec::default()
        })
    }
}

/// The `capture` option: which groups (`ValueSpec`) and how (`Type`).
#[derive(Debug, Clone, PartialEq)]
pub enum Values {
    /// `all` (the default).
    All,
    /// `all_but_first`.
    AllButFirst,
    /// `first`.
    First,
    /// `none` or `[]`.
    None,
    /// `all_names`.
    AllNames,
    /// A list of group numbers and names.
    List(Vec<Group>),
}

/// One entry of a `capture` list.
#[derive(Debug, Clone, PartialEq)]
pub enum Group {
    /// A group number.
    Index(i64),
    /// A group name (atom, string or binary).
    Name(Vec<u8>),
}

/// How captured parts are returned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Type {
    /// `{Offset, Length}`.
    Index,
    /// Character lists.
    List,
    /// Binaries.
    Binary,
}

/// A parsed option list (`struct parsed_options`).
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Compile [`flag`]s.
    pub flags: u32,
    /// `{newline, _}`.
    pub newline: Option<Newline>,
    /// `bsr_*`.
    pub bsr: Option<Bsr>,
    /// `anchored` (also a compile flag).
    pub anchored: bool,
    /// `notempty`.
    pub notempty: bool,
    /// `notempty_atstart`.
    pub notempty_atstart: bool,
    /// `notbol`.
    pub notbol: bool,
    /// `noteol`.
    pub noteol: bool,
    /// `{offset, N}`.
    pub offset: usize,
    /// `{capture, ...}`: the values and type terms, checked against the pattern later.
    pub capture: Option<(Term, Term)>,
    /// `global`.
    pub global: bool,
    /// `report_errors`.
    pub report_errors: bool,
    /// `{match_limit, N}`.
    pub match_limit: Option<u32>,
    /// `{match_limit_recursion, N}`.
    pub depth_limit: Option<u32>,
    /// `export` (compile, OTP 28+).
    pub export: bool,
    /// A compile-only option was given (`PARSE_FLAG_UNIQUE_COMPILE_OPT`).
    pub compile_only: bool,
    /// A run-only option was given (`PARSE_FLAG_UNIQUE_EXEC_OPT`).
    pub exec_only: bool,
}

impl Options {
    /// Whether `unicode` was given.
    pub fn unicode(&self) -> bool {
        self.flags & flag::UTF != 0
    }

    /// The spec of compiling `source` with these options.
    pub fn spec(&self, source: Vec<u8>) -> Spec {
        Spec {
            source,
            flags: self.flags | if self.anchored { flag::ANCHORED } else { 0 },
            newline: self.newline,
            bsr: self.bsr,
            ..Spec::default()
        }
    }
}

/// A non-negative C `int` (`term_to_int` and the `>= 0` checks).
fn non_negative(t: Term) -> Option<u32> {
    t.as_small()
        .and_then(|v| u32::try_from(v).ok())
        .filter(|v| *v <= i32::MAX as u32)
}

/// Parses an option list; `None` for a bad option (`badopt`) or an improper list.
pub fn parse(ctx: &Context<'_>, mut list: Term) -> Option<Options> {
    let mem = ctx.mem();
    let name = |t: Term| t.as_atom().map(|a| ctx.vm.atoms.name(a));
    let mut o = Options::default();
    while let Some((item, tail)) = mem.cons(list) {
        list = tail;
        if let Some(items) = mem.tuple(item) {
            match (items, items.first().and_then(|t| name(*t))) {
                ([_, values, kind], Some("capture")) => {
                    o.capture = Some((*values, *kind));
                    o.exec_only = true;
                }
                ([_, value], Some(key)) => match key {
                    "capture" => {
                        o.capture = Some((*value, Term::NONE));
                        o.exec_only = true;
                    }
                    "offset" => {
                        o.offset = non_negative(*value)? as usize;
                        o.exec_only = true;
                    }
                    "match_limit" => {
                        o.match_limit = Some(non_negative(*value)?);
                        o.exec_only = true;
                    }
                    "match_limit_recursion" => {
                        o.depth_limit = Some(non_negative(*value)?);
                        o.exec_only = true;
                    }
                    "newline" => {
                        o.newline = Some(match name(*value)? {
                            "cr" => Newline::Cr,
                            "crlf" => Newline::Crlf,
                            "lf" => Newline::Lf,
                            "nul" => Newline::Nul,
                            "anycrlf" => Newline::Anycrlf,
                            "any" => Newline::Any,
                            _ => return None,
                        });
                    }
                    _ => return None,
                },
                _ => return None,
            }
            continue;
        }
        let compile_flag = match name(item)? {
            "anchored" => {
                o.anchored = true;
                0
            }
            "notempty" => {
                o.notempty = true;
                o.exec_only = true;
                0
            }
            "notempty_atstart" => {
                o.notempty_atstart = true;
                o.exec_only = true;
                0
            }
            "notbol" => {
                o.notbol = true;
                o.exec_only = true;
                0
            }
            "noteol" => {
                o.noteol = true;
                o.exec_only = true;
                0
            }
            "report_errors" => {
                o.report_errors = true;
                o.exec_only = true;
                0
            }
            "global" => {
                o.global = true;
                o.exec_only = true;
                0
            }
            "bsr_anycrlf" => {
                o.bsr = Some(Bsr::Anycrlf);
                0
            }
            "bsr_unicode" => {
                o.bsr = Some(Bsr::Unicode);
                0
            }
            "export" if crate::release::get() >= 28 => {
                o.export = true;
                0
            }
            "no_start_optimize" => flag::NO_START_OPTIMIZE,
            "caseless" => flag::CASELESS,
            "dollar_endonly" => flag::DOLLAR_ENDONLY,
            "dotall" => flag::DOTALL,
            "extended" => flag::EXTENDED,
            "firstline" => flag::FIRSTLINE,
            "multiline" => flag::MULTILINE,
            "no_auto_capture" => flag::NO_AUTO_CAPTURE,
            "dupnames" => flag::DUPNAMES,
            "ungreedy" => flag::UNGREEDY,
            "ucp" => flag::UCP,
            "never_utf" => flag::NEVER_UTF,
            "unicode" => flag::UTF,
            _ => return None,
        };
        if compile_flag != 0 {
            o.flags |= compile_flag;
            o.compile_only = true;
        }
    }
    list.is_nil().then_some(o)
}

/// Parses a `capture` value spec and type (`build_capture`'s checks).
pub fn capture(ctx: &Context<'_>, values: Term, kind: Term) -> Option<(Values, Type)> {
    let mem = ctx.mem();
    let name = |t: Term| t.as_atom().map(|a| ctx.vm.atoms.name(a));
    let kind = if kind == Term::NONE {
        Type::Index
    } else {
        match name(kind)? {
            "index" => Type::Index,
            "list" => Type::List,
            "binary" => Type::Binary,
            _ => return None,
        }
    };
    if values.is_nil() {
        return Some((Values::None, kind));
    }
    let values = match name(values) {
        Some("all") => Values::All,
        Some("none") => Values::None,
        Some("all_but_first") => Values::AllButFirst,
        Some("first") => Values::First,
        Some("all_names") => Values::AllNames,
        Some(_) => return None,
        None => {
            let items = mem.list_elements(values)?;
            let mut groups = Vec::with_capacity(items.len());
            for item in items {
                if let Some(v) = item.as_small() {
                    groups.push(Group::Index(v));
                } else if let Some(a) = name(item) {
                    groups.push(Group::Name(a.as_bytes().to_vec()));
                } else if item.as_list().is_some() || mem.bitstr(item).is_some() {
                    groups.push(Group::Name(super::super::convert::iolist_bytes(ctx, item)?));
                } else {
                    return None;
                }
            }
            Values::List(groups)
        }
    };
    Some((values, kind))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serialization_round_trips() {
        let spec = Spec {
            source: b"a(b)\xe9".to_vec(),
            flags: flag::CASELESS | flag::UTF,
            newline: Some(Newline::Crlf),
            bsr: Some(Bsr::Unicode),
            ..Spec::default()
        };
        assert_eq!(Spec::deserialize(&spec.serialize()), Some(spec));
        assert_eq!(Spec::deserialize(b"ERCP\x00\x01"), None);
    }
}
