//! Float text conversions: `float_to_list/1,2`, `float_to_binary/1,2`,
//! `list_to_float/1`, `binary_to_float/1`, with BEAM's formats.

use super::{arg, check};
use crate::interp::{Context, Exception};
use crate::term::Term;

/// The shortest text that reads back as `f`, as `float_to_list(F, [short])` writes it:
/// fixed or scientific notation, whichever is shorter (fixed on a tie); from 2^53 on,
/// where not every integer is a float, always scientific (the BEAM's rule).
pub fn short(f: f64) -> String {
    if f == 0.0 {
        return if f.is_sign_negative() {
            "-0.0".into()
        } else {
            "0.0".into()
        };
    }
    let (digits, exp) = shortest_digits(f.abs());
    let n = digits.len() as i32;
    let (first, rest) = digits.split_at(1);
    let scientific = format!("{first}.{}e{exp}", if rest.is_empty() { "0" } else { rest });
    let fixed = if exp >= 0 {
        if n - 1 <= exp {
            format!("{digits}{}.0", "0".repeat((exp - (n - 1)) as usize))
        } else {
            let (int, frac) = digits.split_at((exp + 1) as usize);
            format!("{int}.{frac}")
        }
    } else {
        format!("0.{}{digits}", "0".repeat((-exp - 1) as usize))
    };
    const EXACT_INTEGERS: f64 = 9_007_199_254_740_992.0; // 2^53
    let body = if f.abs() < EXACT_INTEGERS && fixed.len() <= scientific.len() {
        fixed
    } else {
        scientific
    };
    if f < 0.0 {
        format!("-{body}")
    } else {
        body
    }
}

