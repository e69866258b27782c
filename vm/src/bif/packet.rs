//! `erlang:decode_packet/3`: the framing of `{packet, _}` socket modes.

use crate::interp::{Context, Exception};
use crate::io::terms;
use crate::term::Term;

/// How one packet is delimited.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Framing {
    /// Everything there is (`raw`, `0`).
    Raw,
    /// A big-endian length header of 1, 2 or 4 bytes.
    Length(usize),
    /// Up to and including the delimiter.
    Line(u8),
}

/// What `decode` found.
#[derive(Debug, PartialEq, Eq)]
enum Decoded {
    /// A packet (its byte range) and where the rest starts.
    Packet(std::ops::Range<usize>, usize),
    /// More is needed: how much in all, when known.
    More(Option<usize>),
    /// The packet is larger than `packet_size`.
    Invalid,
}

fn decode(framing: Framing, data: &[u8], packet_size: usize, line_length: usize) -> Decoded {
    match framing {
        Framing::Raw if data.is_empty() => Decoded::More(None),
        Framing::Raw if packet_size > 0 && data.len() > packet_size => Decoded::Invalid,
        Framing::Raw => Decoded::Packet(0..data.len(), data.len()),
        Framing::Length(h) => {
            let Some(header) = data.get(..h) else {
                return Decoded::More(None);
            };
            let len = header
                .iter()
                .fold(0usize, |n, b| (n << 8) | usize::from(*b));
            if packet_size > 0 && len > packet_size {
                return Decoded::Invalid;
            }
            if data.len() < h + len {
                Decoded::More(Some(h + len))
            } else {
                Decoded::Packet(h..h + len, h + len)
            }
        }
        Framing::Line(delimiter) => match data.iter().position(|b| *b == delimiter) {
            Some(i) if line_length == 0 || i < line_length => Decoded::Packet(0..i + 1, i + 1),
            _ if line_length > 0 && data.len() >= line_length => {
                Decoded::Packet(0..line_length, line_length)
            }
            None if packet_size > 0 && data.len() >= packet_size => Decoded::Invalid,
            _ => Decoded::More(None),
        },
    }
}

/// `erlang:decode_packet(Type, Bin, Options)`.
pub fn decode_packet(ctx: &mut Context<'_>, args: &[Term]) -> Result<Term, Exception> {
    let data = terms::bytes(ctx, args[1])?;
    let mut packet_size = 0usize;
    let mut line_length = 0usize;
    let mut delimiter = b'\n';
    let options = ctx
        .mem()
        .list_elements(args[2])
        .ok_or_else(Exception::badarg)?;
    for o in options {
        let pair = ctx.mem().tuple(o).map(<[Term]>::to_vec);
        let Some([key, value]) = pair.as_deref().and_then(|p| <[Term; 2]>::try_from(p).ok()) else {
            return Err(Exception::badarg());
        };
        let key = key.as_atom().map(|a| ctx.vm.atoms.name(a).to_owned());
        let n = value
            .as_small()
            .and_then(|v| usize::try_from(v).ok())
            .ok_or_else(Exception::badarg)?;
        match key.as_deref() {
            Some("packet_size") => packet_size = n,
            Some("line_length") => line_length = n,
            Some("line_delimiter") => {
                delimiter = u8::try_from(n).map_err(|_| Exception::badarg())?
            }
            _ => return Err(Exception::badarg()),
        }
    }
    let framing = if let Some(n) = args[0].as_small() {
        match n {
            0 => Framing::Raw,
            1 | 2 | 4 => Framing::Length(n as usize),
            _ => return Err(Exception::badarg()),
        }
    } else {
        let name = args[0].as_atom().map(|a| ctx.vm.atoms.name(a).to_owned());
        match name.as_deref() {
            Some("raw") => Framing::Raw,
            Some("line") => Framing::Line(delimiter),
            _ => return Err(Exception::badarg()),
        }
    };
    Ok(match decode(framing, &data, packet_size, line_length) {
        Decoded::Packet(range, rest) => {
            let packet = ctx.heap().binary(&data[range]);
            let rest = ctx.heap().binary(&data[rest..]);
            let ok = ctx.atom("ok");
            ctx.heap().tuple(&[ok, packet, rest])
        }
        Decoded::More(n) => {
            let n = n.map_or(crate::atom::atoms::undefined, |n| terms::small(n as i64));
            terms::tagged(ctx, "more", n)
        }
        Decoded::Invalid => terms::error(ctx, "invalid"),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn frames() {
        let d = decode(Framing::Length(2), &[0, 3, b'a', b'b', b'c', b'x'], 0, 0);
        assert_eq!(d, Decoded::Packet(2..5, 5));
        assert_eq!(
            decode(Framing::Length(4), &[0, 0], 0, 0),
            Decoded::More(None)
        );
        assert_eq!(
            decode(Framing::Length(1), &[5, 1], 0, 0),
            Decoded::More(Some(6))
        );
        assert_eq!(decode(Framing::Length(1), &[5, 1], 4, 0), Decoded::Invalid);
        assert_eq!(
            decode(Framing::Line(b'\n'), b"ab\ncd", 0, 0),
            Decoded::Packet(0..3, 3)
        );
        assert_eq!(
            decode(Framing::Line(b'\n'), b"abcd", 0, 0),
            Decoded::More(None)
        );
        assert_eq!(
            decode(Framing::Line(b'\n'), b"abcd", 0, 3),
            Decoded::Packet(0..3, 3)
        );
        assert_eq!(decode(Framing::Raw, b"", 0, 0), Decoded::More(None));
    }
}
