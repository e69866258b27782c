//! Conversions between atoms, integers, lists and binaries.

use super::{arg, check};
use crate::heap::Int;
use crate::interp::{Context, Exception};
use crate::term::Term;
use num_bigint::BigInt;

/// A list of the code points of `text`.
pub fn chars(ctx: &mut Context<'_>, text: &str) -> Term {
    let items: Vec<Term> = text
        .chars()
        .filter_map(|c| Term::small(i64::from(u32::from(c))))
        .collect();
    ctx.heap().list(&items)
}

/// The characters of a proper list of code points, or `None`.
pub fn list_text(ctx: &Context<'_>, t: Term) -> Option<String> {
    let items = ctx.mem().list_elements(t)?;
    items
        .iter()
        .map(|c| {
            c.as_small()
                .and_then(|v| u32::try_from(v).ok())
                .and_then(char::from_u32)
        })
        .collect()
}

/// `atom_to_list/1`.
pub fn atom_to_list(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    let a = arg(args, 0).as_atom().ok_or_else(Exception::badarg)?;
    let name = ctx.vm.atoms.name(a).to_owned();
    Ok(chars(ctx, &name))
}

/// The atom named `text`: `system_limit` past 255 characters; with `existing`, only
/// an atom that already exists (else `badarg`).
fn make_atom(ctx: &mut Context<'_>, text: &str, existing: bool) -> Result<Term, Exception> {
    if text.chars().count() > 255 {
        let reason = ctx.atom("system_limit");
        return Err(Exception::error(reason));
    }
    if existing {
        return ctx
            .vm
            .atoms
            .lookup(text)
            .map(Term::atom)
            .ok_or_else(Exception::badarg);
    }
    Ok(ctx.atom(text))
}

/// `list_to_atom/1`.
pub fn list_to_atom(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    let text = list_text(ctx, arg(args, 0)).ok_or_else(Exception::badarg)?;
    make_atom(ctx, &text, false)
}

/// `list_to_existing_atom/1`.
pub fn list_to_existing_atom(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    let text = list_text(ctx, arg(args, 0)).ok_or_else(Exception::badarg)?;
    make_atom(ctx, &text, true)
}

/// `atom_to_binary/1,2`.
pub fn atom_to_binary(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    let a = arg(args, 0).as_atom().ok_or_else(Exception::badarg)?;
    let unicode = encoding(ctx, args.get(1))?;
    let name = ctx.vm.atoms.name(a).to_owned();
    if unicode {
        return Ok(ctx.heap().binary(name.as_bytes()));
    }
    let bytes: Option<Vec<u8>> = name.chars().map(|c| u8::try_from(c).ok()).collect();
    let bytes = bytes.ok_or_else(Exception::badarg)?;
    Ok(ctx.heap().binary(&bytes))
}

fn binary_atom_text(ctx: &Context<'_>, args: &[Term]) -> Result<String, Exception> {
    let unicode = encoding(ctx, args.get(1))?;
    let bytes = ctx
        .mem()
        .bitstr(arg(args, 0))
        .and_then(|b| super::binary_bytes(&b))
        .ok_or_else(Exception::badarg)?;
    if unicode {
        String::from_utf8(bytes).map_err(|_| Exception::badarg())
    } else {
        Ok(bytes.iter().map(|b| char::from(*b)).collect())
    }
}

/// `binary_to_atom/1,2`.
pub fn binary_to_atom(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    let text = binary_atom_text(ctx, args)?;
    make_atom(ctx, &text, false)
}

/// `binary_to_existing_atom/1,2`.
pub fn binary_to_existing_atom(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    let text = binary_atom_text(ctx, args)?;
    make_atom(ctx, &text, true)
}

fn radix_text(value: &Int, radix: u32) -> String {
    match value {
        Int::Small(v) if radix == 10 => v.to_string(),
        other => other.to_big().to_str_radix(radix).to_uppercase(),
    }
}

fn int_and_radix(ctx: &Context<'_>, args: &[Term]) -> Result<(Int, u32), Exception> {
    let v = ctx.mem().int(arg(args, 0)).ok_or_else(Exception::badarg)?;
    let radix = match args.get(1) {
        Some(r) => r
            .as_small()
            .filter(|r| (2..=36).contains(r))
            .ok_or_else(Exception::badarg)? as u32,
        None => 10,
    };
    Ok((v, radix))
}

