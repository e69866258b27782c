//! `term_to_binary/1,2`, `binary_to_term/1,2` and `external_size/1,2`.
//!
//! A heap term is converted to `avm_format`'s owned [`Ext`] tree and encoded by
//! `avm_format` (what OTP 25 writes, byte for byte); decoding goes the other way.
//! Both conversions, and the disposal of the trees, use explicit work stacks, so a
//! deep term costs heap, never Rust stack.
//!
//! What cannot be exactly like BEAM:
//!
//! * pids are `NEW_PID_EXT` of node `nonode@nohost` with the process index as id,
//!   serial and creation 0; only such pids (and ports) decode back. References are
//!   `NEWER_REFERENCE_EXT` of `nonode@nohost` with the id as one word (two when it
//!   does not fit 32 bits); a reference from elsewhere keeps its first two words.
//! * a closure is `NEW_FUN_EXT` with its module, fun index, `OldIndex`, `OldUniq`,
//!   free variables and the calling process as creator, but an all-zero `Uniq` (the
//!   VM does not keep the module's MD5). It decodes back here when the module is
//!   loadable and has that fun with that many free variables; otherwise `badarg`.
//! * maps are encoded in BEAM's map key order (term order, but every integer before
//!   every float), as BEAM writes maps of up to 32 keys; BEAM writes larger maps in
//!   its internal hash order, so their bytes differ (they decode to the same map).
//! * compressed terms are valid zlib (any BEAM reads them) but not the same bytes as
//!   BEAM's zlib writes, and at the margin the choice to compress can differ.
//! * `{minor_version, 0}` writes floats as `FLOAT_EXT`, except in a closure's free
//!   variables (`NEW_FLOAT_EXT` there).
//! * `binary_to_term` refuses nesting deeper than [`MAX_DECODE_DEPTH`] (`badarg`);
//!   the `safe` option is accepted and ignored (unknown atoms are created).

use super::{arg, check};
use crate::heap::Int;
use crate::interp::{Context, Exception};
use crate::module::NativeFn;
use crate::term::{HeaderKind, Term};
use avm_format::etf::{self, DecodeOptions, EncodeOptions, Term as Ext};
use num_bigint::{BigInt, Sign};
use std::io::Write;

/// The deepest nesting `binary_to_term` accepts. The decoder needs no Rust stack per
/// level, but on malformed input it drops what it has read so far recursively, so
/// the limit keeps that drop well inside a thread's stack.
pub const MAX_DECODE_DEPTH: usize = 10_000;

/// The natives of this family.
pub fn lookup(module: &str, function: &str, arity: u8) -> Option<NativeFn> {
    let f: NativeFn = match (module, function, arity) {
        ("erlang", "term_to_binary", 1 | 2) => term_to_binary,
        ("erlang", "binary_to_term", 1 | 2) => binary_to_term,
        ("erlang", "external_size", 1 | 2) => external_size,
        _ => return None,
    };
    Some(f)
}

/// Options of `term_to_binary/2` and `external_size/2`.
#[derive(Debug, Clone, Copy)]
struct Options {
    /// `minor_version`: 0, 1 (the default) or 2.
    minor: u8,
    /// zlib level, 0 for no compression.
    level: u32,
    /// `local` (OTP 26): wrapped in `LOCAL_EXT`, readable only by this VM.
    local: bool,
}

/// `LOCAL_EXT`: version byte, this tag, a 32-bit value identifying the node, the term.
const LOCAL_EXT: u8 = 121;

/// This VM's `LOCAL_EXT` value: random, as the BEAM's differs from run to run.
fn local_id() -> [u8; 4] {
    static ID: std::sync::OnceLock<[u8; 4]> = std::sync::OnceLock::new();
    *ID.get_or_init(|| {
        let mut id = [0u8; 4];
        let _ = getrandom::fill(&mut id);
        id
    })
}

/// `encoded` (version byte first) as `LOCAL_EXT`.
fn wrap_local(encoded: Vec<u8>) -> Vec<u8> {
    let mut out = Vec::with_capacity(encoded.len() + 5);
    out.push(etf::tags::VERSION);
    out.push(LOCAL_EXT);
    out.extend_from_slice(&local_id());
    out.extend_from_slice(encoded.get(1..).unwrap_or_default());
    out
}

/// The bytes to decode: a `LOCAL_EXT` term of this VM without its wrapper; one of
/// another node is refused (`badarg`, as the BEAM does).
fn unwrap_local(bytes: Vec<u8>) -> Result<Vec<u8>, Exception> {
    if bytes.get(1) != Some(&LOCAL_EXT) {
        return Ok(bytes);
    }
    check(bytes.get(2..6) == Some(&local_id()[..]))?;
    let mut out = vec![etf::tags::VERSION];
    out.extend_from_slice(bytes.get(6..).unwrap_or_default());
    Ok(out)
}

fn atom_name<'a>(ctx: &'a Context<'_>, t: Term) -> Option<&'a str> {
    t.as_atom().map(|a| ctx.vm.atoms.name(a))
}

