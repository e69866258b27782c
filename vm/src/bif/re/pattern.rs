//! From an `re` pattern and its compile options to the text given to PCRE2.
//!
//! The `pcre2` crate takes a `&str` and a handful of options (caseless, dotall,
//! extended, multiline, UTF), so the rest is said in the pattern itself: PCRE2's
//! start-of-pattern items (`(*UCP)`, `(*CRLF)`, `(*BSR_ANYCRLF)`, `(*NO_START_OPT)`,
//! `(*NOTEMPTY)`, `(*LIMIT_MATCH=n)`, ...) go before the pattern, inline settings
//! (`(?U)`, `(?n)`, `(?J)`) after the pattern's own start-of-pattern items. Bytes that
//! are not UTF-8 (a latin-1 pattern) are written as `\x{hh}`, which a non-UTF pattern
//! reads as that byte; with `dollar_endonly` (and without `multiline`) each `$`
//! outside a class becomes `\z`. Every byte of the result remembers the offset of the
//! source byte it came from, so PCRE2's error offsets can be given back in the
//! caller's terms.

use super::options::{flag, Bsr, Newline, Spec};

/// The pattern as PCRE2 gets it.
#[derive(Debug)]
pub struct Translated {
    /// The text.
    pub text: String,
    /// For each byte of `text` (and one past its end): the offset in the source.
    pub map: Vec<usize>,
    /// The newline convention in force (a start-of-pattern item wins).
    pub newline: Newline,
}

impl Translated {
    /// The source offset of PCRE2's offset `at` in the translated text.
    pub fn source_offset(&self, at: usize) -> usize {
        self.map.get(at).or(self.map.last()).copied().unwrap_or(0)
    }
}

/// Why a pattern is refused before PCRE2 sees it.
#[derive(Debug, Clone, PartialEq)]
pub enum Refused {
    /// Invalid UTF-8 in a UTF pattern: PCRE2's (negative) UTF-8 error code and the
    /// offset of the offending character.
    Utf8 { code: i32, offset: usize },
    /// A `(*UTF)` item with `never_utf`, ending at this offset.
    NeverUtf { offset: usize },
}

/// The start-of-pattern items of `source`: `(*NAME)` or `(*NAME=digits)`, in a row.
/// Returns their names and where the pattern proper starts.
fn leading_items(source: &[u8]) -> (Vec<(&[u8], usize)>, usize) {
    let mut items = Vec::new();
    let mut i = 0;
    while source.get(i..i + 2) == Some(b"(*") {
        let body = i + 2;
        let mut j = body;
        while source
            .get(j)
            .is_some_and(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || *c == b'_')
        {
            j += 1;
        }
        let name_end = j;
        if source.get(j) == Some(&b'=') {
            j += 1;
            while source.get(j).is_some_and(u8::is_ascii_digit) {
                j += 1;
            }
        }
        if j == body || source.get(j) != Some(&b')') {
            break;
        }
        let name = source.get(body..name_end).unwrap_or_default();
        if !is_start_item(name) {
            break;
        }
        items.push((name, j + 1));
        i = j + 1;
    }
    (items, i)
}

/// Whether `name` is one of PCRE2's start-of-pattern items (verbs such as `(*FAIL)`
/// or `(*COMMIT)` are part of the pattern proper).
fn is_start_item(name: &[u8]) -> bool {
    matches!(
        name,
        b"UTF"
            | b"UTF8"
            | b"UCP"
            | b"NOTEMPTY"
            | b"NOTEMPTY_ATSTART"
            | b"NO_AUTO_POSSESS"
            | b"NO_DOTSTAR_ANCHOR"
            | b"NO_JIT"
            | b"NO_START_OPT"
            | b"LIMIT_HEAP"
            | b"LIMIT_MATCH"
            | b"LIMIT_DEPTH"
            | b"LIMIT_RECURSION"
            | b"CR"
            | b"LF"
            | b"CRLF"
            | b"ANY"
            | b"NUL"
            | b"ANYCRLF"
            | b"BSR_ANYCRLF"
            | b"BSR_UNICODE"
    )
}

