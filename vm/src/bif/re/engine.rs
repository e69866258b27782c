//! Compiling a [`Spec`] with the `pcre2` crate (cached), and one match.
//!
//! What PCRE2 cannot be told through the crate is done around the match: `anchored`
//! (compile or run option) searches from the offset and keeps only a match that
//! starts there, and `firstline` keeps only a match that starts at or before the
//! first newline after the offset. Both are exact except with `\K`, which moves a
//! match's start after the position the attempt began at.

use super::options::{flag, Newline, Spec};
use super::pattern::{translate, Refused, Translated};
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

/// A compiled pattern and what `re` needs to know about it.
pub struct Compiled {
    regex: pcre2::bytes::Regex,
    /// The number of capturing groups (group 0, the whole match, not counted).
    pub groups: usize,
    /// Named groups in PCRE2's name table order: by name, then by group number.
    pub names: Vec<(Vec<u8>, usize)>,
    /// The newline convention in force.
    pub newline: Newline,
    /// Compiled with `anchored`.
    pub anchored: bool,
    /// Compiled with `firstline`.
    pub firstline: bool,
    /// Compiled with `dupnames`.
    pub dupnames: bool,
}

/// A compile error as `re` reports it: `{Message, Offset}`.
#[derive(Debug, Clone, PartialEq)]
pub struct CompileError {
    /// The message (PCRE's text for the emulated release).
    pub message: String,
    /// The offset in the pattern.
    pub offset: usize,
}

/// Compiled patterns by spec, per VM thread: Elixir's `Regex` recompiles a
/// pattern from its source on every call (see the module doc of `re`).
type Cache = HashMap<Spec, Rc<Result<Compiled, CompileError>>>;

thread_local! {
    static CACHE: RefCell<Cache> = RefCell::new(HashMap::new());
}

/// How many compiled patterns the cache keeps before it starts over.
const CACHE_LIMIT: usize = 512;

/// `spec` compiled, from the cache when it was compiled before.
pub fn compiled(spec: &Spec) -> Rc<Result<Compiled, CompileError>> {
    if let Some(hit) = CACHE.with(|c| c.borrow().get(spec).cloned()) {
        return hit;
    }
    let result = Rc::new(compile(spec));
    CACHE.with(|c| {
        let mut cache = c.borrow_mut();
        if cache.len() >= CACHE_LIMIT {
            cache.clear();
        }
        cache.insert(spec.clone(), Rc::clone(&result));
    });
    result
}

fn compile(spec: &Spec) -> Result<Compiled, CompileError> {
    let translated = translate(spec).map_err(refused)?;
    let mut builder = pcre2::bytes::RegexBuilder::new();
    builder
        .caseless(spec.has(flag::CASELESS))
        .dotall(spec.has(flag::DOTALL))
        .extended(spec.has(flag::EXTENDED))
        .multi_line(spec.has(flag::MULTILINE))
        .utf(spec.has(flag::UTF));
    let regex = builder
        .build(&translated.text)
        .map_err(|e| compile_error(&e, &translated))?;
    let mut names: Vec<(Vec<u8>, usize)> = regex
        .capture_names()
        .iter()
        .enumerate()
        .filter_map(|(i, n)| n.as_ref().map(|n| (n.as_bytes().to_vec(), i)))
        .collect();
    names.sort();
    Ok(Compiled {
        groups: regex.captures_len().saturating_sub(1),
        regex,
        names,
        newline: translated.newline,
        anchored: spec.has(flag::ANCHORED),
        firstline: spec.has(flag::FIRSTLINE),
        dupnames: spec.has(flag::DUPNAMES),
    })
}

/// Whether the emulated release has PCRE 8 (OTP 27 and before) rather than PCRE2.
fn pcre1() -> bool {
    crate::release::get() < 28
}

fn refused(r: Refused) -> CompileError {
    match r {
        Refused::NeverUtf { .. } if pcre1() => CompileError {
            message: "setting UTF is disabled by the application".into(),
            offset: 0,
        },
        Refused::NeverUtf { offset } => CompileError {
            message: "using UTF is disabled by the application".into(),
            offset,
        },
        Refused::Utf8 { offset, .. } if pcre1() => CompileError {
            message: "invalid UTF-8 string".into(),
            offset,
        },
        Refused::Utf8 { code, offset } => CompileError {
            message: utf8_message(code),
            offset,
        },
    }
}

/// PCRE2's text for UTF-8 error `code` (-3 ... -23).
fn utf8_message(code: i32) -> String {
    let text = match -code {
        n @ 3..=7 => {
            let missing = n - 2;
            let s = if missing == 1 { "" } else { "s" };
            return format!("UTF-8 error: {missing} byte{s} missing at end");
        }
        n @ 8..=12 => return format!("UTF-8 error: byte {} top bits not 0x80", n - 6),
        13 => "5-byte character is not allowed (RFC 3629)",
        14 => "6-byte character is not allowed (RFC 3629)",
        15 => "code points greater than 0x10ffff are not defined",
        16 => "code points 0xd800-0xdfff are not defined",
        n @ 17..=21 => return format!("UTF-8 error: overlong {}-byte sequence", n - 15),
        22 => "isolated byte with 0x80 bit set",
        _ => "illegal byte (0xfe or 0xff)",
    };
    format!("UTF-8 error: {text}")
}

