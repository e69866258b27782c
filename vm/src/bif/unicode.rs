//! The `unicode` module's BIFs: `characters_to_binary/2`, `characters_to_list/2` and
//! `bin_is_7bit/1`, with BEAM's results for invalid and incomplete input (the rest
//! of the data is rebuilt as `erl_unicode.c` builds it). The other `unicode`
//! functions are the library's own Erlang code, which calls these.

use super::arg;
use crate::atom::atoms;
use crate::heap::Mem;
use crate::interp::{Context, Exception};
use crate::term::Term;

/// A term to build for the "rest" of a conversion: parts of the input, new binaries
/// and list cells joining them.
enum Rest {
    Nil,
    Term(Term),
    Bin(Vec<u8>),
    Cons(Box<Rest>, Box<Rest>),
}

impl Rest {
    fn cons(head: Rest, tail: Rest) -> Rest {
        Rest::Cons(Box::new(head), Box::new(tail))
    }

    fn build(self, ctx: &mut Context<'_>) -> Term {
        match self {
            Rest::Nil => Term::NIL,
            Rest::Term(t) => t,
            Rest::Bin(bytes) => ctx.heap().binary(&bytes),
            Rest::Cons(h, t) => {
                let h = h.build(ctx);
                let t = t.build(ctx);
                ctx.heap().cons(h, t)
            }
        }
    }
}

/// Input encodings.
#[derive(Clone, Copy, PartialEq)]
enum Encoding {
    Latin1,
    Utf8,
    Utf16 { little: bool },
    Utf32 { little: bool },
}

fn encoding(ctx: &Context<'_>, t: Term) -> Option<Encoding> {
    let mem = ctx.mem();
    let name = |t: Term| t.as_atom().map(|a| ctx.vm.atoms.name(a).to_owned());
    if let Some([kind, endian]) = mem.tuple(t) {
        let little = match name(*endian)?.as_str() {
            "big" => false,
            "little" => true,
            _ => return None,
        };
        return match name(*kind)?.as_str() {
            "utf16" => Some(Encoding::Utf16 { little }),
            "utf32" => Some(Encoding::Utf32 { little }),
            _ => None,
        };
    }
    match name(t)?.as_str() {
        "latin1" => Some(Encoding::Latin1),
        "unicode" | "utf8" => Some(Encoding::Utf8),
        "utf16" => Some(Encoding::Utf16 { little: false }),
        "utf32" => Some(Encoding::Utf32 { little: false }),
        _ => None,
    }
}

/// The bytes of a binary (not a bitstring).
fn bin_bytes(mem: &Mem<'_>, t: Term) -> Option<Vec<u8>> {
    mem.bitstr(t).and_then(|b| super::binary_bytes(&b))
}

/// Whether `t` is chardata: nested lists of integers and binaries, binary tails
/// allowed (`utf8_need` in `erl_unicode.c`; integers are checked later).
fn is_chardata(mem: &Mem<'_>, t: Term) -> bool {
    let mut work = vec![t];
    while let Some(mut t) = work.pop() {
        loop {
            if t.is_nil() {
                break;
            }
            if let Some((h, tl)) = mem.cons(t) {
                if mem.int(h).is_none() && !h.is_nil() {
                    if h.as_list().is_some() {
                        work.push(h);
                    } else if bin_bytes(mem, h).is_none() {
                        return false;
                    }
                }
                t = tl;
            } else {
                if bin_bytes(mem, t).is_none() {
                    return false;
                }
                break;
            }
        }
    }
    true
}

fn utf8_len(first: u8) -> usize {
    if first & 0x80 == 0 {
        1
    } else if first & 0xE0 == 0xC0 {
        2
    } else if first & 0xF0 == 0xE0 {
        3
    } else if first & 0xF8 == 0xF0 {
        4
    } else {
        0
    }
}

fn is_cont(b: u8) -> bool {
    b & 0xC0 == 0x80
}

/// Bytes of an incomplete UTF-8 character carried from one binary to the next.
#[derive(Default)]
struct Leftover {
    buf: [u8; 4],
    n: usize,
}