fn newline_item(name: &[u8]) -> Option<Newline> {
    Some(match name {
        b"CR" => Newline::Cr,
        b"LF" => Newline::Lf,
        b"CRLF" => Newline::Crlf,
        b"ANY" => Newline::Any,
        b"NUL" => Newline::Nul,
        b"ANYCRLF" => Newline::Anycrlf,
        _ => return None,
    })
}

/// The text that reaches PCRE2 is built here, with its offset map.
struct Out {
    text: Vec<u8>,
    map: Vec<usize>,
}

impl Out {
    fn push(&mut self, bytes: &[u8], from: usize) {
        self.text.extend_from_slice(bytes);
        self.map.extend(std::iter::repeat_n(from, bytes.len()));
    }
}

/// Translates `spec`'s pattern (see the module doc).
pub fn translate(spec: &Spec) -> Result<Translated, Refused> {
    let source = &spec.source[..];
    let (items, start) = leading_items(source);
    let utf_item = items.iter().find(|(n, _)| matches!(*n, b"UTF" | b"UTF8"));
    if let (Some((_, end)), true) = (utf_item, spec.has(flag::NEVER_UTF)) {
        return Err(Refused::NeverUtf { offset: *end });
    }
    let utf = spec.has(flag::UTF) || utf_item.is_some();
    let valid = std::str::from_utf8(source).is_ok();
    if utf && !valid {
        let (code, offset) = utf8_error(source).unwrap_or((-3, 0));
        return Err(Refused::Utf8 { code, offset });
    }
    let newline = items
        .iter()
        .rev()
        .find_map(|(n, _)| newline_item(n))
        .or(spec.newline)
        .unwrap_or(Newline::Lf);

    let mut out = Out {
        text: Vec::with_capacity(source.len() + 32),
        map: Vec::with_capacity(source.len() + 32),
    };
    if spec.has(flag::NO_START_OPTIMIZE) {
        out.push(b"(*NO_START_OPT)", 0);
    }
    if spec.has(flag::UCP) {
        out.push(b"(*UCP)", 0);
    }
    if let Some(nl) = spec.newline {
        out.push(nl.item().as_bytes(), 0);
    }
    match spec.bsr {
        Some(Bsr::Anycrlf) => out.push(b"(*BSR_ANYCRLF)", 0),
        Some(Bsr::Unicode) => out.push(b"(*BSR_UNICODE)", 0),
        None => {}
    }
    if spec.notempty {
        out.push(b"(*NOTEMPTY)", 0);
    }
    if spec.notempty_atstart {
        out.push(b"(*NOTEMPTY_ATSTART)", 0);
    }
    if let Some(n) = spec.match_limit {
        out.push(format!("(*LIMIT_MATCH={n})").as_bytes(), 0);
    }
    if let Some(n) = spec.depth_limit {
        out.push(format!("(*LIMIT_DEPTH={n})").as_bytes(), 0);
    }
    for (i, b) in source.iter().enumerate().take(start) {
        out.push(&[*b], i);
    }
    for (f, setting) in [
        (flag::UNGREEDY, "(?U)"),
        (flag::NO_AUTO_CAPTURE, "(?n)"),
        (flag::DUPNAMES, "(?J)"),
    ] {
        if spec.has(f) {
            out.push(setting.as_bytes(), start);
        }
    }
    let escape = !utf && !valid;
    let dollar = spec.has(flag::DOLLAR_ENDONLY) && !spec.has(flag::MULTILINE);
    let extended = spec.has(flag::EXTENDED);
    if escape || dollar {
        rewrite(&mut out, source, start, escape, dollar, extended);
    } else {
        for (i, b) in source.iter().enumerate().skip(start) {
            out.push(&[*b], i);
        }
    }
    out.map.push(source.len());
    let text = String::from_utf8(out.text).map_err(|_| Refused::Utf8 {
        code: -3,
        offset: 0,
    })?;
    Ok(Translated {
        text,
        map: out.map,
        newline,
    })
}