/// The default `minor_version`: 2 (atoms always as UTF-8) from OTP 26, 1 before.
fn default_minor() -> u8 {
    if crate::release::get() >= 26 {
        2
    } else {
        1
    }
}

fn encode_options(ctx: &Context<'_>, t: Option<&Term>) -> Result<Options, Exception> {
    let mut options = Options {
        minor: default_minor(),
        level: 0,
        local: false,
    };
    let Some(&t) = t else {
        return Ok(options);
    };
    let items = ctx.mem().list_elements(t).ok_or_else(Exception::badarg)?;
    for item in items {
        match atom_name(ctx, item) {
            Some("compressed") => options.level = 6,
            Some("deterministic") => {}
            Some("local") if crate::release::get() >= 26 => options.local = true,
            Some(_) => return Err(Exception::badarg()),
            None => {
                let Some([key, value]) = ctx.mem().tuple(item) else {
                    return Err(Exception::badarg());
                };
                let value = value.as_small().ok_or_else(Exception::badarg)?;
                match atom_name(ctx, *key) {
                    Some("compressed") if (0..=9).contains(&value) => {
                        options.level = value as u32;
                    }
                    Some("minor_version") if (0..=2).contains(&value) => {
                        options.minor = value as u8;
                    }
                    _ => return Err(Exception::badarg()),
                }
            }
        }
    }
    Ok(options)
}

/// `term_to_binary/1,2`.
pub fn term_to_binary(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    let options = encode_options(ctx, args.get(1))?;
    let mut bytes = encode_term(ctx, arg(args, 0), options)?;
    if options.local {
        bytes = wrap_local(bytes);
    }
    let bytes = if options.level > 0 {
        compress(bytes, options.level)
    } else {
        bytes
    };
    Ok(ctx.heap().binary(&bytes))
}

/// `external_size/1,2`: the size of the uncompressed encoding. Before OTP 26
/// `external_size/2` takes only `{minor_version, 0 | 1}`; from OTP 26 it takes what
/// `term_to_binary/2` takes.
pub fn external_size(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    if crate::release::get() >= 26 {
        let options = encode_options(ctx, args.get(1))?;
        let n = encode_term(ctx, arg(args, 0), options)?.len() + if options.local { 5 } else { 0 };
        return Ok(ctx.heap().int(i64::try_from(n).unwrap_or(i64::MAX)));
    }
    let mut options = Options {
        minor: 1,
        level: 0,
        local: false,
    };
    if let Some(&opts) = args.get(1) {
        let items = ctx
            .mem()
            .list_elements(opts)
            .ok_or_else(Exception::badarg)?;
        for item in items {
            match ctx.mem().tuple(item) {
                Some([key, value]) if atom_name(ctx, *key) == Some("minor_version") => {
                    match value.as_small() {
                        Some(v @ (0 | 1)) => options.minor = v as u8,
                        _ => return Err(Exception::badarg()),
                    }
                }
                _ => return Err(Exception::badarg()),
            }
        }
    }
    let n = encode_term(ctx, arg(args, 0), options)?.len();
    Ok(ctx.heap().int(i64::try_from(n).unwrap_or(i64::MAX)))
}

/// `binary_to_term/1,2` (options `safe`, accepted and ignored, and `used`).
pub fn binary_to_term(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    let mut used = false;
    if let Some(&opts) = args.get(1) {
        let items = ctx
            .mem()
            .list_elements(opts)
            .ok_or_else(Exception::badarg)?;
        for item in items {
            match atom_name(ctx, item) {
                Some("safe") => {}
                Some("used") => used = true,
                _ => return Err(Exception::badarg()),
            }
        }
    }
    let bytes = ctx
        .mem()
        .bitstr(arg(args, 0))
        .and_then(|b| super::binary_bytes(&b))
        .ok_or_else(Exception::badarg)?;
    let wrapped = bytes.get(1) == Some(&LOCAL_EXT);
    let bytes = unwrap_local(bytes.to_vec())?;
    let decode_options = DecodeOptions {
        max_depth: MAX_DECODE_DEPTH,
    };
    // Like BEAM, bytes after the term are ignored.
    let (ext, n) =
        etf::decode_prefix_with(&bytes, decode_options).map_err(|_| Exception::badarg())?;
    let term = from_ext(ctx, ext)?;
    if used {
        let n = n + if wrapped { 5 } else { 0 };
        let n = ctx.heap().int(i64::try_from(n).unwrap_or(i64::MAX));
        Ok(ctx.heap().tuple(&[term, n]))
    } else {
        Ok(term)
    }
}

/// The term `bytes` (external term format, version byte first) encode, built on the
/// caller's heap; `badarg` when they do not decode.
pub fn decode(ctx: &mut Context<'_>, bytes: &[u8]) -> Result<Term, Exception> {
    let options = DecodeOptions {
        max_depth: MAX_DECODE_DEPTH,
    };
    let (ext, _) = etf::decode_prefix_with(bytes, options).map_err(|_| Exception::badarg())?;
    from_ext(ctx, ext)
}

