//! Printing terms as `erlang:display/1` does (BEAM's own C printer): floats as
//! `%e`, printable lists as strings, maps as `#{k=>v}`, no spaces.

use crate::atom::AtomTable;
use crate::heap::{Int, Mem};
use crate::term::{HeaderKind, Term};
use std::io::Write;

/// Writes `line` and a newline to standard error in one write, so that output
/// interleaved with it (the program's, relayed by `mix atomvm.run`) cannot split it.
pub fn stderr_line(line: &str) {
    let mut bytes = Vec::with_capacity(line.len() + 1);
    bytes.extend_from_slice(line.as_bytes());
    bytes.push(b'\n');
    let _ = std::io::stderr().write_all(&bytes);
}

/// Appends the display form of `t` to `out`.
pub fn display(mem: &Mem<'_>, atoms: &AtomTable, t: Term, out: &mut Vec<u8>) {
    enum Item {
        Term(Term),
        Text(&'static str),
    }
    let mut work = vec![Item::Term(t)];
    while let Some(item) = work.pop() {
        let t = match item {
            Item::Text(s) => {
                out.extend_from_slice(s.as_bytes());
                continue;
            }
            Item::Term(t) => t,
        };
        if let Some(v) = t.as_small() {
            let _ = write!(out, "{v}");
        } else if let Some(a) = t.as_atom() {
            atom(atoms.name(a), out);
        } else if t.is_nil() {
            out.extend_from_slice(b"[]");
        } else if let Some(p) = t.as_pid() {
            let _ = write!(out, "<0.{p}.0>");
        } else if let Some(p) = t.as_port() {
            let _ = write!(out, "#Port<0.{p}>");
        } else if t.as_list().is_some() {
            if let Some(text) = printable_string(mem, t) {
                quoted_string(&text, out);
                continue;
            }
            // Push in reverse: "[", h1, ",", h2, ..., "|" tail, "]".
            let mut parts = vec![Item::Text("[")];
            let mut cur = t;
            let mut first = true;
            loop {
                match mem.cons(cur) {
                    Some((h, tl)) => {
                        if !first {
                            parts.push(Item::Text(","));
                        }
                        first = false;
                        parts.push(Item::Term(h));
                        cur = tl;
                    }
                    None => {
                        if !cur.is_nil() {
                            parts.push(Item::Text("|"));
                            parts.push(Item::Term(cur));
                        }
                        break;
                    }
                }
            }
            parts.push(Item::Text("]"));
            work.extend(parts.into_iter().rev());
        } else if let Some(elements) = mem.tuple(t) {
            let mut parts = vec![Item::Text("{")];
            for (i, e) in elements.iter().enumerate() {
                if i > 0 {
                    parts.push(Item::Text(","));
                }
                parts.push(Item::Term(*e));
            }
            parts.push(Item::Text("}"));
            work.extend(parts.into_iter().rev());
        } else if let Some((keys, values)) = mem.map(t) {
            let mut parts = vec![Item::Text("#{")];
            for (i, (k, v)) in keys.iter().zip(values).enumerate() {
                if i > 0 {
                    parts.push(Item::Text(","));
                }
                parts.push(Item::Term(*k));
                parts.push(Item::Text("=>"));
                parts.push(Item::Term(*v));
            }
            parts.push(Item::Text("}"));
            work.extend(parts.into_iter().rev());
        } else if let Some(r) = crate::records::view(mem, t) {
            // `#Module:name{field=Value,...}`.
            let mut parts = vec![
                Item::Text("#"),
                Item::Term(r.module),
                Item::Text(":"),
                Item::Term(r.name),
                Item::Text("{"),
            ];
            for (i, (f, v)) in r.fields.iter().zip(r.values).enumerate() {
                if i > 0 {
                    parts.push(Item::Text(","));
                }
                parts.push(Item::Term(*f));
                parts.push(Item::Text("="));
                parts.push(Item::Term(*v));
            }
            parts.push(Item::Text("}"));
            work.extend(parts.into_iter().rev());
        } else if let Some(f) = mem.float(t) {
            float_e(f, out);
        } else if let Some(Int::Big(b)) = mem.int(t) {
            let _ = write!(out, "{b}");
        } else if let Some(bits) = mem.bitstr(t) {
            let bytes = bits.to_bytes();
            let whole = bits.bits / 8;
            let rest = bits.bits % 8;
            out.extend_from_slice(b"<<");
            if rest == 0 && !bytes.is_empty() && bytes.iter().all(|b| (32..=126).contains(b)) {
                quoted_string(&bytes, out);
            } else {
                for (i, b) in bytes.iter().take(whole).enumerate() {
                    if i > 0 {
                        out.push(b',');
                    }
                    let _ = write!(out, "{b}");
                }
                if rest != 0 {
                    if whole > 0 {
                        out.push(b',');
                    }
                    let last = bytes.get(whole).copied().unwrap_or(0) >> (8 - rest);
                    let _ = write!(out, "{last}:{rest}");
                }
            }
            out.extend_from_slice(b">>");
        } else if let Some((header, payload)) = mem.boxed(t) {
            match header.kind {
                HeaderKind::Export => {
                    out.extend_from_slice(b"fun ");
                    if let [m, f, a] = payload {
                        atom(atoms.name(m.as_atom().unwrap_or(0)), out);
                        out.push(b':');
                        atom(atoms.name(f.as_atom().unwrap_or(0)), out);
                        let _ = write!(out, "/{}", a.as_small().unwrap_or(0));
                    }
                }
                HeaderKind::Fun => out.extend_from_slice(b"#Fun<>"),
                HeaderKind::Ref => {
                    let id = payload.first().map_or(0, |w| w.0);
                    let _ = write!(out, "#Ref<0.0.0.{id}>");
                }
                _ => out.extend_from_slice(b"<unknown>"),
            }
        } else {
            out.extend_from_slice(b"<bad term>");
        }
    }
}

/// Characters `erlang:display/1` shows inside a string: printable latin-1, tab, CR, LF.
fn printable_char(c: u8) -> bool {
    (32..=126).contains(&c) || c >= 160 || matches!(c, b'\n' | b'\r' | b'\t')
}

/// The latin-1 bytes of a list of printable characters, if `t` is one.
fn printable_string(mem: &Mem<'_>, t: Term) -> Option<Vec<u8>> {
    let mut text = Vec::new();
    let mut cur = t;
    while let Some((h, tl)) = mem.cons(cur) {
        let c = u8::try_from(h.as_small()?).ok()?;
        if !printable_char(c) {
            return None;
        }
        text.push(c);
        cur = tl;
    }
    cur.is_nil().then_some(text)
}

/// A quoted string as BEAM's printer writes it: only `"` and newline are escaped.
fn quoted_string(text: &[u8], out: &mut Vec<u8>) {
    out.push(b'"');
    for &c in text {
        match c {
            b'"' => out.extend_from_slice(b"\\\""),
            b'\n' => out.extend_from_slice(b"\\n"),
            c => out.push(c),
        }
    }
    out.push(b'"');
}

/// Writes an atom, quoted when BEAM's printer quotes it.
pub fn atom(name: &str, out: &mut Vec<u8>) {
    if atom_needs_quotes(name) {
        out.push(b'\'');
        for c in name.chars() {
            match c {
                '\'' => out.extend_from_slice(b"\\'"),
                '\\' => out.extend_from_slice(b"\\\\"),
                '\n' => out.extend_from_slice(b"\\n"),
                '\t' => out.extend_from_slice(b"\\t"),
                c => {
                    let mut buf = [0u8; 4];
                    out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
                }
            }
        }
        out.push(b'\'');
    } else {
        out.extend_from_slice(name.as_bytes());
    }
}

fn is_lower(c: char) -> bool {
    c.is_ascii_lowercase() || (('ß'..='ÿ').contains(&c) && c != '÷')
}

fn is_name_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_' || (('À'..='ÿ').contains(&c) && c != '×' && c != '÷')
}