/// `copy_utf8_bin`: appends the valid UTF-8 of `src` to `out`; returns the offset of
/// an invalid sequence. With `leftover`, an incomplete last character is kept there
/// (and one kept from before is completed first).
fn copy_utf8(out: &mut Vec<u8>, src: &[u8], mut leftover: Option<&mut Leftover>) -> Option<usize> {
    let mut i = 0;
    if let Some(lo) = leftover.as_deref_mut() {
        if lo.n > 0 {
            let need = utf8_len(lo.buf[0]);
            let from_source = need - lo.n;
            if src.len() < from_source {
                lo.buf[lo.n..lo.n + src.len()].copy_from_slice(src);
                lo.n += src.len();
                return None;
            }
            lo.buf[lo.n..need].copy_from_slice(&src[..from_source]);
            let whole = lo.buf;
            if copy_utf8(out, &whole[..need], None).is_some() {
                return Some(0);
            }
            lo.n = 0;
            i = from_source;
        }
    }
    while i < src.len() {
        let b = src[i];
        let rem = src.len() - i;
        let len = utf8_len(b);
        if len == 1 {
            out.push(b);
            i += 1;
            continue;
        }
        if len == 0 {
            return Some(i);
        }
        if rem < len {
            if let Some(lo) = leftover.as_deref_mut() {
                lo.buf[..rem].copy_from_slice(&src[i..]);
                lo.n = rem;
                break;
            }
            return Some(i);
        }
        let s = &src[i..i + len];
        let valid = match len {
            2 => is_cont(s[1]) && b >= 0xC2,
            3 => {
                is_cont(s[1])
                    && is_cont(s[2])
                    && !(b == 0xE0 && s[1] < 0xA0)
                    && !(b & 0xF == 0xD && s[1] & 0x20 != 0)
            }
            _ => {
                is_cont(s[1])
                    && is_cont(s[2])
                    && is_cont(s[3])
                    && !(b == 0xF0 && s[1] < 0x90)
                    && !(b & 7 > 4 || (b & 7 == 4 && s[1] & 0x3F > 0xF))
            }
        };
        if !valid {
            return Some(i);
        }
        out.extend_from_slice(s);
        i += len;
    }
    None
}

/// `check_leftovers`: whether leftover bytes could still start a valid character.
fn leftovers_incomplete(src: &[u8]) -> bool {
    let b = src[0];
    let size = src.len();
    if b & 0xE0 == 0xC0 {
        true
    } else if b & 0xF0 == 0xE0 {
        size < 2 || (size < 3 && is_cont(src[1]))
    } else if b & 0xF8 == 0xF0 {
        size < 2
            || (size < 3 && is_cont(src[1]))
            || (size < 4 && is_cont(src[1]) && is_cont(src[2]))
    } else {
        false
    }
}

fn push_utf8(out: &mut Vec<u8>, c: char) {
    let mut buf = [0u8; 4];
    out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
}

/// A binary's contribution (`do_build_utf8` on a binary): `Err(rest)` on invalid
/// UTF-8.
fn build_bin(
    bytes: &[u8],
    latin1: bool,
    out: &mut Vec<u8>,
    lo: &mut Leftover,
) -> Result<(), Vec<u8>> {
    if latin1 {
        for b in bytes {
            push_utf8(out, char::from(*b));
        }
        return Ok(());
    }
    match copy_utf8(out, bytes, Some(lo)) {
        Some(at) => Err(bytes[at..].to_vec()),
        None => Ok(()),
    }
}