/// The encoding of `t`, version byte included, uncompressed.
fn encode_term(ctx: &Context<'_>, t: Term, options: Options) -> Result<Vec<u8>, Exception> {
    let ext = Forest(vec![to_ext(ctx, t)?]);
    let root = ext.0.first().ok_or_else(Exception::badarg)?;
    Ok(match options.minor {
        0 => encode_v0(root),
        minor => etf::encode_with(
            root,
            EncodeOptions {
                utf8_atoms: minor >= 2,
            },
        ),
    })
}

/// `COMPRESSED` when zlib makes the term at least 5 bytes smaller, as BEAM decides;
/// `encoded` (with its version byte) otherwise.
fn compress(encoded: Vec<u8>, level: u32) -> Vec<u8> {
    let body = encoded.get(1..).unwrap_or_default();
    let Ok(size) = u32::try_from(body.len()) else {
        return encoded;
    };
    let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::new(level));
    let packed = match z.write_all(body).and_then(|()| z.finish()) {
        Ok(packed) => packed,
        Err(_) => return encoded,
    };
    if body.len() < 5 || packed.len() > body.len() - 5 {
        return encoded;
    }
    let mut out = Vec::with_capacity(packed.len() + 6);
    out.push(etf::tags::VERSION);
    out.push(etf::tags::COMPRESSED);
    out.extend_from_slice(&size.to_be_bytes());
    out.extend_from_slice(&packed);
    out
}

/// `{minor_version, 0}`: floats as `FLOAT_EXT` (`%.20e`, NUL-padded to 31 bytes).
/// Containers that may hold floats are written here; every other term (and every
/// list of bytes, a `STRING_EXT`) is written by `avm_format`.
fn encode_v0(root: &Ext) -> Vec<u8> {
    let mut out = vec![etf::tags::VERSION];
    let mut work = vec![root];
    while let Some(t) = work.pop() {
        match t {
            Ext::Float(f) => {
                out.push(etf::tags::FLOAT);
                let mut text = float_text(*f).into_bytes();
                text.resize(31, 0);
                out.extend_from_slice(&text);
            }
            Ext::Tuple(items) => {
                match u8::try_from(items.len()) {
                    Ok(n) => out.extend_from_slice(&[etf::tags::SMALL_TUPLE, n]),
                    Err(_) => {
                        out.push(etf::tags::LARGE_TUPLE);
                        out.extend_from_slice(&count32(items.len()).to_be_bytes());
                    }
                }
                work.extend(items.iter().rev());
            }
            Ext::Map(pairs) => {
                out.push(etf::tags::MAP);
                out.extend_from_slice(&count32(pairs.len()).to_be_bytes());
                for (k, v) in pairs.iter().rev() {
                    work.push(v);
                    work.push(k);
                }
            }
            Ext::Record {
                exported,
                module,
                name,
                fields,
                values,
            } => {
                out.push(etf::tags::RECORD);
                out.extend_from_slice(&count32(fields.len()).to_be_bytes());
                out.push(u8::from(*exported));
                work.extend(values.iter().rev());
                work.extend(fields.iter().rev());
                work.push(name);
                work.push(module);
            }
            Ext::List { elements, tail } if !is_byte_string(elements, tail) => {
                out.push(etf::tags::LIST);
                out.extend_from_slice(&count32(elements.len()).to_be_bytes());
                work.push(tail);
                work.extend(elements.iter().rev());
            }
            other => {
                let bytes = etf::encode(other);
                out.extend_from_slice(bytes.get(1..).unwrap_or_default());
            }
        }
    }
    out
}

fn count32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// Whether `avm_format` writes this list as a `STRING_EXT`.
fn is_byte_string(elements: &[Ext], tail: &Ext) -> bool {
    matches!(tail, Ext::Nil)
        && elements.len() <= usize::from(u16::MAX)
        && elements
            .iter()
            .all(|e| matches!(e, Ext::Integer(i) if (0..=255).contains(i)))
}

/// A float as C's `%.20e` writes it.
fn float_text(f: f64) -> String {
    let text = format!("{f:.20e}");
    match text.split_once('e') {
        Some((mantissa, exp)) => {
            let exp: i32 = exp.parse().unwrap_or(0);
            let sign = if exp < 0 { '-' } else { '+' };
            format!("{mantissa}e{sign}{:02}", exp.unsigned_abs())
        }
        None => text,
    }
}

/// Owned trees dropped without recursion (a deep `Ext` would otherwise overflow the
/// stack in its derived `Drop`).
struct Forest(Vec<Ext>);

impl Drop for Forest {
    fn drop(&mut self) {
        let mut stack = std::mem::take(&mut self.0);
        while let Some(t) = stack.pop() {
            match t {
                Ext::List { elements, tail } => {
                    stack.extend(elements);
                    stack.push(*tail);
                }
                Ext::Tuple(items) => stack.extend(items),
                Ext::Map(pairs) => {
                    for (k, v) in pairs {
                        stack.push(k);
                        stack.push(v);
                    }
                }
                Ext::Fun { free_vars, .. } => stack.extend(free_vars),
                _ => {}
            }
        }
    }
}