/// `integer_to_list/1,2`.
pub fn integer_to_list(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    let (v, radix) = int_and_radix(ctx, args)?;
    let text = radix_text(&v, radix);
    Ok(chars(ctx, &text))
}

/// `integer_to_binary/1`.
pub fn integer_to_binary(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    let (v, radix) = int_and_radix(ctx, args)?;
    let text = radix_text(&v, radix);
    Ok(ctx.heap().binary(text.as_bytes()))
}

/// `binary_to_list/1`.
pub fn binary_to_list(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    let bytes = ctx
        .mem()
        .bitstr(arg(args, 0))
        .and_then(|b| super::binary_bytes(&b))
        .ok_or_else(Exception::badarg)?;
    let items: Vec<Term> = bytes
        .iter()
        .filter_map(|b| Term::small(i64::from(*b)))
        .collect();
    Ok(ctx.heap().list(&items))
}

/// `binary_to_list/3`: bytes `Start..=Stop` (1-based) of a bitstring's whole bytes.
pub fn binary_to_list3(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    let (Some(start), Some(stop)) = (arg(args, 1).as_small(), arg(args, 2).as_small()) else {
        return Err(Exception::badarg());
    };
    let bytes = {
        let mem = ctx.mem();
        let b = mem.bitstr(arg(args, 0)).ok_or_else(Exception::badarg)?;
        let size = (b.bits / 8) as i64;
        check(1 <= start && start <= stop && stop <= size)?;
        b.to_bytes()[(start - 1) as usize..stop as usize].to_vec()
    };
    let items: Vec<Term> = bytes
        .iter()
        .filter_map(|b| Term::small(i64::from(*b)))
        .collect();
    Ok(ctx.heap().list(&items))
}

/// Flattens an iolist (bytes, binaries, nested lists; a list's tail may be a binary)
/// into bytes; a binary on its own is accepted too.
pub fn iolist_bytes(ctx: &Context<'_>, t: Term) -> Option<Vec<u8>> {
    let mem = ctx.mem();
    let mut out = Vec::new();
    // (term, whether it is a list element, where a byte is allowed)
    let mut work = vec![(t, false)];
    while let Some((t, element)) = work.pop() {
        if t.is_nil() {
            continue;
        }
        if let Some((h, tl)) = mem.cons(t) {
            work.push((tl, false));
            work.push((h, true));
        } else if let Some(v) = t.as_small().filter(|_| element) {
            out.push(u8::try_from(v).ok()?);
        } else {
            let bits = mem.bitstr(t)?;
            out.extend(super::binary_bytes(&bits)?);
        }
    }
    Some(out)
}

/// `list_to_bitstring/1`: like `list_to_binary/1`, but binaries may be bitstrings.
pub fn list_to_bitstring(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    let t = arg(args, 0);
    check(t.is_nil() || t.as_list().is_some())?;
    let (out, bits) = {
        let mem = ctx.mem();
        let mut out: Vec<u8> = Vec::new();
        let mut bits = 0usize;
        let mut push_bits = |b: &crate::heap::BitStr<'_>| {
            for i in 0..b.bits {
                if bits % 8 == 0 {
                    out.push(0);
                }
                if b.bit(i) {
                    let last = out.len() - 1;
                    out[last] |= 0x80 >> (bits % 8);
                }
                bits += 1;
            }
        };
        let mut work = vec![(t, false)];
        while let Some((t, element)) = work.pop() {
            if t.is_nil() {
                continue;
            }
            if let Some((h, tl)) = mem.cons(t) {
                work.push((tl, false));
                work.push((h, true));
            } else if let Some(v) = t.as_small().filter(|_| element) {
                let byte = u8::try_from(v).map_err(|_| Exception::badarg())?;
                let one = [byte];
                push_bits(&crate::heap::BitStr {
                    bytes: &one,
                    offset: 0,
                    bits: 8,
                });
            } else {
                let b = mem.bitstr(t).ok_or_else(Exception::badarg)?;
                push_bits(&b);
            }
        }
        (out, bits)
    };
    Ok(ctx.heap().bitstring(&out, bits))
}

/// `list_to_binary/1`.
pub fn list_to_binary(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    let t = arg(args, 0);
    check(t.is_nil() || t.as_list().is_some())?;
    iolist_to_binary(ctx, args)
}