/// `do_build_utf8`: converts chardata in latin-1 or UTF-8 to UTF-8; on error, the
/// rest of the input as BEAM shapes it.
fn build_utf8(
    mem: &Mem<'_>,
    t: Term,
    latin1: bool,
    out: &mut Vec<u8>,
    lo: &mut Leftover,
) -> Option<Rest> {
    if t.is_nil() {
        return None;
    }
    if let Some(bytes) = bin_bytes(mem, t) {
        return build_bin(&bytes, latin1, out, lo).err().map(Rest::Bin);
    }
    if t.as_list().is_none() {
        return Some(Rest::Term(t));
    }
    let mut stack = vec![t];
    let mut failed: Option<Rest> = None;
    'outer: while let Some(mut ioterm) = stack.pop() {
        if ioterm.is_nil() {
            continue;
        }
        'again: while let Some((mut obj, mut tail)) = mem.cons(ioterm) {
            loop {
                if let Some(x) = obj.as_small() {
                    if lo.n > 0 {
                        failed = Some(Rest::Term(ioterm));
                        break 'outer;
                    }
                    let c = u32::try_from(x).ok().and_then(char::from_u32);
                    match c {
                        Some(c) if !latin1 || u32::from(c) <= 255 => push_utf8(out, c),
                        _ => {
                            failed = Some(Rest::Term(ioterm));
                            break 'outer;
                        }
                    }
                } else if obj.is_nil() {
                } else if obj.as_list().is_some() {
                    stack.push(tail);
                    ioterm = obj;
                    continue 'again;
                } else if let Some(bytes) = bin_bytes(mem, obj) {
                    if let Err(rest) = build_bin(&bytes, latin1, out, lo) {
                        failed = Some(Rest::cons(Rest::Bin(rest), Rest::Term(tail)));
                        break 'outer;
                    }
                } else {
                    failed = Some(Rest::Term(ioterm));
                    break 'outer;
                }
                ioterm = tail;
                match mem.cons(ioterm) {
                    Some((h, t)) => (obj, tail) = (h, t),
                    None => break 'again,
                }
            }
        }
        if !ioterm.is_nil() && ioterm.as_list().is_none() {
            match bin_bytes(mem, ioterm) {
                Some(bytes) => {
                    if let Err(rest) = build_bin(&bytes, latin1, out, lo) {
                        failed = Some(Rest::Bin(rest));
                        break 'outer;
                    }
                }
                None => {
                    failed = Some(Rest::Term(ioterm));
                    break 'outer;
                }
            }
        }
    }
    let mut rest = failed?;
    while let Some(st) = stack.pop() {
        rest = Rest::cons(rest, Rest::Term(st));
    }
    Some(rest)
}

/// The outcome of a conversion to UTF-8.
enum Outcome {
    Ok(Vec<u8>),
    Error(Vec<u8>, Rest),
    Incomplete(Vec<u8>, Rest),
}

/// `unicode:characters_to_binary/2` and `characters_to_list/2` from latin-1 or UTF-8
/// (`build_utf8_return`).
fn convert_utf8(mem: &Mem<'_>, t: Term, latin1: bool) -> Outcome {
    let mut out = Vec::new();
    let mut lo = Leftover::default();
    let rest = build_utf8(mem, t, latin1, &mut out, &mut lo);
    let left = lo.buf[..lo.n].to_vec();
    match rest {
        Some(rest) if lo.n > 0 => Outcome::Error(
            out,
            Rest::cons(Rest::Bin(left), Rest::cons(rest, Rest::Nil)),
        ),
        Some(rest) => Outcome::Error(out, rest),
        None if lo.n > 0 => {
            if leftovers_incomplete(&left) {
                Outcome::Incomplete(out, Rest::Bin(left))
            } else {
                Outcome::Error(out, Rest::Bin(left))
            }
        }
        None => Outcome::Ok(out),
    }
}

