//! The IFF container of a BEAM file: `FOR1`, a big-endian length, `BEAM`, then chunks
//! (a four-character id, a big-endian length, the data padded to four bytes).

use super::error::{BeamError, BeamErrorKind};
use crate::bytes::{pad4, Cursor};
use std::fmt;

/// A chunk's four-character id, such as `*b"Code"`.
pub type ChunkId = [u8; 4];

/// One chunk of a BEAM file, borrowed from the file's bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Chunk<'a> {
    /// Four-character id.
    pub id: ChunkId,
    /// Contents, without padding.
    pub data: &'a [u8],
    /// Offset of the chunk's header in the file.
    pub offset: usize,
}

impl Chunk<'_> {
    /// The id as text (lossy for ids that are not ASCII).
    pub fn name(&self) -> String {
        id_to_string(&self.id)
    }
}

impl fmt::Display for Chunk<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} ({} bytes)", self.name(), self.data.len())
    }
}

pub(crate) fn id_to_string(id: &ChunkId) -> String {
    String::from_utf8_lossy(id).into_owned()
}

/// A parsed BEAM file: its chunks in file order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Beam<'a> {
    /// Chunks in the order they appear in the file.
    pub chunks: Vec<Chunk<'a>>,
    /// Length of the IFF form, header included (bytes after it are ignored).
    pub len: usize,
}

const FORM_HEADER_LEN: usize = 12;

impl<'a> Beam<'a> {
    /// Parses the container. Checks every length; does not look inside chunks.
    pub fn parse(bytes: &'a [u8]) -> Result<Self, BeamError> {
        let mut cursor = Cursor::new(bytes);
        if cursor.take(4) != Some(b"FOR1".as_slice()) {
            return Err(BeamError::at(0, BeamErrorKind::NotIff));
        }
        let declared = cursor
            .u32_be()
            .ok_or(BeamError::at(4, BeamErrorKind::NotIff))?;
        let len = usize::try_from(declared)
            .ok()
            .and_then(|d| d.checked_add(8))
            .unwrap_or(usize::MAX);
        if cursor.take(4) != Some(b"BEAM".as_slice()) {
            return Err(BeamError::at(8, BeamErrorKind::NotBeam));
        }
        if len > bytes.len() || len < FORM_HEADER_LEN {
            return Err(BeamError::at(
                4,
                BeamErrorKind::Truncated {
                    declared: len,
                    actual: bytes.len(),
                },
            ));
        }
        let form = bytes.get(..len).unwrap_or(bytes);
        let mut cursor = Cursor::new(form);
        cursor.take(FORM_HEADER_LEN);
        let mut chunks = Vec::new();
        while cursor.remaining() > 0 {
            let offset = cursor.pos();
            let header = (cursor.take(4), cursor.u32_be());
            let (Some(id), Some(chunk_len)) = header else {
                return Err(BeamError::at(offset, BeamErrorKind::TruncatedChunkHeader));
            };
            let id: ChunkId = id
                .try_into()
                .map_err(|_| BeamError::at(offset, BeamErrorKind::TruncatedChunkHeader))?;
            let past_end = || {
                BeamError::at(
                    offset,
                    BeamErrorKind::ChunkPastEnd {
                        id: id_to_string(&id),
                        len: chunk_len,
                    },
                )
            };
            let data_len = usize::try_from(chunk_len).map_err(|_| past_end())?;
            let data = cursor.take(data_len).ok_or_else(past_end)?;
            // The last chunk's padding may be absent; any other padding must be there.
            let padding = pad4(data_len) - data_len;
            cursor.take(padding.min(cursor.remaining()));
            chunks.push(Chunk { id, data, offset });
        }
        Ok(Beam { chunks, len })
    }

    /// The first chunk with this id.
    pub fn chunk(&self, id: &ChunkId) -> Option<&Chunk<'a>> {
        self.chunks.iter().find(|c| &c.id == id)
    }

    /// The first chunk with this id, or a [`BeamErrorKind::MissingChunk`] error.
    pub fn require(&self, id: &'static ChunkId) -> Result<&Chunk<'a>, BeamError> {
        self.chunk(id).ok_or_else(|| {
            BeamError::at(
                self.len,
                BeamErrorKind::MissingChunk(std::str::from_utf8(id).unwrap_or("????")),
            )
        })
    }
}