/// `iolist_to_binary/1`.
pub fn iolist_to_binary(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    let t = arg(args, 0);
    let bytes = iolist_bytes(ctx, t).ok_or_else(Exception::badarg)?;
    Ok(ctx.heap().binary(&bytes))
}

/// `iolist_to_iovec/1`: the bytes as one binary in a list (`[]` when empty).
pub fn iolist_to_iovec(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    let bytes = iolist_bytes(ctx, arg(args, 0)).ok_or_else(Exception::badarg)?;
    if bytes.is_empty() {
        return Ok(Term::NIL);
    }
    let bin = ctx.heap().binary(&bytes);
    Ok(ctx.heap().list(&[bin]))
}

/// `iolist_size/1`.
pub fn iolist_size(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    let n = iolist_bytes(ctx, arg(args, 0))
        .ok_or_else(Exception::badarg)?
        .len();
    Ok(ctx.heap().int(n as i64))
}

/// The bytes of chardata: code points and UTF-8 binaries (`unicode`) or bytes and
/// binaries (`latin1`), nested in lists.
pub fn chardata_utf8(ctx: &Context<'_>, t: Term, unicode: bool) -> Option<Vec<u8>> {
    let mem = ctx.mem();
    let mut out = Vec::new();
    let mut work = vec![t];
    while let Some(t) = work.pop() {
        if t.is_nil() {
            continue;
        }
        if let Some((h, tl)) = mem.cons(t) {
            work.push(tl);
            work.push(h);
        } else if let Some(v) = t.as_small() {
            let c = char::from_u32(u32::try_from(v).ok()?)?;
            if !unicode && u32::from(c) > 255 {
                return None;
            }
            let mut buf = [0u8; 4];
            out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
        } else {
            let bits = mem.bitstr(t)?;
            let bytes = super::binary_bytes(&bits)?;
            if unicode {
                out.extend_from_slice(&bytes);
            } else {
                for b in bytes {
                    let mut buf = [0u8; 4];
                    out.extend_from_slice(char::from(b).encode_utf8(&mut buf).as_bytes());
                }
            }
        }
    }
    Some(out)
}

/// `atomvm_host:put_chars/2,3,4`: writes chardata to standard output, or to standard
/// error: `put_chars([Target,] [DeviceEncoding,] DataEncoding, Chars)`, `Target`
/// `stdout` (the default) or `stderr`, the device `latin1` unless said otherwise.
pub fn put_chars(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    use std::io::Write;
    let (to_stderr, args) = match args {
        [target, rest @ ..] if args.len() == 4 => (
            target
                .as_atom()
                .is_some_and(|a| ctx.vm.atoms.name(a) == "stderr"),
            rest,
        ),
        _ => (false, args),
    };
    let (device_unicode, data, chars) = match args {
        [device, data, chars] => (*device != crate::atom::atoms::latin1, *data, *chars),
        _ => (false, arg(args, 0), arg(args, 1)),
    };
    let write = |ctx: &mut Context<'_>, bytes: &[u8]| {
        if to_stderr {
            let _ = ctx.vm.out.flush();
            let _ = std::io::stderr().write_all(bytes);
        } else {
            let _ = ctx.vm.out.write_all(bytes);
        }
    };
    let unicode = data != crate::atom::atoms::latin1;
    match chardata_utf8(ctx, chars, unicode) {
        Some(utf8) if device_unicode => {
            write(ctx, &utf8);
            Ok(crate::atom::atoms::ok)
        }
        Some(utf8) => {
            // Standard output is a latin-1 device, as under `erl -noshell`: characters
            // up to 255 are single bytes, others are written as \x{H}.
            let text = String::from_utf8_lossy(&utf8);
            let mut bytes = Vec::with_capacity(utf8.len());
            for c in text.chars() {
                match u8::try_from(u32::from(c)) {
                    Ok(b) => bytes.push(b),
                    Err(_) => {
                        bytes.extend_from_slice(format!("\\x{{{:X}}}", u32::from(c)).as_bytes())
                    }
                }
            }
            write(ctx, &bytes);
            Ok(crate::atom::atoms::ok)
        }
        None => {
            let reason = ctx.atom("no_translation");
            Ok(ctx.heap().tuple(&[crate::atom::atoms::error, reason]))
        }
    }
}