/// A container of [`to_ext`] waiting for its parts, which follow it on the value stack.
enum Pending {
    /// That many elements.
    Tuple(usize),
    /// That many elements, then the tail.
    List(usize),
    /// That many keys and values, alternating.
    Map(usize),
    /// A native record: module, name, `fields` names, then as many values.
    Record { exported: bool, fields: usize },
    /// A closure: everything but its free variables, of which there are `free`.
    Fun {
        arity: u8,
        index: u32,
        module: String,
        old_index: i32,
        old_uniq: i32,
        creator: u32,
        free: usize,
    },
}

enum ToExt {
    Visit(Term),
    Build(Pending),
}

fn node() -> Box<Ext> {
    Box::new(Ext::atom("nonode@nohost"))
}

/// The `Ext` tree of heap term `root`.
fn to_ext(ctx: &Context<'_>, root: Term) -> Result<Ext, Exception> {
    let mem = ctx.mem();
    let atoms = &ctx.vm.atoms;
    let mut work = vec![ToExt::Visit(root)];
    let mut values = Forest(Vec::new());
    while let Some(step) = work.pop() {
        let t = match step {
            ToExt::Build(pending) => {
                let value = build_ext(&mut values.0, pending).ok_or_else(Exception::badarg)?;
                values.0.push(value);
                continue;
            }
            ToExt::Visit(t) => t,
        };
        let value = if let Some(v) = t.as_small() {
            Ext::Integer(v)
        } else if let Some(a) = t.as_atom() {
            Ext::atom(atoms.name(a))
        } else if t.is_nil() {
            Ext::Nil
        } else if let Some(id) = t.as_pid() {
            Ext::Pid {
                node: node(),
                id,
                serial: 0,
                creation: 0,
            }
        } else if let Some(id) = t.as_port() {
            Ext::Port {
                node: node(),
                id: u64::from(id),
                creation: 0,
            }
        } else if t.as_list().is_some() {
            let mut elements = Vec::new();
            let mut cur = t;
            while let Some((head, tail)) = mem.cons(cur) {
                elements.push(head);
                cur = tail;
            }
            work.push(ToExt::Build(Pending::List(elements.len())));
            work.push(ToExt::Visit(cur));
            work.extend(elements.into_iter().rev().map(ToExt::Visit));
            continue;
        } else {
            let (header, payload) = mem.boxed(t).ok_or_else(Exception::badarg)?;
            match header.kind {
                HeaderKind::Tuple => {
                    work.push(ToExt::Build(Pending::Tuple(payload.len())));
                    work.extend(payload.iter().rev().map(|e| ToExt::Visit(*e)));
                    continue;
                }
                HeaderKind::Record => {
                    let r = crate::records::view(&mem, t).ok_or_else(Exception::badarg)?;
                    work.push(ToExt::Build(Pending::Record {
                        exported: r.exported,
                        fields: r.fields.len(),
                    }));
                    work.extend(r.values.iter().rev().map(|e| ToExt::Visit(*e)));
                    work.extend(r.fields.iter().rev().map(|e| ToExt::Visit(*e)));
                    work.push(ToExt::Visit(r.name));
                    work.push(ToExt::Visit(r.module));
                    continue;
                }
                HeaderKind::Map => {
                    let (keys, vals) = mem.map(t).ok_or_else(Exception::badarg)?;
                    check(keys.len() == vals.len())?;
                    work.push(ToExt::Build(Pending::Map(keys.len())));
                    for (k, v) in keys.iter().zip(vals).rev() {
                        work.push(ToExt::Visit(*v));
                        work.push(ToExt::Visit(*k));
                    }
                    continue;
                }
                HeaderKind::PosBig | HeaderKind::NegBig => match mem.int(t) {
                    Some(Int::Big(b)) => {
                        let (sign, magnitude_le) = b.to_bytes_le();
                        Ext::BigInt {
                            negative: sign == Sign::Minus,
                            magnitude_le,
                        }
                    }
                    Some(Int::Small(v)) => Ext::Integer(v),
                    None => return Err(Exception::badarg()),
                },
                HeaderKind::Float => Ext::Float(mem.float(t).ok_or_else(Exception::badarg)?),
                HeaderKind::Ref => {
                    let id = payload.first().ok_or_else(Exception::badarg)?.0;
                    let ids = if id >> 32 == 0 {
                        vec![id as u32]
                    } else {
                        vec![id as u32, (id >> 32) as u32]
                    };
                    Ext::Reference {
                        node: node(),
                        creation: 0,
                        ids,
                    }
                }
                HeaderKind::Export => {
                    let [m, f, a] = payload else {
                        return Err(Exception::badarg());
                    };
                    let m = m.as_atom().ok_or_else(Exception::badarg)?;
                    let f = f.as_atom().ok_or_else(Exception::badarg)?;
                    let a = a
                        .as_small()
                        .and_then(|a| u8::try_from(a).ok())
                        .ok_or_else(Exception::badarg)?;
                    Ext::ExportFun {
                        module: Box::new(Ext::atom(atoms.name(m))),
                        function: Box::new(Ext::atom(atoms.name(f))),
                        arity: a,
                    }
                }
                HeaderKind::Fun => {
                    let (m, i, free) = match payload {
                        [m, i, free @ ..] => (m.as_small(), i.as_small(), free),
                        _ => return Err(Exception::badarg()),
                    };
                    let m = m.ok_or_else(Exception::badarg)?;
                    let i = i.ok_or_else(Exception::badarg)?;
                    let module = usize::try_from(m)
                        .ok()
                        .and_then(|m| ctx.vm.modules.get(m))
                        .ok_or_else(Exception::badarg)?;
                    let lambda = usize::try_from(i)
                        .ok()
                        .and_then(|i| module.lambdas.get(i))
                        .ok_or_else(Exception::badarg)?;
                    work.push(ToExt::Build(Pending::Fun {
                        arity: lambda.arity.saturating_sub(lambda.free),
                        index: u32::try_from(i).map_err(|_| Exception::badarg())?,
                        module: atoms.name(module.name).to_owned(),
                        old_index: lambda.old_index as i32,
                        old_uniq: lambda.old_uniq as i32,
                        creator: ctx.proc.pid,
                        free: free.len(),
                    }));
                    work.extend(free.iter().rev().map(|e| ToExt::Visit(*e)));
                    continue;
                }
                HeaderKind::HeapBin | HeaderKind::RefcBin | HeaderKind::SubBin => {
                    let bits = mem.bitstr(t).ok_or_else(Exception::badarg)?;
                    let bytes = bits.to_bytes();
                    match bits.bits % 8 {
                        0 => Ext::Binary(bytes),
                        tail => Ext::BitBinary {
                            bytes,
                            bits: tail as u8,
                        },
                    }
                }
                HeaderKind::MatchCtx => return Err(Exception::badarg()),
            }
        };
        values.0.push(value);
    }
    match (values.0.pop(), values.0.is_empty()) {
        (Some(t), true) => Ok(t),
        (Some(t), false) => {
            drop(Forest(vec![t]));
            Err(Exception::badarg())
        }
        (None, _) => Err(Exception::badarg()),
    }
}