/// Whether `erlang:display/1` writes an atom in quotes: unless it is a lower-case
/// letter followed by letters, digits and `_` (BEAM's printer does not quote reserved
/// words, and quotes `@`).
pub fn atom_needs_quotes(name: &str) -> bool {
    let mut chars = name.chars();
    match chars.next() {
        Some(c) if is_lower(c) => !chars.all(is_name_char),
        _ => true,
    }
}

/// `%e` with six decimals and at least two exponent digits, as C's printf.
pub fn float_e(f: f64, out: &mut Vec<u8>) {
    let s = format!("{f:.6e}");
    // Rust writes `1.500000e0`; C writes `1.500000e+00`.
    match s.split_once('e') {
        Some((mantissa, exp)) => {
            let (sign, digits) = match exp.strip_prefix('-') {
                Some(d) => ('-', d),
                None => ('+', exp),
            };
            let _ = write!(out, "{mantissa}e{sign}{digits:0>2}");
        }
        None => out.extend_from_slice(s.as_bytes()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn floats_like_printf() {
        let mut s = Vec::new();
        for f in [1.5, 1.0e20, 0.1, -0.0, 1.0e-5, 123456789.0] {
            float_e(f, &mut s);
            s.push(b' ');
        }
        assert_eq!(
            s,
            b"1.500000e+00 1.000000e+20 1.000000e-01 -0.000000e+00 1.000000e-05 1.234568e+08 "
        );
    }

    #[test]
    fn atom_quoting() {
        for (a, q) in [
            ("ok", false),
            ("Hello", true),
            ("a b", true),
            ("é", false),
            ("and", false),
            ("a@b", true),
            ("if", false),
            ("a_B1", false),
            ("", true),
        ] {
            assert_eq!(atom_needs_quotes(a), q, "{a}");
        }
    }
}