/// `atomvm_host:put_stderr(Chars)`: writes unicode chardata to standard error (where
/// the host VM's logger reports go).
pub fn put_stderr(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    use std::io::Write;
    let utf8 = chardata_utf8(ctx, arg(args, 0), true).ok_or_else(Exception::badarg)?;
    let _ = ctx.vm.out.flush();
    let _ = std::io::stderr().write_all(&utf8);
    Ok(crate::atom::atoms::ok)
}

/// `erlang:display_string(Device, String)` (OTP 27): writes the characters to
/// `stdout` or `stderr` unbuffered by any io server; `true`.
pub fn display_string2(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    use std::io::Write;
    let device = arg(args, 0)
        .as_atom()
        .map(|a| ctx.vm.atoms.name(a).to_owned());
    let utf8 = chardata_utf8(ctx, arg(args, 1), true).ok_or_else(Exception::badarg)?;
    match device.as_deref() {
        Some("stdout") => {
            let _ = ctx.vm.out.write_all(&utf8);
        }
        Some("stderr") => {
            let _ = ctx.vm.out.flush();
            let _ = std::io::stderr().write_all(&utf8);
        }
        _ => return Err(Exception::badarg()),
    }
    Ok(crate::atom::atoms::true_)
}

fn encoding(ctx: &Context<'_>, t: Option<&Term>) -> Result<bool, Exception> {
    match t {
        None => Ok(true),
        Some(t) => match t.as_atom().map(|a| ctx.vm.atoms.name(a)) {
            Some("unicode" | "utf8") => Ok(true),
            Some("latin1") => Ok(false),
            _ => Err(Exception::badarg()),
        },
    }
}

/// `binary_to_integer/1,2`.
pub fn binary_to_integer(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    let bytes = ctx
        .mem()
        .bitstr(arg(args, 0))
        .and_then(|b| super::binary_bytes(&b))
        .ok_or_else(Exception::badarg)?;
    let text = String::from_utf8(bytes).map_err(|_| Exception::badarg())?;
    parse_int(ctx, &text, args.get(1).copied())
}

fn parse_int(ctx: &mut Context<'_>, text: &str, radix: Option<Term>) -> Result<Term, Exception> {
    let radix = match radix {
        Some(r) => r
            .as_small()
            .filter(|r| (2..=36).contains(r))
            .ok_or_else(Exception::badarg)? as u32,
        None => 10,
    };
    let (negative, digits) = match text.strip_prefix('-') {
        Some(d) => (true, d),
        None => (false, text.strip_prefix('+').unwrap_or(text)),
    };
    check(!digits.is_empty() && digits.chars().all(|c| c.is_digit(radix)))?;
    let v = BigInt::parse_bytes(digits.as_bytes(), radix).ok_or_else(Exception::badarg)?;
    Ok(ctx.heap().bigint(&if negative { -v } else { v }))
}

/// `list_to_integer/1,2`.
pub fn list_to_integer(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    let text = list_text(ctx, arg(args, 0)).ok_or_else(Exception::badarg)?;
    parse_int(ctx, &text, args.get(1).copied())
}

/// `binary_part/2,3`, `binary:part/2,3` (negative lengths count backwards).
pub fn binary_part(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    let bin = arg(args, 0);
    let (start, len) = if args.len() == 2 {
        match ctx.mem().tuple(arg(args, 1)) {
            Some([s, l]) => (*s, *l),
            _ => return Err(Exception::badarg()),
        }
    } else {
        (arg(args, 1), arg(args, 2))
    };
    let (Some(start), Some(len)) = (start.as_small(), len.as_small()) else {
        return Err(Exception::badarg());
    };
    let size = ctx
        .mem()
        .bitstr(bin)
        .filter(|b| b.bits % 8 == 0)
        .ok_or_else(Exception::badarg)?
        .bits as i64
        / 8;
    let (from, to) = if len >= 0 {
        (start, start + len)
    } else {
        (start + len, start)
    };
    check(from >= 0 && to <= size)?;
    let bytes = {
        let mem = ctx.mem();
        let b = mem.bitstr(bin).ok_or_else(Exception::badarg)?;
        b.to_bytes()[from as usize..to as usize].to_vec()
    };
    Ok(ctx.heap().binary(&bytes))
}

/// `split_binary/2`.
pub fn split_binary(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    let at = arg(args, 1).as_small().ok_or_else(Exception::badarg)?;
    let bytes = ctx
        .mem()
        .bitstr(arg(args, 0))
        .and_then(|b| super::binary_bytes(&b))
        .ok_or_else(Exception::badarg)?;
    check(at >= 0 && at as usize <= bytes.len())?;
    let (a, b) = bytes.split_at(at as usize);
    let parts = [ctx.heap().binary(a), ctx.heap().binary(b)];
    Ok(ctx.heap().tuple(&parts))
}