/// The container `pending`, from its parts on top of `values`.
fn build_ext(values: &mut Vec<Ext>, pending: Pending) -> Option<Ext> {
    let take = |values: &mut Vec<Ext>, n: usize| {
        let at = values.len().checked_sub(n)?;
        Some(values.split_off(at))
    };
    Some(match pending {
        Pending::Tuple(n) => Ext::Tuple(take(values, n)?),
        Pending::Record { exported, fields } => {
            let mut parts = take(values, 2 + 2 * fields)?;
            let record_values = parts.split_off(2 + fields);
            let names = parts.split_off(2);
            let name = parts.pop()?;
            let module = parts.pop()?;
            Ext::Record {
                exported,
                module: Box::new(module),
                name: Box::new(name),
                fields: names,
                values: record_values,
            }
        }
        Pending::List(n) => {
            let mut elements = take(values, n + 1)?;
            let tail = elements.pop()?;
            Ext::List {
                elements,
                tail: Box::new(tail),
            }
        }
        Pending::Map(n) => {
            let items = take(values, 2 * n)?;
            let mut pairs = Vec::with_capacity(n);
            let mut it = items.into_iter();
            while let (Some(k), Some(v)) = (it.next(), it.next()) {
                pairs.push((k, v));
            }
            // BEAM writes a (flat) map's pairs in its key order, where every integer
            // comes before every float.
            pairs.sort_by(|a, b| key_order(&a.0, &b.0));
            Ext::Map(pairs)
        }
        Pending::Fun {
            arity,
            index,
            module,
            old_index,
            old_uniq,
            creator,
            free,
        } => Ext::Fun {
            arity,
            uniq: [0; 16],
            index,
            module: Box::new(Ext::Atom(module)),
            old_index,
            old_uniq,
            pid: Box::new(Ext::Pid {
                node: node(),
                id: creator,
                serial: 0,
                creation: 0,
            }),
            free_vars: take(values, free)?,
        },
    })
}

/// A term, or the rest of a list from some element on, being compared.
#[derive(Clone, Copy)]
enum Key<'a> {
    Term(&'a Ext),
    Rest(&'a [Ext], &'a Ext),
}

impl<'a> Key<'a> {
    /// A list as its rest from the first element; a rest with no element left as
    /// its tail.
    fn normal(self) -> Key<'a> {
        let mut k = self;
        loop {
            k = match k {
                Key::Rest([], tail) => Key::Term(tail),
                Key::Term(Ext::List { elements, tail }) if !elements.is_empty() => {
                    return Key::Rest(elements, tail);
                }
                Key::Term(Ext::List { tail, .. }) => Key::Term(tail),
                other => return other,
            };
        }
    }
}

