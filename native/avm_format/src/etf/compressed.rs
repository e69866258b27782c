//! `COMPRESSED` terms: a declared size, then a zlib stream holding one term.

use super::decode::{decode_term, DecodeOptions};
use super::error::{EtfError, EtfErrorKind};
use super::read::Reader;
use super::term::Term;
use super::MAX_INFLATED;
use flate2::{Decompress, FlushDecompress, Status};

/// How much the output buffer grows by at most at a time while inflating.
const GROW: usize = 64 << 10;

/// Decodes a `COMPRESSED` term, the reader at its tag; leaves the reader after the
/// zlib stream.
pub(super) fn decode(r: &mut Reader<'_>, options: DecodeOptions) -> Result<Term, EtfError> {
    let at = r.pos();
    r.u8()?;
    let declared = r.u32_be()?;
    if declared > MAX_INFLATED {
        return Err(EtfError::at(at, EtfErrorKind::InflatedTooLarge(declared)));
    }
    let stream_at = r.pos();
    let (inflated, used) =
        inflate(r.rest(), declared).map_err(|kind| EtfError::at(stream_at, kind))?;
    r.bytes(used)?;
    let mut inner = Reader::new(&inflated);
    let term = decode_term(&mut inner, options).and_then(|term| match inner.remaining() {
        0 => Ok(term),
        left => Err(inner.error(EtfErrorKind::TrailingBytes(left))),
    });
    term.map_err(|inner| EtfError::at(stream_at, EtfErrorKind::Compressed(Box::new(inner))))
}

/// Inflates the zlib stream at the start of `stream`, which must give exactly
/// `declared` bytes; returns them and the length of the stream.
fn inflate(stream: &[u8], declared: u32) -> Result<(Vec<u8>, usize), EtfErrorKind> {
    let want = usize::try_from(declared).unwrap_or(usize::MAX);
    // One byte more than declared is room to notice a stream that gives too much.
    let limit = want.saturating_add(1);
    let mut out = Vec::with_capacity(limit.min(GROW));
    let mut z = Decompress::new(true);
    loop {
        if out.len() >= limit {
            return Err(EtfErrorKind::InflatedSize {
                declared,
                actual: out.len(),
            });
        }
        if out.len() == out.capacity() {
            out.reserve((limit - out.len()).min(out.len().max(GROW)));
        }
        let before = (z.total_in(), z.total_out());
        let input = stream.get(in_len(&z)..).unwrap_or_default();
        let status = z
            .decompress_vec(input, &mut out, FlushDecompress::None)
            .map_err(|e| EtfErrorKind::Inflate(e.to_string()))?;
        if status == Status::StreamEnd {
            break;
        }
        if (z.total_in(), z.total_out()) == before {
            return Err(EtfErrorKind::Inflate(
                "the zlib stream is cut off".to_owned(),
            ));
        }
    }
    if out.len() != want {
        return Err(EtfErrorKind::InflatedSize {
            declared,
            actual: out.len(),
        });
    }
    Ok((out, in_len(&z)))
}

/// Bytes of the stream consumed so far.
fn in_len(z: &Decompress) -> usize {
    usize::try_from(z.total_in()).unwrap_or(usize::MAX)
}