/// `bitstring_to_list/1`: bytes, then a final bitstring if bits remain.
pub fn bitstring_to_list(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    let (bytes, bits) = {
        let mem = ctx.mem();
        let b = mem.bitstr(arg(args, 0)).ok_or_else(Exception::badarg)?;
        (b.to_bytes(), b.bits)
    };
    let whole = bits / 8;
    let mut items: Vec<Term> = bytes[..whole]
        .iter()
        .filter_map(|b| Term::small(i64::from(*b)))
        .collect();
    if bits % 8 != 0 {
        let rest = ctx.heap().bitstring(&bytes[whole..], bits % 8);
        items.push(rest);
    }
    Ok(ctx.heap().list(&items))
}

/// The leading characters of a list (up to the first non-integer element or the end),
/// each with the list that follows it.
fn leading_chars(ctx: &Context<'_>, t: Term) -> Vec<(u8, Term)> {
    let mem = ctx.mem();
    let mut out = Vec::new();
    let mut t = t;
    while let Some((h, tl)) = mem.cons(t) {
        // Only ASCII characters matter to number syntax.
        match h.as_small().and_then(|v| u8::try_from(v).ok()) {
            Some(c) if c.is_ascii() => out.push((c, tl)),
            _ => break,
        }
        t = tl;
    }
    out
}

/// The longest prefix of `chars` matching a number: `[+-]digits`, and for floats
/// `[.,]digits([eE][+-]?digits)?` after it. Returns the length consumed.
fn number_prefix(chars: &[u8], float: bool) -> Option<usize> {
    let digits = |from: usize| {
        chars[from..]
            .iter()
            .take_while(|c| c.is_ascii_digit())
            .count()
    };
    let mut i = usize::from(matches!(chars.first(), Some(b'+' | b'-')));
    let n = digits(i);
    if n == 0 {
        return None;
    }
    i += n;
    if !float {
        return Some(i);
    }
    if !matches!(chars.get(i), Some(b'.' | b',')) {
        return None;
    }
    let n = digits(i + 1);
    if n == 0 {
        return None;
    }
    i += 1 + n;
    if matches!(chars.get(i), Some(b'e' | b'E')) {
        let mut j = i + 1;
        if matches!(chars.get(j), Some(b'+' | b'-')) {
            j += 1;
        }
        let n = digits(j);
        if n > 0 {
            i = j + n;
        }
    }
    Some(i)
}

fn string_number(ctx: &mut Context<'_>, t: Term, float: bool) -> Result<Term, Exception> {
    let error = |ctx: &mut Context<'_>, reason: &str| {
        let r = ctx.atom(reason);
        Ok(ctx.heap().tuple(&[crate::atom::atoms::error, r]))
    };
    if !t.is_nil() && t.as_list().is_none() {
        return error(ctx, "not_a_list");
    }
    let cells = leading_chars(ctx, t);
    let text: Vec<u8> = cells.iter().map(|(c, _)| *c).collect();
    let Some(n) = number_prefix(&text, float) else {
        return error(ctx, if float { "no_float" } else { "no_integer" });
    };
    let rest = cells[n - 1].1;
    let digits: String = text[..n]
        .iter()
        .map(|c| if *c == b',' { '.' } else { char::from(*c) })
        .collect();
    let value = if float {
        match digits.parse::<f64>().ok().filter(|f| f.is_finite()) {
            Some(f) => ctx.heap().float(f),
            None => return error(ctx, "no_float"),
        }
    } else {
        let digits = digits.strip_prefix('+').unwrap_or(&digits);
        let v: BigInt = digits.parse().map_err(|_| Exception::badarg())?;
        ctx.heap().bigint(&v)
    };
    Ok(ctx.heap().tuple(&[value, rest]))
}

/// `string:list_to_integer/1`: `{Integer, Rest}` or `{error, Reason}`.
pub fn string_list_to_integer(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    string_number(ctx, arg(args, 0), false)
}

/// `string:list_to_float/1`: `{Float, Rest}` or `{error, Reason}`.
pub fn string_list_to_float(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    string_number(ctx, arg(args, 0), true)
}