/// Rank of a term's type: `number < atom < reference < fun < port < pid < tuple <
/// record < map < [] < list < bitstring`.
fn key_rank(k: Key<'_>) -> u8 {
    match k {
        Key::Rest(..) => 10,
        Key::Term(t) => match t {
            Ext::Integer(_) | Ext::BigInt { .. } | Ext::Float(_) => 0,
            Ext::Atom(_) => 1,
            Ext::Reference { .. } => 2,
            Ext::Fun { .. } | Ext::ExportFun { .. } => 3,
            Ext::Port { .. } => 4,
            Ext::Pid { .. } => 5,
            Ext::Tuple(_) => 6,
            Ext::Record { .. } => 7,
            Ext::Map(_) => 8,
            Ext::Nil => 9,
            Ext::List { .. } => 10,
            Ext::Binary(_) | Ext::BitBinary { .. } => 11,
        },
    }
}

fn ext_int(t: &Ext) -> Option<BigInt> {
    match t {
        Ext::Integer(i) => Some(BigInt::from(*i)),
        Ext::BigInt {
            negative,
            magnitude_le,
        } => {
            let sign = if *negative { Sign::Minus } else { Sign::Plus };
            Some(BigInt::from_bytes_le(sign, magnitude_le))
        }
        _ => None,
    }
}

/// A bitstring's bytes and length in bits.
fn ext_bits(t: &Ext) -> (&[u8], usize) {
    match t {
        Ext::Binary(b) => (b, b.len() * 8),
        Ext::BitBinary { bytes, bits } => (
            bytes,
            bytes.len().saturating_sub(1) * 8 + usize::from(*bits),
        ),
        _ => (&[], 0),
    }
}

/// BEAM's order of map keys (`CMP_TERM`): the term order, except that numbers of
/// different types are never equal and every integer comes before every float.
/// Pids, ports, references and funs (rare keys) are ordered by their fields.
fn key_order(a: &Ext, b: &Ext) -> std::cmp::Ordering {
    use std::cmp::Ordering;
    let mut work = vec![(Key::Term(a), Key::Term(b))];
    while let Some((a, b)) = work.pop() {
        let (a, b) = (a.normal(), b.normal());
        let (ra, rb) = (key_rank(a), key_rank(b));
        if ra != rb {
            return ra.cmp(&rb);
        }
        let order = match (a, b) {
            (Key::Rest(ea, ta), Key::Rest(eb, tb)) => {
                if let (Some((ha, ra)), Some((hb, rb))) = (ea.split_first(), eb.split_first()) {
                    work.push((Key::Rest(ra, ta), Key::Rest(rb, tb)));
                    work.push((Key::Term(ha), Key::Term(hb)));
                }
                Ordering::Equal
            }
            (Key::Term(a), Key::Term(b)) => match (a, b) {
                (Ext::Float(x), Ext::Float(y)) => x.partial_cmp(y).unwrap_or(Ordering::Equal),
                (Ext::Float(_), _) => Ordering::Greater,
                (_, Ext::Float(_)) => Ordering::Less,
                (Ext::Atom(x), Ext::Atom(y)) => x.cmp(y),
                (Ext::Tuple(x), Ext::Tuple(y)) => {
                    if x.len() != y.len() {
                        x.len().cmp(&y.len())
                    } else {
                        for (p, q) in x.iter().zip(y).rev() {
                            work.push((Key::Term(p), Key::Term(q)));
                        }
                        Ordering::Equal
                    }
                }
                (
                    Ext::Record {
                        exported: e1,
                        module: m1,
                        name: n1,
                        fields: f1,
                        values: v1,
                    },
                    Ext::Record {
                        exported: e2,
                        module: m2,
                        name: n2,
                        fields: f2,
                        values: v2,
                    },
                ) => {
                    let order = ext_atom(m1)
                        .cmp(&ext_atom(m2))
                        .then(ext_atom(n1).cmp(&ext_atom(n2)))
                        .then(e1.cmp(e2))
                        .then(f1.len().cmp(&f2.len()))
                        .then(f1.iter().map(ext_atom).cmp(f2.iter().map(ext_atom)));
                    if order.is_eq() {
                        for (p, q) in v1.iter().zip(v2).rev() {
                            work.push((Key::Term(p), Key::Term(q)));
                        }
                    }
                    order
                }
                (Ext::Map(x), Ext::Map(y)) => {
                    if x.len() != y.len() {
                        x.len().cmp(&y.len())
                    } else {
                        for ((_, p), (_, q)) in x.iter().zip(y).rev() {
                            work.push((Key::Term(p), Key::Term(q)));
                        }
                        for ((p, _), (q, _)) in x.iter().zip(y).rev() {
                            work.push((Key::Term(p), Key::Term(q)));
                        }
                        Ordering::Equal
                    }
                }
                (Ext::Binary(_) | Ext::BitBinary { .. }, _) => {
                    let ((xb, xn), (yb, yn)) = (ext_bits(a), ext_bits(b));
                    let bit = |bytes: &[u8], i: usize| {
                        bytes.get(i / 8).is_some_and(|v| v & (0x80 >> (i % 8)) != 0)
                    };
                    (0..xn.min(yn))
                        .map(|i| bit(xb, i).cmp(&bit(yb, i)))
                        .find(|o| o.is_ne())
                        .unwrap_or(xn.cmp(&yn))
                }
                (Ext::Pid { id: x, .. }, Ext::Pid { id: y, .. }) => x.cmp(y),
                (Ext::Port { id: x, .. }, Ext::Port { id: y, .. }) => x.cmp(y),
                (Ext::Reference { ids: x, .. }, Ext::Reference { ids: y, .. }) => {
                    x.iter().rev().cmp(y.iter().rev())
                }
                (
                    Ext::ExportFun {
                        module: m1,
                        function: f1,
                        arity: a1,
                    },
                    Ext::ExportFun {
                        module: m2,
                        function: f2,
                        arity: a2,
                    },
                ) => ext_atom(m1)
                    .cmp(&ext_atom(m2))
                    .then(ext_atom(f1).cmp(&ext_atom(f2)))
                    .then(a1.cmp(a2)),
                (Ext::ExportFun { .. }, Ext::Fun { .. }) => Ordering::Greater,
                (Ext::Fun { .. }, Ext::ExportFun { .. }) => Ordering::Less,
                (
                    Ext::Fun {
                        module: m1,
                        index: i1,
                        old_uniq: u1,
                        free_vars: v1,
                        ..
                    },
                    Ext::Fun {
                        module: m2,
                        index: i2,
                        old_uniq: u2,
                        free_vars: v2,
                        ..
                    },
                ) => {
                    let order = ext_atom(m1)
                        .cmp(&ext_atom(m2))
                        .then(i1.cmp(i2))
                        .then(u1.cmp(u2))
                        .then(v1.len().cmp(&v2.len()));
                    if order.is_eq() {
                        for (p, q) in v1.iter().zip(v2).rev() {
                            work.push((Key::Term(p), Key::Term(q)));
                        }
                    }
                    order
                }
                _ => match (ext_int(a), ext_int(b)) {
                    (Some(x), Some(y)) => x.cmp(&y),
                    _ => Ordering::Equal,
                },
            },
            _ => Ordering::Equal,
        };
        if order.is_ne() {
            return order;
        }
    }
    std::cmp::Ordering::Equal
}