/// Copies `source[start..]`, writing bytes above 0x7F as `\x{hh}` (`escape`) and `$`
/// outside classes, quotes and comments as `\z` (`dollar`).
fn rewrite(out: &mut Out, source: &[u8], start: usize, escape: bool, dollar: bool, extended: bool) {
    let hex = |b: u8| format!("\\x{{{b:02x}}}");
    let mut in_quote = false;
    let mut in_class = false;
    let mut i = start;
    while let Some(&b) = source.get(i) {
        let next = source.get(i + 1).copied();
        if in_quote {
            if b == b'\\' && next == Some(b'E') {
                out.push(b"\\E", i);
                in_quote = false;
                i += 2;
            } else if b >= 0x80 && escape {
                out.push(format!("\\E{}\\Q", hex(b)).as_bytes(), i);
                i += 1;
            } else {
                out.push(&[b], i);
                i += 1;
            }
            continue;
        }
        if b == b'\\' {
            match next {
                Some(b'Q') => {
                    out.push(b"\\Q", i);
                    in_quote = true;
                }
                Some(c) if c >= 0x80 && escape => out.push(hex(c).as_bytes(), i),
                Some(c) => out.push(&[b'\\', c], i),
                None => out.push(b"\\", i),
            }
            i += 2;
            continue;
        }
        if b >= 0x80 && escape {
            out.push(hex(b).as_bytes(), i);
            i += 1;
            continue;
        }
        if in_class {
            if b == b'[' && next == Some(b':') {
                // A POSIX class such as [:alpha:]: copied up to its ":]".
                let end = find(source, i + 2, b":]").map_or(source.len(), |e| e + 2);
                for (k, c) in source.iter().enumerate().take(end).skip(i) {
                    out.push(&[*c], k);
                }
                i = end;
                continue;
            }
            if b == b']' {
                in_class = false;
            }
            out.push(&[b], i);
            i += 1;
            continue;
        }
        match b {
            b'[' => {
                out.push(b"[", i);
                i += 1;
                if source.get(i) == Some(&b'^') {
                    out.push(b"^", i);
                    i += 1;
                }
                if source.get(i) == Some(&b']') {
                    out.push(b"]", i);
                    i += 1;
                }
                in_class = true;
            }
            b'$' if dollar => {
                out.push(b"\\z", i);
                i += 1;
            }
            b'#' if extended => {
                let end = source
                    .iter()
                    .skip(i)
                    .position(|c| *c == b'\n' || *c == b'\r')
                    .map_or(source.len(), |p| i + p + 1);
                copy_comment(out, source, i, end, escape);
                i = end;
            }
            b'(' if source.get(i + 1..i + 3) == Some(b"?#") => {
                let end = source
                    .iter()
                    .skip(i)
                    .position(|c| *c == b')')
                    .map_or(source.len(), |p| i + p + 1);
                copy_comment(out, source, i, end, escape);
                i = end;
            }
            _ => {
                out.push(&[b], i);
                i += 1;
            }
        }
    }
}

/// A comment, copied; its non-ASCII bytes (which PCRE2 ignores) become `?`.
fn copy_comment(out: &mut Out, source: &[u8], from: usize, to: usize, escape: bool) {
    for (k, c) in source.iter().enumerate().take(to).skip(from) {
        let c = if escape && *c >= 0x80 { b'?' } else { *c };
        out.push(&[c], k);
    }
}

fn find(hay: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    hay.get(from..)?
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|p| from + p)
}

