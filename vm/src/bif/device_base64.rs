//! AtomVM's native `base64` (device mode only; on the host OTP's `base64` module runs):
//! `encode/1,2`, `decode/1,2`, `encode_to_string/1,2`, `decode_to_string/1,2` on a
//! binary or a byte list, with v0.7's options map (`mode => standard | urlsafe`,
//! `padding => boolean()`: with padding on, as by default, text to decode must be padded).
//! Malformed input is `badarg`.

use super::convert::iolist_bytes;
use super::maps;
use crate::interp::{Context, Exception};
use crate::term::Term;
use base64::engine::general_purpose::{GeneralPurpose, GeneralPurposeConfig};
use base64::engine::DecodePaddingMode;
use base64::{alphabet, Engine};

/// The engine `options` (an options map, or `None` for `/1`) ask for.
fn engine(ctx: &mut Context<'_>, options: Option<Term>) -> Result<GeneralPurpose, Exception> {
    let (mut urlsafe, mut padding) = (false, true);
    if let Some(map) = options {
        ctx.mem().map(map).ok_or_else(Exception::badarg)?;
        let mode = Term::atom(ctx.vm.atoms.intern("mode"));
        let pad = Term::atom(ctx.vm.atoms.intern("padding"));
        let url = Term::atom(ctx.vm.atoms.intern("urlsafe"));
        let standard = Term::atom(ctx.vm.atoms.intern("standard"));
        match maps::get(ctx, map, mode) {
            None => {}
            Some(m) if m == standard => {}
            Some(m) if m == url => urlsafe = true,
            Some(_) => return Err(Exception::badarg()),
        }
        match maps::get(ctx, map, pad) {
            None => {}
            Some(p) if p == crate::atom::atoms::true_ => {}
            Some(p) if p == crate::atom::atoms::false_ => padding = false,
            Some(_) => return Err(Exception::badarg()),
        }
    }
    // Padding on: encoded text must carry it; off: with or without.
    let decode_padding = if padding {
        DecodePaddingMode::RequireCanonical
    } else {
        DecodePaddingMode::Indifferent
    };
    let config = GeneralPurposeConfig::new()
        .with_encode_padding(padding)
        .with_decode_padding_mode(decode_padding);
    let alphabet = if urlsafe {
        &alphabet::URL_SAFE
    } else {
        &alphabet::STANDARD
    };
    Ok(GeneralPurpose::new(alphabet, config))
}

fn input(ctx: &Context<'_>, args: &[Term]) -> Result<Vec<u8>, Exception> {
    let data = args.first().copied().ok_or_else(Exception::badarg)?;
    iolist_bytes(ctx, data).ok_or_else(Exception::badarg)
}

fn run(ctx: &mut Context<'_>, args: &[Term], decode: bool, list: bool) -> Result<Term, Exception> {
    let bytes = input(ctx, args)?;
    let engine = engine(ctx, args.get(1).copied())?;
    let out = if decode {
        engine.decode(&bytes).map_err(|_| Exception::badarg())?
    } else {
        engine.encode(&bytes).into_bytes()
    };
    Ok(if list {
        let items: Vec<Term> = out
            .iter()
            .filter_map(|b| Term::small(i64::from(*b)))
            .collect();
        ctx.heap().list(&items)
    } else {
        ctx.heap().binary(&out)
    })
}

/// `base64:encode/1,2`.
pub fn encode(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    run(ctx, args, false, false)
}

/// `base64:decode/1,2`.
pub fn decode(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    run(ctx, args, true, false)
}

/// `base64:encode_to_string/1,2`.
pub fn encode_to_string(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    run(ctx, args, false, true)
}

/// `base64:decode_to_string/1,2`.
pub fn decode_to_string(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    run(ctx, args, true, true)
}