fn ext_atom(t: &Ext) -> Option<&str> {
    match t {
        Ext::Atom(name) => Some(name),
        _ => None,
    }
}

/// A container of [`from_ext`] waiting for its parts, which follow it on the value
/// stack.
enum Assemble {
    Tuple(usize),
    /// A native record: module, name, `fields` names, then as many values.
    Record {
        exported: bool,
        fields: usize,
    },
    /// That many elements, then the tail.
    List(usize),
    Map(usize),
    Closure {
        module: u32,
        index: u32,
        free: usize,
    },
}

enum FromExt {
    Visit(Ext),
    Build(Assemble),
}

/// Pending work whose trees are dropped without recursion.
struct Work(Vec<FromExt>);

impl Drop for Work {
    fn drop(&mut self) {
        let trees = self
            .0
            .drain(..)
            .filter_map(|w| match w {
                FromExt::Visit(e) => Some(e),
                FromExt::Build(_) => None,
            })
            .collect();
        drop(Forest(trees));
    }
}

fn is_local_node(node: &Ext) -> bool {
    matches!(node, Ext::Atom(name) if name == "nonode@nohost")
}

/// The heap term of `root`, consumed part by part.
fn from_ext(ctx: &mut Context<'_>, root: Ext) -> Result<Term, Exception> {
    let mut work = Work(vec![FromExt::Visit(root)]);
    let mut values: Vec<Term> = Vec::new();
    while let Some(step) = work.0.pop() {
        let ext = match step {
            FromExt::Build(assemble) => {
                let value = assemble_term(ctx, &mut values, assemble)?;
                values.push(value);
                continue;
            }
            FromExt::Visit(ext) => ext,
        };
        let value = match ext {
            Ext::Integer(i) => ctx.heap().int(i),
            Ext::BigInt {
                negative,
                magnitude_le,
            } => {
                let sign = if negative { Sign::Minus } else { Sign::Plus };
                let big = BigInt::from_bytes_le(sign, &magnitude_le);
                ctx.heap().bigint(&big)
            }
            Ext::Float(f) => ctx.heap().float(f),
            Ext::Atom(name) => ctx.atom(&name),
            Ext::Nil => Term::NIL,
            Ext::List { elements, tail } => {
                work.0.push(FromExt::Build(Assemble::List(elements.len())));
                work.0.push(FromExt::Visit(*tail));
                work.0
                    .extend(elements.into_iter().rev().map(FromExt::Visit));
                continue;
            }
            Ext::Tuple(items) => {
                work.0.push(FromExt::Build(Assemble::Tuple(items.len())));
                work.0.extend(items.into_iter().rev().map(FromExt::Visit));
                continue;
            }
            Ext::Record {
                exported,
                module,
                name,
                fields,
                values,
            } => {
                check(fields.len() == values.len())?;
                work.0.push(FromExt::Build(Assemble::Record {
                    exported,
                    fields: fields.len(),
                }));
                work.0.extend(values.into_iter().rev().map(FromExt::Visit));
                work.0.extend(fields.into_iter().rev().map(FromExt::Visit));
                work.0.push(FromExt::Visit(*name));
                work.0.push(FromExt::Visit(*module));
                continue;
            }
            Ext::Map(pairs) => {
                work.0.push(FromExt::Build(Assemble::Map(pairs.len())));
                for (k, v) in pairs.into_iter().rev() {
                    work.0.push(FromExt::Visit(v));
                    work.0.push(FromExt::Visit(k));
                }
                continue;
            }
            Ext::Binary(bytes) => ctx.heap().binary(&bytes),
            Ext::BitBinary { bytes, bits } => {
                let whole = bytes.len().saturating_sub(1) * 8;
                let bits = if bytes.is_empty() {
                    0
                } else {
                    whole + usize::from(bits.clamp(1, 8))
                };
                ctx.heap().bitstring(&bytes, bits)
            }
            Ext::Pid { node, id, .. } => {
                check(is_local_node(&node))?;
                Term::pid(id)
            }
            Ext::Port { node, id, .. } => {
                check(is_local_node(&node))?;
                Term::port(u32::try_from(id).map_err(|_| Exception::badarg())?)
            }
            Ext::Reference { ids, .. } => {
                let low = u64::from(ids.first().copied().unwrap_or(0));
                let high = u64::from(ids.get(1).copied().unwrap_or(0));
                ctx.heap().reference(low | (high << 32))
            }
            Ext::ExportFun {
                module,
                function,
                arity,
            } => {
                let (Ext::Atom(m), Ext::Atom(f)) = (*module, *function) else {
                    return Err(Exception::badarg());
                };
                let m = ctx.atom(&m);
                let f = ctx.atom(&f);
                ctx.heap().export(m, f, arity)
            }
            Ext::Fun {
                arity,
                index,
                module,
                free_vars,
                ..
            } => {
                let Ext::Atom(name) = *module else {
                    return Err(Exception::badarg());
                };
                let name = ctx.vm.atoms.intern(&name);
                let m = ctx.vm.module_index(name).ok_or_else(Exception::badarg)?;
                let lambda = ctx
                    .vm
                    .modules
                    .get(m as usize)
                    .and_then(|module| module.lambdas.get(index as usize))
                    .ok_or_else(Exception::badarg)?;
                check(
                    usize::from(lambda.free) == free_vars.len()
                        && lambda.arity.saturating_sub(lambda.free) == arity,
                )?;
                work.0.push(FromExt::Build(Assemble::Closure {
                    module: m,
                    index,
                    free: free_vars.len(),
                }));
                work.0
                    .extend(free_vars.into_iter().rev().map(FromExt::Visit));
                continue;
            }
        };
        values.push(value);
    }
    match (values.pop(), values.is_empty()) {
        (Some(t), true) => Ok(t),
        _ => Err(Exception::badarg()),
    }
}