/// PCRE2's classification of the first invalid UTF-8 sequence in `s`: its error code
/// (`PCRE2_ERROR_UTF8_ERR1` = -3 ... `ERR21` = -23) and offset.
pub fn utf8_error(s: &[u8]) -> Option<(i32, usize)> {
    let mut i = 0;
    while let Some(&c) = s.get(i) {
        if c < 0x80 {
            i += 1;
            continue;
        }
        if c < 0xc0 {
            return Some((-22, i)); // ERR20: isolated byte with 0x80 bit set
        }
        if c >= 0xfe {
            return Some((-23, i)); // ERR21: illegal byte (0xfe or 0xff)
        }
        let extra = match c {
            0xc0..=0xdf => 1,
            0xe0..=0xef => 2,
            0xf0..=0xf7 => 3,
            0xf8..=0xfb => 4,
            _ => 5,
        };
        let left = s.len() - i - 1;
        if left < extra {
            return Some((-3 - (extra - left - 1) as i32, i)); // ERR1..ERR5: bytes missing
        }
        for k in 1..=extra {
            if s.get(i + k).is_some_and(|b| b & 0xc0 != 0x80) {
                return Some((-8 - (k as i32 - 1), i)); // ERR6..ERR10: byte k top bits
            }
        }
        let tail = |k: usize| u32::from(s.get(i + k).copied().unwrap_or(0) & 0x3f);
        match extra {
            1 if c & 0x3e == 0 => return Some((-17, i)), // ERR15: overlong 2-byte
            2 => {
                let v = (u32::from(c & 0x0f) << 12) | (tail(1) << 6) | tail(2);
                if v < 0x800 {
                    return Some((-18, i)); // ERR16: overlong 3-byte
                }
                if (0xd800..=0xdfff).contains(&v) {
                    return Some((-16, i)); // ERR14: surrogate
                }
            }
            3 => {
                let v = (u32::from(c & 0x07) << 18) | (tail(1) << 12) | (tail(2) << 6) | tail(3);
                if v < 0x10000 {
                    return Some((-19, i)); // ERR17: overlong 4-byte
                }
                if v > 0x10ffff {
                    return Some((-15, i)); // ERR13: above 0x10ffff
                }
            }
            4 => return Some((-13, i)), // ERR11: 5-byte character
            5 => return Some((-14, i)), // ERR12: 6-byte character
            _ => {}
        }
        i += extra + 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spec(source: &[u8], flags: u32) -> Spec {
        Spec {
            source: source.to_vec(),
            flags,
            ..Spec::default()
        }
    }

    #[test]
    fn options_become_items_and_settings() {
        let t = translate(&spec(b"(*CRLF)a+", flag::UNGREEDY | flag::UCP)).unwrap();
        assert_eq!(t.text, "(*UCP)(*CRLF)(?U)a+");
        assert_eq!(t.newline, Newline::Crlf);
        assert_eq!(t.source_offset(t.text.len()), 9);
        assert_eq!(t.source_offset(17), 7);
    }

    #[test]
    fn latin1_bytes_are_escaped() {
        let t = translate(&spec(b"\xe9\\\xe8[\xe0]\\Q\xe7\\E", 0)).unwrap();
        assert_eq!(t.text, "\\x{e9}\\x{e8}[\\x{e0}]\\Q\\E\\x{e7}\\Q\\E");
    }

    #[test]
    fn dollar_endonly_rewrites_dollars_outside_classes() {
        let t = translate(&spec(b"a$[$]\\$", flag::DOLLAR_ENDONLY)).unwrap();
        assert_eq!(t.text, "a\\z[$]\\$");
        let t = translate(&spec(b"a$", flag::DOLLAR_ENDONLY | flag::MULTILINE)).unwrap();
        assert_eq!(t.text, "a$");
    }

    #[test]
    fn refusals() {
        assert_eq!(
            translate(&spec(b"(*UTF)a", flag::NEVER_UTF)).unwrap_err(),
            Refused::NeverUtf { offset: 6 }
        );
        assert_eq!(
            translate(&spec(b"\xe9(", flag::UTF)).unwrap_err(),
            Refused::Utf8 {
                code: -3,
                offset: 0
            }
        );
        assert_eq!(utf8_error(b"a\x80"), Some((-22, 1)));
        assert_eq!(utf8_error("é".as_bytes()), None);
    }
}