fn compile_error(e: &pcre2::Error, translated: &Translated) -> CompileError {
    let shown = e.to_string();
    let message = shown
        .strip_prefix("PCRE2: error compiling pattern at offset ")
        .map(|rest| rest.trim_start_matches(|c: char| c.is_ascii_digit()))
        .and_then(|rest| rest.strip_prefix(": "))
        .or_else(|| shown.strip_prefix("PCRE2: error compiling pattern: "))
        .unwrap_or(&shown)
        .to_owned();
    let offset = translated.source_offset(e.offset().unwrap_or(0));
    let moved = |by: i64| offset.saturating_add_signed(by as isize);
    if pcre1() {
        if let Some((text, by)) = pcre1_text(e.code()) {
            return CompileError {
                message: text.to_owned(),
                offset: moved(by),
            };
        }
    }
    // The bundled PCRE2 (10.46) reports some errors one code unit earlier than the
    // one in OTP 28+ does (observed on OTP 29).
    let later = match e.code() {
        108 | 109 | 111 | 115 | 122 | 144 => 1,
        _ => 0,
    };
    CompileError {
        message,
        offset: moved(later),
    }
}

/// PCRE 8's message for a PCRE2 compile error code, and how far from PCRE2's PCRE 8
/// reports the offset (observed on OTP 25 and 27). Codes missing here keep PCRE2's
/// message.
fn pcre1_text(code: i32) -> Option<(&'static str, i64)> {
    Some(match code {
        101 => ("\\ at end of pattern", 0),
        102 => ("\\c at end of pattern", 0),
        103 => ("unrecognized character follows \\", 0),
        104 => ("numbers out of order in {} quantifier", 0),
        105 => ("number too big in {} quantifier", 0),
        106 => ("missing terminating ] for character class", 0),
        107 => ("invalid escape sequence in character class", 0),
        108 => ("range out of order in character class", 0),
        109 => ("nothing to repeat", 0),
        110 => ("internal error: unexpected repeat", 0),
        111 => ("unrecognized character after (? or (?-", 0),
        112 => ("POSIX named classes are supported only within a class", 0),
        113 => ("POSIX collating elements are not supported", 0),
        114 | 124 => ("missing )", 0),
        115 => ("reference to non-existent subpattern", 1),
        118 => ("missing ) after comment", 0),
        119 => ("parentheses are too deeply nested", 0),
        120 => ("regular expression is too large", 0),
        121 => ("failed to get memory", 0),
        122 => ("unmatched parentheses", 0),
        123 => ("internal error: code overflow", 0),
        125 => ("lookbehind assertion is not fixed length", 0),
        126 => ("a numbered reference must not be zero", 0),
        127 => ("conditional group contains more than two branches", 0),
        128 => ("assertion expected after (?(", 0),
        129 => ("digit expected after (?+", 0),
        130 => ("unknown POSIX class name", 0),
        133 => ("parentheses are too deeply nested (stack check)", 0),
        134 => ("character value in \\x{} or \\o{} is too large", 0),
        136 => ("\\C not allowed in lookbehind assertion", 0),
        137 => ("PCRE does not support \\L, \\l, \\N{name}, \\U, or \\u", 0),
        138 => ("number after (?C is > 255", 0),
        139 => ("closing ) for (?C expected", 0),
        141 => ("unrecognized character after (?P", 0),
        142 => ("syntax error in subpattern name (missing terminator)", 0),
        143 => ("two named subpatterns have the same name", -1),
        144 => ("group name must start with a non-digit", 0),
        146 => ("malformed \\P or \\p sequence", 0),
        147 => ("unknown property name after \\P or \\p", 0),
        148 => ("subpattern name is too long (maximum 32 characters)", 0),
        149 => ("too many named subpatterns (maximum 10000)", 0),
        150 => ("invalid range in character class", 0),
        151 => ("octal value is greater than \\377 in 8-bit non-UTF-8 mode", 0),
        154 => ("DEFINE group contains more than one branch", 0),
        155 => ("missing opening brace after \\o", 0),
        157 => ("\\g is not followed by a braced, angle-bracketed, or quoted name/number or by a plain number", 0),
        158 => ("(?R or (?[+-]digits must be followed by )", 0),
        160 => ("(*VERB) not recognized or malformed", 0),
        161 => ("number is too big", 0),
        162 => ("subpattern name expected", 0),
        164 => ("non-octal character in \\o{} (closing brace missing?)", 0),
        165 => ("different names for subpatterns of the same number are not allowed", 0),
        166 => ("(*MARK) must have an argument", 0),
        167 => ("non-hex character in \\x{} (closing brace missing?)", 0),
        168 => ("\\c must be followed by an ASCII character", 0),
        169 => ("\\k is not followed by a braced, angle-bracketed, or quoted name", 0),
        171 => ("\\N is not supported in a class", 0),
        173 => ("disallowed Unicode code point (>= 0xd800 && <= 0xdfff)", 0),
        176 => ("name is too long in (*MARK), (*PRUNE), (*SKIP), or (*THEN)", 0),
        177 => ("character value in \\u.... sequence is too large", 0),
        178 => ("digits missing in \\x{} or \\o{}", 0),
        _ => return None,
    })
}

