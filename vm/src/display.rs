//! Printing terms as `erlang:display/1` does (BEAM's own C printer): floats as
//! `%e`, printable lists as strings, maps as `#{k=>v}`, no spaces.

use crate::atom::AtomTable;
use crate::heap::{Int, Mem};
use crate::term::{HeaderKind, Term};
use std::fmt::Write;

/// Appends the display form of `t` to `out`.
pub fn display(mem: &Mem<'_>, atoms: &AtomTable, t: Term, out: &mut String) {
    enum Item {
        Term(Term),
        Text(&'static str),
    }
    let mut work = vec![Item::Term(t)];
    while let Some(item) = work.pop() {
        let t = match item {
            Item::Text(s) => {
                out.push_str(s);
                continue;
            }
            Item::Term(t) => t,
        };
        if let Some(v) = t.as_small() {
            let _ = write!(out, "{v}");
        } else if let Some(a) = t.as_atom() {
            atom(atoms.name(a), out);
        } else if t.is_nil() {
            out.push_str("[]");
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
        } else if let Some(f) = mem.float(t) {
            float_e(f, out);
        } else if let Some(Int::Big(b)) = mem.int(t) {
            let _ = write!(out, "{b}");
        } else if let Some(bits) = mem.bitstr(t) {
            let bytes = bits.to_bytes();
            let whole = bits.bits / 8;
            let rest = bits.bits % 8;
            out.push_str("<<");
            if rest == 0 && !bytes.is_empty() && bytes.iter().all(|b| printable_byte(*b)) {
                let text: String = bytes.iter().map(|b| char::from(*b)).collect();
                quoted_string(&text, out);
            } else {
                for (i, b) in bytes.iter().take(whole).enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    let _ = write!(out, "{b}");
                }
                if rest != 0 {
                    if whole > 0 {
                        out.push(',');
                    }
                    let last = bytes.get(whole).copied().unwrap_or(0) >> (8 - rest);
                    let _ = write!(out, "{last}:{rest}");
                }
            }
            out.push_str(">>");
        } else if let Some((header, payload)) = mem.boxed(t) {
            match header.kind {
                HeaderKind::Export => {
                    out.push_str("fun ");
                    if let [m, f, a] = payload {
                        atom(atoms.name(m.as_atom().unwrap_or(0)), out);
                        out.push(':');
                        atom(atoms.name(f.as_atom().unwrap_or(0)), out);
                        let _ = write!(out, "/{}", a.as_small().unwrap_or(0));
                    }
                }
                HeaderKind::Fun => out.push_str("#Fun<>"),
                HeaderKind::Ref => {
                    let id = payload.first().map_or(0, |w| w.0);
                    let _ = write!(out, "#Ref<0.0.0.{id}>");
                }
                _ => out.push_str("<unknown>"),
            }
        } else {
            out.push_str("<bad term>");
        }
    }
}

fn printable_byte(b: u8) -> bool {
    (32..=126).contains(&b)
        || b >= 160
        || matches!(b, b'\n' | b'\r' | b'\t' | 0x0B | 0x08 | 0x0C | 0x1B)
}

/// The text of a list of printable latin-1 characters, if `t` is one.
fn printable_string(mem: &Mem<'_>, t: Term) -> Option<String> {
    let mut text = String::new();
    let mut cur = t;
    while let Some((h, tl)) = mem.cons(cur) {
        let c = u8::try_from(h.as_small()?).ok()?;
        if !printable_byte(c) {
            return None;
        }
        text.push(char::from(c));
        cur = tl;
    }
    cur.is_nil().then_some(text)
}

fn quoted_string(text: &str, out: &mut String) {
    out.push('"');
    escape(text, '"', out);
    out.push('"');
}

fn escape(text: &str, quote: char, out: &mut String) {
    for c in text.chars() {
        match c {
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{0B}' => out.push_str("\\v"),
            '\u{08}' => out.push_str("\\b"),
            '\u{0C}' => out.push_str("\\f"),
            '\u{1B}' => out.push_str("\\e"),
            '\\' => out.push_str("\\\\"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c => out.push(c),
        }
    }
}

/// Writes an atom, quoted when it would not read back unquoted.
pub fn atom(name: &str, out: &mut String) {
    if atom_needs_quotes(name) {
        out.push('\'');
        escape(name, '\'', out);
        out.push('\'');
    } else {
        out.push_str(name);
    }
}

fn is_lower(c: char) -> bool {
    c.is_ascii_lowercase() || (('ß'..='ÿ').contains(&c) && c != '÷')
}

fn is_name_char(c: char) -> bool {
    c.is_ascii_alphanumeric()
        || c == '_'
        || c == '@'
        || (('À'..='ÿ').contains(&c) && c != '×' && c != '÷')
}

/// Whether an atom must be written in quotes.
pub fn atom_needs_quotes(name: &str) -> bool {
    const RESERVED: &[&str] = &[
        "after", "and", "andalso", "band", "begin", "bnot", "bor", "bsl", "bsr", "bxor", "case",
        "catch", "cond", "div", "end", "fun", "if", "let", "not", "of", "or", "orelse", "receive",
        "rem", "try", "when", "xor", "maybe", "else",
    ];
    let mut chars = name.chars();
    match chars.next() {
        Some(c) if is_lower(c) => !chars.all(is_name_char) || RESERVED.contains(&name),
        _ => true,
    }
}

/// `%e` with six decimals and at least two exponent digits, as C's printf.
pub fn float_e(f: f64, out: &mut String) {
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
        None => out.push_str(&s),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn floats_like_printf() {
        let mut s = String::new();
        for f in [1.5, 1.0e20, 0.1, -0.0, 1.0e-5, 123456789.0] {
            float_e(f, &mut s);
            s.push(' ');
        }
        assert_eq!(
            s,
            "1.500000e+00 1.000000e+20 1.000000e-01 -0.000000e+00 1.000000e-05 1.234568e+08 "
        );
    }

    #[test]
    fn atom_quoting() {
        for (a, q) in [
            ("ok", false),
            ("Hello", true),
            ("a b", true),
            ("é", false),
            ("and", true),
            ("a@b_1", false),
            ("", true),
        ] {
            assert_eq!(atom_needs_quotes(a), q, "{a}");
        }
    }
}
