//! Stripping a BEAM file to the chunks AtomVM's loader reads.

use super::error::{BeamError, BeamErrorKind};
use super::iff::{self, Beam, ChunkId};
use std::borrow::Cow;

/// The chunks a stripped module keeps (in the order they appear in the original
/// file), besides `Line` when [`StripOptions::keep_lines`] is set. A compressed
/// `LitT` is replaced in place by a `LitU` holding the inflated table.
pub const KEPT_CHUNKS: [&ChunkId; 12] = [
    b"AtU8", b"Code", b"ExpT", b"LocT", b"ImpT", b"LitU", b"FunT", b"StrT", b"LitT", b"avmN",
    b"Type", b"Recs",
];

/// The largest inflated literal table accepted (no real module comes near it; a
/// larger claim is a corrupt or hostile file, refused before inflating).
pub const MAX_LITERALS: u32 = 64 << 20;

/// How to strip.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StripOptions {
    /// Keep the `Line` chunk (file and line numbers in stack traces).
    pub keep_lines: bool,
}

impl Default for StripOptions {
    fn default() -> Self {
        StripOptions { keep_lines: true }
    }
}

/// Returns the module rebuilt with only the chunks AtomVM reads.
///
/// Fails on a malformed container, on a module without `Code` or `AtU8`, and on a
/// `LitT` that does not inflate to its declared size.
pub fn strip(bytes: &[u8], options: StripOptions) -> Result<Vec<u8>, BeamError> {
    let beam = Beam::parse(bytes)?;
    beam.require(b"Code")?;
    if beam.chunk(b"AtU8").is_none() {
        return Err(match beam.chunk(b"Atom") {
            Some(chunk) => BeamError::at(chunk.offset, BeamErrorKind::LegacyAtoms),
            None => BeamError::at(beam.len, BeamErrorKind::MissingChunk("AtU8")),
        });
    }
    let mut kept: Vec<(ChunkId, Cow<'_, [u8]>)> = Vec::with_capacity(beam.chunks.len());
    for chunk in &beam.chunks {
        if &chunk.id == b"LitT" {
            kept.push(literals(chunk.data, chunk.offset)?);
        } else if KEPT_CHUNKS.contains(&&chunk.id) || (options.keep_lines && &chunk.id == b"Line") {
            kept.push((chunk.id, Cow::Borrowed(chunk.data)));
        }
    }
    Ok(iff::write(&kept))
}

/// `LitT` is a u32 uncompressed size then a zlib stream; OTP 28 may write size 0 and
/// the table uncompressed, which is kept as it is.
fn literals(data: &[u8], offset: usize) -> Result<(ChunkId, Cow<'_, [u8]>), BeamError> {
    match data.get(..4) {
        Some([0, 0, 0, 0]) => Ok((*b"LitT", Cow::Borrowed(data))),
        _ => Ok((
            *b"LitU",
            Cow::Owned(super::literals::inflate(data, offset)?),
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use flate2::{write::ZlibEncoder, Compression};
    use std::io::Write;

    fn zlib(data: &[u8]) -> Vec<u8> {
        let mut enc = ZlibEncoder::new(Vec::new(), Compression::default());
        enc.write_all(data).unwrap();
        enc.finish().unwrap()
    }

    fn litt(table: &[u8]) -> Vec<u8> {
        let mut out = (table.len() as u32).to_be_bytes().to_vec();
        out.extend(zlib(table));
        out
    }

    fn ids(bytes: &[u8]) -> Vec<String> {
        Beam::parse(bytes)
            .unwrap()
            .chunks
            .iter()
            .map(|c| c.name())
            .collect()
    }

    fn module(extra: &[(ChunkId, Vec<u8>)]) -> Vec<u8> {
        let mut chunks = vec![
            (*b"AtU8", vec![0, 0, 0, 1, 1, b'm']),
            (*b"Code", vec![1; 8]),
        ];
        chunks.extend_from_slice(extra);
        iff::write(&chunks)
    }

    #[test]
    fn keeps_listed_chunks_in_order_and_drops_the_rest() {
        let bytes = module(&[
            (*b"Dbgi", vec![9; 40]),
            (*b"ImpT", vec![0; 4]),
            (*b"Line", vec![2; 4]),
            (*b"Docs", vec![3; 12]),
            (*b"ExpT", vec![0; 4]),
            (*b"Attr", vec![4; 4]),
            (*b"Type", vec![5; 4]),
        ]);
        let stripped = strip(&bytes, StripOptions { keep_lines: true }).unwrap();
        assert_eq!(
            ids(&stripped),
            ["AtU8", "Code", "ImpT", "Line", "ExpT", "Type"]
        );
        let no_lines = strip(&bytes, StripOptions { keep_lines: false }).unwrap();
        assert_eq!(ids(&no_lines), ["AtU8", "Code", "ImpT", "ExpT", "Type"]);
        assert_eq!(Beam::parse(&no_lines).unwrap().chunks[1].data, [1; 8]);
    }

    #[test]
    fn inflates_litt_into_litu_in_place() {
        let table = b"\0\0\0\x01\0\0\0\x04\x83\x61\x2a\x00".to_vec();
        let bytes = module(&[(*b"LitT", litt(&table)), (*b"FunT", vec![0; 4])]);
        let stripped = strip(&bytes, StripOptions::default()).unwrap();
        assert_eq!(ids(&stripped), ["AtU8", "Code", "LitU", "FunT"]);
        assert_eq!(Beam::parse(&stripped).unwrap().chunks[2].data, table);
    }

    #[test]
    fn keeps_uncompressed_otp28_litt() {
        let plain = [0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 2, 131, 106];
        let bytes = module(&[(*b"LitT", plain.to_vec())]);
        let stripped = strip(&bytes, StripOptions::default()).unwrap();
        let beam = Beam::parse(&stripped).unwrap();
        assert_eq!(beam.chunks[2].name(), "LitT");
        assert_eq!(beam.chunks[2].data, plain);
    }

    #[test]
    fn rejects_bad_literals() {
        let mut wrong_size = litt(b"abcdef");
        wrong_size[3] = 9;
        let err = strip(&module(&[(*b"LitT", wrong_size)]), StripOptions::default()).unwrap_err();
        assert_eq!(
            err.kind,
            BeamErrorKind::LiteralSize {
                declared: 9,
                actual: 6
            }
        );

        let huge = [0xFF, 0xFF, 0xFF, 0xFF, 0x78, 0x9C].to_vec();
        let err = strip(&module(&[(*b"LitT", huge)]), StripOptions::default()).unwrap_err();
        assert_eq!(
            err.kind,
            BeamErrorKind::LiteralsTooLarge { declared: u32::MAX }
        );

        let garbage = vec![0, 0, 0, 5, 1, 2, 3];
        let err = strip(&module(&[(*b"LitT", garbage)]), StripOptions::default()).unwrap_err();
        assert!(matches!(err.kind, BeamErrorKind::Inflate { .. }));
    }

    #[test]
    fn requires_code_and_utf8_atoms() {
        let no_code = iff::write(&[(*b"AtU8", vec![0, 0, 0, 0])]);
        let err = strip(&no_code, StripOptions::default()).unwrap_err();
        assert_eq!(err.kind, BeamErrorKind::MissingChunk("Code"));
        let legacy = iff::write(&[(*b"Atom", vec![0, 0, 0, 0]), (*b"Code", vec![])]);
        let err = strip(&legacy, StripOptions::default()).unwrap_err();
        assert_eq!(err.kind, BeamErrorKind::LegacyAtoms);
    }
}