/// Group positions of a match, `(start, end)` or unset, up to the last set group
/// (PCRE's return count: unset groups at the end are not there).
pub type Ovector = Vec<Option<(usize, usize)>>;

/// Why a match did not run to an answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Failure {
    /// A bad subject (invalid UTF-8) or offset: `badarg`.
    Badarg,
    /// `match_limit` reached.
    MatchLimit,
    /// `match_limit_recursion` reached.
    DepthLimit,
}

/// Matches `c` against `subject` from `offset`.
pub fn exec(
    c: &Compiled,
    subject: &[u8],
    offset: usize,
    anchored: bool,
) -> Result<Option<Ovector>, Failure> {
    if offset > subject.len() {
        return Err(Failure::Badarg);
    }
    let mut locs = c.regex.capture_locations();
    let found = match c.regex.captures_read_at(&mut locs, subject, offset) {
        Ok(found) => found,
        Err(e) => {
            return match e.code() {
                -47 => Err(Failure::MatchLimit),
                -53 => Err(Failure::DepthLimit),
                // Heap limit, recursion loop: no match, as in erl_bif_re.c.
                -63 | -52 => Ok(None),
                _ => Err(Failure::Badarg),
            };
        }
    };
    let Some(m) = found else { return Ok(None) };
    if (anchored || c.anchored) && m.start() != offset {
        return Ok(None);
    }
    if c.firstline && first_newline(subject, offset, c.newline).is_some_and(|nl| m.start() > nl) {
        return Ok(None);
    }
    let mut ovector: Ovector = (0..locs.len()).map(|i| locs.get(i)).collect();
    while ovector.last() == Some(&None) {
        ovector.pop();
    }
    Ok(Some(ovector))
}

/// Where the first newline at or after `from` starts.
fn first_newline(s: &[u8], from: usize, newline: Newline) -> Option<usize> {
    let rest = s.get(from..)?;
    let at = |p: usize| from + p;
    match newline {
        Newline::Lf => rest.iter().position(|b| *b == b'\n').map(at),
        Newline::Cr => rest.iter().position(|b| *b == b'\r').map(at),
        Newline::Nul => rest.iter().position(|b| *b == 0).map(at),
        Newline::Crlf => rest.windows(2).position(|w| w == b"\r\n").map(at),
        Newline::Anycrlf => rest.iter().position(|b| matches!(b, b'\r' | b'\n')).map(at),
        Newline::Any => rest
            .iter()
            .enumerate()
            .position(|(i, b)| {
                matches!(b, b'\n' | 0x0b | 0x0c | b'\r' | 0x85)
                    || (*b == 0xe2 && matches!(rest.get(i + 1..i + 3), Some([0x80, 0xa8 | 0xa9])))
            })
            .map(at),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spec(source: &str, flags: u32) -> Spec {
        Spec {
            source: source.as_bytes().to_vec(),
            flags,
            ..Spec::default()
        }
    }

    #[test]
    fn compiles_and_matches() {
        let c = compiled(&spec("(?<b>b)(x)?", 0));
        let c = c.as_ref().as_ref().unwrap();
        assert_eq!(c.groups, 2);
        assert_eq!(c.names, vec![(b"b".to_vec(), 1)]);
        let m = exec(c, b"abc", 0, false).unwrap().unwrap();
        assert_eq!(m, vec![Some((1, 2)), Some((1, 2))]);
        assert_eq!(exec(c, b"abc", 0, true), Ok(None));
        assert_eq!(exec(c, b"abc", 4, false), Err(Failure::Badarg));
    }

    #[test]
    fn errors_are_reported_in_source_offsets() {
        let c = compiled(&spec("a(", flag::UNGREEDY));
        let e = c.as_ref().as_ref().err().unwrap();
        assert_eq!(e.offset, 2);
    }

    #[test]
    fn firstline() {
        let c = compiled(&spec("b", flag::FIRSTLINE));
        let c = c.as_ref().as_ref().unwrap();
        assert_eq!(exec(c, b"a\nb", 0, false), Ok(None));
        assert!(exec(c, b"ab\nb", 0, false).unwrap().is_some());
    }
}