/// How many more bytes an incomplete UTF-16/32 sequence needs (`cbv/2`), or `None`
/// if it can never be valid.
fn cbv(enc: Encoding, b: &[u8]) -> Option<usize> {
    match (enc, b) {
        (Encoding::Utf16 { little: false }, [a]) if *a <= 215 || *a >= 224 => Some(1),
        (Encoding::Utf16 { little: false }, [a]) if a >> 2 == 54 => Some(3),
        (Encoding::Utf16 { little: false }, [a, _]) if a >> 2 == 54 => Some(2),
        (Encoding::Utf16 { little: false }, [a, _, c]) if a >> 2 == 54 && c >> 2 == 55 => Some(1),
        (Encoding::Utf16 { little: true }, [_]) => Some(1),
        (Encoding::Utf16 { little: true }, [_, b]) if b >> 2 == 54 => Some(2),
        (Encoding::Utf16 { little: true }, [_, b, _]) if b >> 2 == 54 => Some(1),
        (Encoding::Utf32 { little: false }, [0]) => Some(3),
        (Encoding::Utf32 { little: false }, [0, x]) if *x <= 16 => Some(2),
        (Encoding::Utf32 { little: false }, [0, x, y])
            if *x <= 16 && (*x > 0 || *y <= 215 || *y >= 224) =>
        {
            Some(1)
        }
        (Encoding::Utf32 { little: true }, [_]) => Some(3),
        (Encoding::Utf32 { little: true }, [_, _]) => Some(2),
        (Encoding::Utf32 { little: true }, [x, 255, 0]) if *x == 254 || *x == 255 => None,
        (Encoding::Utf32 { little: true }, [_, y, x])
            if *x <= 16 && (*x > 0 || *y <= 215 || *y >= 224) =>
        {
            Some(1)
        }
        _ => None,
    }
}

/// One UTF-16/32 character at the start of `b`: the code point and its length.
fn decode_one(enc: Encoding, b: &[u8]) -> Option<(u32, usize)> {
    match enc {
        Encoding::Utf16 { little } => {
            let unit = |i: usize| -> Option<u32> {
                let p = b.get(i..i + 2)?;
                Some(if little {
                    u32::from(u16::from_le_bytes([p[0], p[1]]))
                } else {
                    u32::from(u16::from_be_bytes([p[0], p[1]]))
                })
            };
            let w1 = unit(0)?;
            match w1 {
                0xD800..=0xDBFF => {
                    let w2 = unit(2).filter(|w| (0xDC00..=0xDFFF).contains(w))?;
                    Some((0x10000 + ((w1 - 0xD800) << 10) + (w2 - 0xDC00), 4))
                }
                0xDC00..=0xDFFF => None,
                _ => Some((w1, 2)),
            }
        }
        Encoding::Utf32 { little } => {
            let p: [u8; 4] = b.get(..4)?.try_into().ok()?;
            let c = if little {
                u32::from_le_bytes(p)
            } else {
                u32::from_be_bytes(p)
            };
            char::from_u32(c).map(|_| (c, 4))
        }
        _ => None,
    }
}

/// What translating one binary gives (`do_i_utf16_big/1` and friends).
enum Part {
    Done,
    Error(Vec<u8>),
    Incomplete(Vec<u8>, usize),
}

fn translate(enc: Encoding, b: &[u8], out: &mut Vec<u8>) -> Part {
    let mut i = 0;
    while i < b.len() {
        match decode_one(enc, &b[i..]) {
            Some((c, n)) => {
                if let Some(c) = char::from_u32(c) {
                    push_utf8(out, c);
                }
                i += n;
            }
            None => {
                let rest = b[i..].to_vec();
                return match cbv(enc, &rest) {
                    Some(n) => Part::Incomplete(rest, n),
                    None => Part::Error(rest),
                };
            }
        }
    }
    Part::Done
}

/// The accumulator of `ml_map/3`: the converted bytes and an incomplete character
/// waiting for `missing` more bytes.
struct Acc {
    out: Vec<u8>,
    pending: Option<(Vec<u8>, usize)>,
}

enum MlResult {
    Ok,
    Error(Rest),
    Incomplete,
}