/// Writes chunks (id, data) as a BEAM IFF file, padding each chunk to four bytes.
pub fn write<D: AsRef<[u8]>>(chunks: &[(ChunkId, D)]) -> Vec<u8> {
    let body: usize = chunks
        .iter()
        .map(|(_, data)| 8 + pad4(data.as_ref().len()))
        .sum();
    let mut out = Vec::with_capacity(FORM_HEADER_LEN + body);
    out.extend_from_slice(b"FOR1");
    // A BEAM file larger than 4 GiB cannot be described by IFF; saturate rather than wrap.
    let form_len = u32::try_from(4 + body).unwrap_or(u32::MAX);
    out.extend_from_slice(&form_len.to_be_bytes());
    out.extend_from_slice(b"BEAM");
    for (id, data) in chunks {
        let data = data.as_ref();
        out.extend_from_slice(id);
        let len = u32::try_from(data.len()).unwrap_or(u32::MAX);
        out.extend_from_slice(&len.to_be_bytes());
        out.extend_from_slice(data);
        out.resize(pad4(out.len()), 0);
    }
    out
}

/// Makes a module taken from a PackBEAM section loadable the way AtomVM loads it: the
/// chunks within the section's bytes, whatever the form header declares. AtomVM's own
/// PackBEAM keeps the `FOR1` length of the unstripped file (8 bytes more than it writes,
/// in every `atomvmlib` archive) and AtomVM's loader never reads it; when the header
/// declares more than `bytes` holds, this sets it to what is there. Anything else is
/// left for [`Beam::parse`] to judge.
pub fn fit_form_length(bytes: &mut [u8]) {
    let Some(header) = bytes.get(4..8) else {
        return;
    };
    let declared = u32::from_be_bytes([header[0], header[1], header[2], header[3]]);
    let actual = bytes.len().saturating_sub(8);
    if bytes.starts_with(b"FOR1") && usize::try_from(declared).map_or(true, |d| d > actual) {
        if let (Ok(actual), Some(field)) = (u32::try_from(actual), bytes.get_mut(4..8)) {
            field.copy_from_slice(&actual.to_be_bytes());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Vec<u8> {
        write(&[
            (*b"AtU8", b"abc".as_slice()),
            (*b"Code", b"1234".as_slice()),
        ])
    }

    #[test]
    fn round_trips_chunks_in_order() {
        let bytes = sample();
        assert_eq!(bytes.len() % 4, 0);
        let beam = Beam::parse(&bytes).unwrap();
        let ids: Vec<_> = beam.chunks.iter().map(|c| c.name()).collect();
        assert_eq!(ids, ["AtU8", "Code"]);
        assert_eq!(beam.chunks[0].data, b"abc");
        assert_eq!(beam.chunks[1].offset, 12 + 8 + 4);
        assert_eq!(beam.len, bytes.len());
    }

    #[test]
    fn reports_truncation_with_sizes() {
        let bytes = sample();
        let err = Beam::parse(&bytes[..bytes.len() - 2]).unwrap_err();
        assert_eq!(
            err.kind,
            BeamErrorKind::Truncated {
                declared: bytes.len(),
                actual: bytes.len() - 2
            }
        );
    }

    #[test]
    fn reports_chunk_past_end() {
        let mut bytes = sample();
        // Make `Code` claim 100 bytes.
        bytes[24 + 4..24 + 8].copy_from_slice(&100u32.to_be_bytes());
        let err = Beam::parse(&bytes).unwrap_err();
        assert_eq!(err.offset, 24);
        assert_eq!(
            err.kind,
            BeamErrorKind::ChunkPastEnd {
                id: "Code".into(),
                len: 100
            }
        );
    }

    #[test]
    fn rejects_other_containers() {
        assert_eq!(Beam::parse(b"").unwrap_err().kind, BeamErrorKind::NotIff);
        assert_eq!(
            Beam::parse(b"FOR1\0\0\0\x04AIFF").unwrap_err().kind,
            BeamErrorKind::NotBeam
        );
    }

    #[test]
    fn a_packbeam_section_declaring_more_than_it_holds_is_fitted() {
        let mut bytes = b"FOR1\0\0\0\x0cBEAMAtU8\0\0\0\0".to_vec();
        bytes[7] = 20; // 8 bytes more than the 12 after the length field
        assert!(Beam::parse(&bytes).is_err());
        fit_form_length(&mut bytes);
        assert_eq!(&bytes[4..8], &12u32.to_be_bytes());
        assert_eq!(Beam::parse(&bytes).map(|b| b.chunks.len()), Ok(1));
        // A shorter declared length is left alone.
        let mut short = b"FOR1\0\0\0\x04BEAMjunk".to_vec();
        fit_form_length(&mut short);
        assert_eq!(&short[4..8], &4u32.to_be_bytes());
    }
}
