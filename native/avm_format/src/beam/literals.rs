//! The literal table: `LitT` (a u32 uncompressed size, then a zlib stream — or, from
//! OTP 28, size 0 and the table itself), or the `LitU` chunk PackBEAM stores inflated.
//! The table is a u32 count, then per literal a u32 size and that many bytes of
//! external term format.

use super::error::{BeamError, BeamErrorKind};
use super::iff::Beam;
use super::strip::MAX_LITERALS;
use crate::bytes::Cursor;
use flate2::read::ZlibDecoder;
use std::io::Read;

/// Each literal's external-term-format bytes, in table order (empty if the module has
/// no literal table).
pub fn literal_table(beam: &Beam<'_>) -> Result<Vec<Vec<u8>>, BeamError> {
    let (offset, table) = if let Some(chunk) = beam.chunk(b"LitU") {
        (chunk.offset, chunk.data.to_vec())
    } else if let Some(chunk) = beam.chunk(b"LitT") {
        (chunk.offset, inflate(chunk.data, chunk.offset)?)
    } else {
        return Ok(Vec::new());
    };
    let bad = |reason| BeamError::at(offset, BeamErrorKind::BadChunk { id: "LitT", reason });
    let mut cursor = Cursor::new(&table);
    let count = cursor.u32_be().ok_or_else(|| bad("no literal count"))?;
    let count = usize::try_from(count).map_err(|_| bad("literal count too large"))?;
    if count.saturating_mul(4) > cursor.remaining() {
        return Err(bad("literal count exceeds the table's size"));
    }
    let mut out = Vec::with_capacity(count);
    for _ in 0..count {
        let size = cursor
            .u32_be()
            .ok_or_else(|| bad("literal size cut short"))?;
        let size = usize::try_from(size).map_err(|_| bad("literal too large"))?;
        let bytes = cursor
            .take(size)
            .ok_or_else(|| bad("literal runs past the table"))?;
        out.push(bytes.to_vec());
    }
    Ok(out)
}

/// The inflated table of a `LitT` chunk's data (as it is when its size field is 0).
pub(crate) fn inflate(data: &[u8], offset: usize) -> Result<Vec<u8>, BeamError> {
    let bad = |reason| BeamError::at(offset, BeamErrorKind::BadChunk { id: "LitT", reason });
    let (size, stream) = data
        .split_first_chunk::<4>()
        .ok_or_else(|| bad("shorter than its 4-byte size field"))?;
    let declared = u32::from_be_bytes(*size);
    if declared == 0 {
        return Ok(stream.to_vec());
    }
    if declared > MAX_LITERALS {
        return Err(BeamError::at(
            offset,
            BeamErrorKind::LiteralsTooLarge { declared },
        ));
    }
    let mut out = Vec::with_capacity(usize::try_from(declared).unwrap_or(0));
    ZlibDecoder::new(stream)
        .take(u64::from(declared) + 1)
        .read_to_end(&mut out)
        .map_err(|e| {
            BeamError::at(
                offset,
                BeamErrorKind::Inflate {
                    reason: e.to_string(),
                },
            )
        })?;
    if out.len() as u64 != u64::from(declared) {
        return Err(BeamError::at(
            offset,
            BeamErrorKind::LiteralSize {
                declared,
                actual: out.len(),
            },
        ));
    }
    Ok(out)
}