/// A port of `unicode:ml_map/3` with the UTF-16/32 translation into UTF-8.
fn ml_map(mem: &Mem<'_>, t: Term, enc: Encoding, acc: &mut Acc) -> Result<MlResult, Exception> {
    if t.is_nil() {
        return Ok(if acc.pending.is_some() {
            MlResult::Incomplete
        } else {
            MlResult::Ok
        });
    }
    if let Some((part, tail)) = mem.cons(t) {
        if let Some(x) = mem.int(part) {
            if let Some((inc, _)) = acc.pending.take() {
                return Ok(MlResult::Error(Rest::cons(Rest::Bin(inc), Rest::Term(t))));
            }
            let c = match x {
                crate::heap::Int::Small(v) => u32::try_from(v).ok().and_then(char::from_u32),
                _ => None,
            };
            match c {
                Some(c) => push_utf8(&mut acc.out, c),
                None => {
                    let rest = Rest::cons(Rest::Term(part), Rest::Nil);
                    return Ok(MlResult::Error(Rest::cons(rest, Rest::Term(tail))));
                }
            }
            return ml_map(mem, tail, enc, acc);
        }
        if let Some(bytes) = bin_bytes(mem, part) {
            return ml_map_bin_in_list(mem, bytes, tail, enc, acc);
        }
        if part.as_list().is_some() || part.is_nil() {
            return match ml_map(mem, part, enc, acc)? {
                MlResult::Error(rest) => Ok(MlResult::Error(Rest::cons(rest, Rest::Term(tail)))),
                _ => ml_map(mem, tail, enc, acc),
            };
        }
        return Err(Exception::badarg());
    }
    let bytes = bin_bytes(mem, t).ok_or_else(Exception::badarg)?;
    // A binary on its own: with a pending character, or when long, `ml_map/3` goes
    // on with it as a list.
    if acc.pending.is_some() {
        return ml_map_bin_in_list(mem, bytes, Term::NIL, enc, acc);
    }
    if bytes.len() > 8192 {
        let (first, second) = bytes.split_at(8192);
        match translate(enc, first, &mut acc.out) {
            Part::Done => {}
            Part::Error(rest) => {
                let more = Rest::cons(Rest::Bin(second.to_vec()), Rest::Nil);
                return Ok(MlResult::Error(Rest::cons(Rest::Bin(rest), more)));
            }
            Part::Incomplete(rest, n) => acc.pending = Some((rest, n)),
        }
        return ml_map_bin_in_list(mem, second.to_vec(), Term::NIL, enc, acc);
    }
    Ok(match translate(enc, &bytes, &mut acc.out) {
        Part::Done => MlResult::Ok,
        Part::Error(rest) => MlResult::Error(Rest::Bin(rest)),
        Part::Incomplete(rest, n) => {
            acc.pending = Some((rest, n));
            MlResult::Incomplete
        }
    })
}

/// A binary element of a list, followed by `tail`.
fn ml_map_bin_in_list(
    mem: &Mem<'_>,
    bytes: Vec<u8>,
    tail: Term,
    enc: Encoding,
    acc: &mut Acc,
) -> Result<MlResult, Exception> {
    let mut bytes = bytes;
    if let Some((inc, missing)) = acc.pending.take() {
        if bytes.len() < missing {
            let mut inc = inc;
            inc.extend_from_slice(&bytes);
            acc.pending = Some((inc, missing - bytes.len()));
            return ml_map(mem, tail, enc, acc);
        }
        let mut joined = inc;
        joined.extend_from_slice(&bytes[..missing]);
        let trailing = bytes.split_off(missing);
        match translate(enc, &joined, &mut acc.out) {
            Part::Done => {}
            Part::Error(rest) => {
                let rest = Rest::cons(
                    Rest::Bin(rest),
                    Rest::cons(Rest::Bin(trailing), Rest::Term(tail)),
                );
                return Ok(MlResult::Error(rest));
            }
            Part::Incomplete(rest, n) => acc.pending = Some((rest, n)),
        }
        bytes = trailing;
        if acc.pending.is_some() {
            return ml_map_bin_in_list(mem, bytes, tail, enc, acc);
        }
    }
    let mut start = 0;
    while bytes.len() - start > 8192 {
        let chunk = &bytes[start..start + 8192];
        match translate(enc, chunk, &mut acc.out) {
            Part::Done => start += 8192,
            Part::Error(rest) => {
                let more = Rest::cons(Rest::Bin(bytes[start + 8192..].to_vec()), Rest::Term(tail));
                return Ok(MlResult::Error(Rest::cons(Rest::Bin(rest), more)));
            }
            Part::Incomplete(rest, n) => {
                acc.pending = Some((rest, n));
                return ml_map_bin_in_list(mem, bytes[start + 8192..].to_vec(), tail, enc, acc);
            }
        }
    }
    match translate(enc, &bytes[start..], &mut acc.out) {
        Part::Done => {}
        Part::Error(rest) => {
            return Ok(MlResult::Error(Rest::cons(
                Rest::Bin(rest),
                Rest::Term(tail),
            )));
        }
        Part::Incomplete(rest, n) => acc.pending = Some((rest, n)),
    }
    ml_map(mem, tail, enc, acc)
}