/// The shortest digits that read back as `f` (finite, positive) and the decimal
/// exponent of the first one. Ryu's, as the BEAM's: a tie between two shortest
/// candidates goes to the even digit (Rust's own `{:e}` rounds it up).
fn shortest_digits(f: f64) -> (String, i32) {
    let mut buffer = ryu::Buffer::new();
    let text = buffer.format_finite(f);
    let (mantissa, exp10) = match text.split_once('e') {
        Some((m, e)) => (m, e.parse::<i32>().unwrap_or(0)),
        None => (text, 0),
    };
    let (int, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let all: String = format!("{int}{frac}");
    let mut point = int.len() as i32 + exp10;
    let trimmed = all.trim_start_matches('0');
    point -= (all.len() - trimmed.len()) as i32;
    let digits = trimmed.trim_end_matches('0');
    let digits = if digits.is_empty() { "0" } else { digits };
    (digits.to_owned(), point - 1)
}

/// C's `%.{precision}e` with a two-digit (at least) signed exponent.
pub fn scientific(f: f64, precision: usize) -> String {
    let s = format!("{f:.precision$e}");
    match s.split_once('e') {
        Some((m, e)) => {
            let (sign, digits) = match e.strip_prefix('-') {
                Some(d) => ('-', d),
                None => ('+', e),
            };
            format!("{m}e{sign}{digits:0>2}")
        }
        None => s,
    }
}

fn format_with(ctx: &Context<'_>, f: f64, options: Term) -> Result<String, Exception> {
    let mem = ctx.mem();
    let items = mem.list_elements(options).ok_or_else(Exception::badarg)?;
    let mut decimals = None;
    let mut scientific_digits = None;
    let mut compact = false;
    let mut is_short = false;
    for item in items {
        if let Some(a) = item.as_atom() {
            match ctx.vm.atoms.name(a) {
                "compact" => compact = true,
                "short" => is_short = true,
                _ => return Err(Exception::badarg()),
            }
        } else if let Some([k, v]) = mem.tuple(item) {
            let n = v
                .as_small()
                .filter(|n| (0..=253).contains(n))
                .ok_or_else(Exception::badarg)? as usize;
            match k.as_atom().map(|a| ctx.vm.atoms.name(a)) {
                Some("decimals") => decimals = Some(n),
                Some("scientific") => scientific_digits = Some(n),
                _ => return Err(Exception::badarg()),
            }
        } else {
            return Err(Exception::badarg());
        }
    }
    Ok(if is_short {
        short(f)
    } else if let Some(d) = decimals {
        let mut s = format!("{f:.d$}");
        if compact && s.contains('.') {
            while s.ends_with('0') && !s.ends_with(".0") {
                s.pop();
            }
        }
        s
    } else {
        scientific(f, scientific_digits.unwrap_or(20))
    })
}

fn float_arg(ctx: &Context<'_>, t: Term) -> Result<f64, Exception> {
    ctx.mem().float(t).ok_or_else(Exception::badarg)
}

/// `float_to_list/1,2`.
pub fn float_to_list(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    let f = float_arg(ctx, arg(args, 0))?;
    let text = if args.len() > 1 {
        format_with(ctx, f, arg(args, 1))?
    } else {
        scientific(f, 20)
    };
    let items: Vec<Term> = text
        .bytes()
        .filter_map(|b| Term::small(i64::from(b)))
        .collect();
    Ok(ctx.heap().list(&items))
}

/// `float_to_binary/1,2`.
pub fn float_to_binary(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    let f = float_arg(ctx, arg(args, 0))?;
    let text = if args.len() > 1 {
        format_with(ctx, f, arg(args, 1))?
    } else {
        scientific(f, 20)
    };
    Ok(ctx.heap().binary(text.as_bytes()))
}

/// Parses Erlang float syntax (`1.5`, `-2.0e3`; a dot with digits on both sides).
pub fn parse(text: &str) -> Option<f64> {
    let body = text.strip_prefix(['-', '+']).unwrap_or(text);
    let (int, rest) = body.split_once('.')?;
    let frac_len = rest.find(['e', 'E']).unwrap_or(rest.len());
    let valid = !int.is_empty()
        && int.bytes().all(|b| b.is_ascii_digit())
        && frac_len > 0
        && rest[..frac_len].bytes().all(|b| b.is_ascii_digit());
    if !valid {
        return None;
    }
    text.parse::<f64>().ok().filter(|f| f.is_finite())
}

/// `list_to_float/1`.
pub fn list_to_float(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    let text = super::convert::list_text(ctx, arg(args, 0)).ok_or_else(Exception::badarg)?;
    let f = parse(&text).ok_or_else(Exception::badarg)?;
    Ok(ctx.heap().float(f))
}

/// `binary_to_float/1`.
pub fn binary_to_float(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    let mem = ctx.mem();
    let bits = mem.bitstr(arg(args, 0)).ok_or_else(Exception::badarg)?;
    let bytes = super::binary_bytes(&bits).ok_or_else(Exception::badarg)?;
    let text = std::str::from_utf8(&bytes)
        .map_err(|_| Exception::badarg())?
        .to_owned();
    check(!text.is_empty())?;
    let f = parse(&text).ok_or_else(Exception::badarg)?;
    Ok(ctx.heap().float(f))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_matches_beam() {
        let cases = [
            (0.0, "0.0"),
            (1.5, "1.5"),
            (100.0, "100.0"),
            (1.0e15, "1.0e15"),
            (123456789.0, "123456789.0"),
            (0.001, "0.001"),
            (0.0001, "0.0001"),
            (1.0e-5, "1.0e-5"),
            (0.00012345, "1.2345e-4"),
            (1234567890123456.0, "1234567890123456.0"),
            (12345678901234567.0, "1.2345678901234568e16"),
            (5.0e-324, "5.0e-324"),
            (-2.5, "-2.5"),
            (1.0e9, "1.0e9"),
        ];
        for (f, text) in cases {
            assert_eq!(short(f), text, "{f}");
        }
        assert_eq!(scientific(1.5, 20), "1.50000000000000000000e+00");
    }
}
