//! `global` matching: re.erl's `grun`/`loopexec`, which the BEAM's `re:run` traps to,
//! done here in one native call. Empty matches are retried at the same place with
//! `notempty_atstart` and `anchored`, as Perl does; OTP 28 changed what happens
//! after an empty match found past the search start (the search resumes there
//! instead of one character further) and drops a match found twice in a row, and
//! both behaviours are followed by the emulated release.

use super::capture::{parts, Selection};
use super::engine::{exec, Compiled, Failure};

/// One match as `internal_run` returns it: the selected parts, group 0 first.
pub type Parts = Vec<Option<(usize, usize)>>;

/// The matches of `base` in `subject` from `offset` on; `retry` is the same pattern
/// compiled with `notempty_atstart`. A match limit ends the loop (the matches so
/// far are the answer) unless `report_errors`, when it is the error.
#[allow(clippy::too_many_arguments)]
pub fn matches(
    base: &Compiled,
    retry: &Compiled,
    subject: &[u8],
    offset: usize,
    anchored: bool,
    unicode: bool,
    crlf: bool,
    selection: &Selection,
    report_errors: bool,
) -> Result<Vec<Parts>, Failure> {
    let since_28 = crate::release::get() >= 28;
    let end = subject.len();
    let run = |c: &Compiled, x: usize, anchored: bool| -> Result<Option<Parts>, Failure> {
        match exec(c, subject, x, anchored) {
            Ok(found) => Ok(found.map(|ov| parts(&ov, selection))),
            Err(Failure::Badarg) => Err(Failure::Badarg),
            Err(limit) if report_errors => Err(limit),
            Err(_) => Ok(None),
        }
    };
    let mut out: Vec<Parts> = Vec::new();
    // The previous iteration's match when it added nothing after it: OTP 28 drops
    // the next match if it is the same.
    let mut previous: Option<Parts> = None;
    let mut x = offset;
    while x <= end {
        let Some(found) = run(base, x, anchored)? else {
            break;
        };
        let (a, b) = match found.first() {
            Some(Some((s, e))) => (*s, e - s),
            _ => (x, 0),
        };
        if !(since_28 && previous.as_ref() == Some(&found)) {
            out.push(found.clone());
        }
        if b > 0 {
            previous = Some(found);
            x = a + b;
            continue;
        }
        let again = run(retry, x, true)?.filter(|m| !(since_28 && *m == found));
        let step = match again.as_ref().and_then(|m| m.first().copied().flatten()) {
            Some((s, e)) if e > s => Some(a + (e - s)),
            _ => None,
        };
        let next = match step {
            Some(next) => next,
            None if !since_28 || x == a + b || a == end => forward(subject, a, unicode, crlf),
            None => a,
        };
        match again {
            Some(m) => {
                out.push(m);
                previous = None;
            }
            None => previous = Some(found),
        }
        x = next;
    }
    Ok(out)
}

/// One character on from `a` (`forward/5`): a CRLF pair counts as one when `crlf`,
/// a UTF-8 sequence as one with `unicode`.
fn forward(s: &[u8], a: usize, unicode: bool, crlf: bool) -> usize {
    if crlf && s.get(a..a + 2) == Some(b"\r\n") {
        return a + 2;
    }
    if !unicode {
        return a + 1;
    }
    a + match s.get(a) {
        Some(b) if b & 0xe0 == 0xc0 => 2,
        Some(b) if b & 0xf0 == 0xe0 => 3,
        Some(b) if b & 0xf8 == 0xf0 => 4,
        _ => 1,
    }
}