/// `characters_to_binary_int/2` for UTF-16/32 input (what the BIF traps to).
fn convert_other(mem: &Mem<'_>, t: Term, enc: Encoding) -> Result<Outcome, Exception> {
    let mut acc = Acc {
        out: Vec::new(),
        pending: None,
    };
    let r = ml_map(mem, t, enc, &mut acc)?;
    Ok(match r {
        MlResult::Ok => Outcome::Ok(acc.out),
        MlResult::Error(rest) => Outcome::Error(acc.out, rest),
        MlResult::Incomplete => {
            let (inc, _) = acc.pending.take().unwrap_or_default();
            Outcome::Incomplete(acc.out, Rest::Bin(inc))
        }
    })
}

fn convert(
    ctx: &Context<'_>,
    t: Term,
    enc: Term,
    unwrap_single: bool,
) -> Result<Outcome, Exception> {
    let enc = encoding(ctx, enc).ok_or_else(Exception::badarg)?;
    let mem = ctx.mem();
    match enc {
        Encoding::Latin1 | Encoding::Utf8 => {
            // A list of one binary is that binary (BEAM's shortcut, which shapes the
            // rest of invalid input).
            let subject = match mem.cons(t) {
                Some((h, tl)) if unwrap_single && tl.is_nil() && mem.bitstr(h).is_some() => h,
                _ => t,
            };
            if !is_chardata(&mem, subject) {
                return Err(Exception::badarg());
            }
            Ok(convert_utf8(&mem, subject, enc == Encoding::Latin1))
        }
        _ => convert_other(&mem, t, enc),
    }
}

fn result(ctx: &mut Context<'_>, outcome: Outcome, as_list: bool) -> Term {
    let converted = |ctx: &mut Context<'_>, bytes: &[u8]| {
        if as_list {
            let items: Vec<Term> = String::from_utf8_lossy(bytes)
                .chars()
                .filter_map(|c| Term::small(i64::from(u32::from(c))))
                .collect();
            ctx.heap().list(&items)
        } else {
            ctx.heap().binary(bytes)
        }
    };
    match outcome {
        Outcome::Ok(bytes) => converted(ctx, &bytes),
        Outcome::Error(bytes, rest) => {
            let c = converted(ctx, &bytes);
            let r = rest.build(ctx);
            ctx.heap().tuple(&[atoms::error, c, r])
        }
        Outcome::Incomplete(bytes, rest) => {
            let c = converted(ctx, &bytes);
            let r = rest.build(ctx);
            let tag = ctx.atom("incomplete");
            ctx.heap().tuple(&[tag, c, r])
        }
    }
}

/// `unicode:characters_to_binary/2`.
pub fn characters_to_binary(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    let outcome = convert(ctx, arg(args, 0), arg(args, 1), true)?;
    Ok(result(ctx, outcome, false))
}

/// `unicode:characters_to_list/2`.
pub fn characters_to_list(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    let outcome = convert(ctx, arg(args, 0), arg(args, 1), false)?;
    Ok(result(ctx, outcome, true))
}

/// `unicode:bin_is_7bit/1`.
pub fn bin_is_7bit(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    let mem = ctx.mem();
    let ascii = bin_bytes(&mem, arg(args, 0)).is_some_and(|b| b.is_ascii());
    Ok(super::boolean(ascii))
}