/// The container `assemble`, from its parts on top of `values`.
fn assemble_term(
    ctx: &mut Context<'_>,
    values: &mut Vec<Term>,
    assemble: Assemble,
) -> Result<Term, Exception> {
    let take = |values: &mut Vec<Term>, n: usize| {
        values
            .len()
            .checked_sub(n)
            .map(|at| values.split_off(at))
            .ok_or_else(Exception::badarg)
    };
    Ok(match assemble {
        Assemble::Tuple(n) => {
            let items = take(values, n)?;
            ctx.heap().tuple(&items)
        }
        Assemble::Record { exported, fields } => {
            let mut parts = take(values, 2 + 2 * fields)?;
            let record_values = parts.split_off(2 + fields);
            let names = parts.split_off(2);
            // Atoms for the module, the name and distinct field names, as the BEAM
            // requires of a record it decodes.
            check(parts.iter().chain(&names).all(|t| t.as_atom().is_some()))?;
            let distinct: std::collections::HashSet<Term> = names.iter().copied().collect();
            check(distinct.len() == names.len())?;
            let (module, name) = (parts[0], parts[1]);
            let def = crate::records::definition(ctx.heap(), module, name, exported, &names);
            ctx.heap().record(def, &record_values)
        }
        Assemble::List(n) => {
            let mut items = take(values, n + 1)?;
            let tail = items.pop().ok_or_else(Exception::badarg)?;
            ctx.heap().list_with_tail(&items, tail)
        }
        Assemble::Map(n) => {
            let items = take(values, 2 * n)?;
            let pairs: Vec<(Term, Term)> = items.chunks_exact(2).map(|p| (p[0], p[1])).collect();
            let map = super::maps::build(ctx, pairs);
            // BEAM refuses a map with a duplicate key.
            let size = ctx.mem().map(map).map_or(0, |(keys, _)| keys.len());
            check(size == n)?;
            map
        }
        Assemble::Closure {
            module,
            index,
            free,
        } => {
            let items = take(values, free)?;
            ctx.heap().closure(module, index, &items)
        }
    })
}
