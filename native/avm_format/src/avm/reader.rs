//! Parsing an archive into entries.

use super::entry::{Entry, FLAG_BEAM, FLAG_FILE};
use super::error::ArchiveError;
use super::{END_NAME, HEADER, SECTION_HEADER_LEN};
use crate::beam::Beam;
use crate::bytes::{pad4, Cursor};

/// A parsed archive.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Archive {
    /// Entries in file order.
    pub entries: Vec<Entry>,
    /// Offset just past the end section; bytes after it (e.g. erased flash) are ignored.
    pub len: usize,
}

impl Archive {
    /// The entry AtomVM would start: the first one flagged start.
    pub fn start(&self) -> Option<&Entry> {
        self.entries.iter().find(|e| e.is_start())
    }
}

/// Parses a whole archive, checking every size against the file.
pub fn read(bytes: &[u8]) -> Result<Archive, ArchiveError> {
    if bytes.get(..HEADER.len()) != Some(HEADER.as_slice()) {
        return Err(ArchiveError::BadHeader);
    }
    let mut entries = Vec::new();
    let mut offset = HEADER.len();
    loop {
        let rest = bytes.get(offset..).unwrap_or_default();
        if rest.is_empty() {
            return Err(ArchiveError::MissingEnd {
                offset,
                entries: entries.len(),
            });
        }
        let mut cursor = Cursor::new(rest);
        let (Some(size), Some(flags), Some(_reserved)) =
            (cursor.u32_be(), cursor.u32_be(), cursor.u32_be())
        else {
            return Err(ArchiveError::TruncatedHeader { offset });
        };
        if size == 0 {
            return end_section(rest, offset, entries);
        }
        let bad_size = |problem| ArchiveError::BadSectionSize {
            offset,
            size,
            problem,
        };
        let section_len = usize::try_from(size).map_err(|_| bad_size("is too large"))?;
        if section_len > rest.len() {
            return Err(bad_size("runs past the end of the file"));
        }
        if section_len % 4 != 0 {
            return Err(bad_size("is not a multiple of 4"));
        }
        if section_len < SECTION_HEADER_LEN + 4 {
            return Err(bad_size("is smaller than a section header and a name"));
        }
        let name = read_name(rest, section_len, offset)?;
        let content_start = SECTION_HEADER_LEN + pad4(name.len() + 1);
        let content = rest
            .get(content_start..section_len)
            .ok_or_else(|| bad_size("is smaller than its header and name"))?;
        let data = entry_data(content, flags, offset, &name)?;
        entries.push(Entry { name, flags, data });
        offset += section_len;
    }
}

/// The end section must be `0, 0, 0, "end\0"`, complete within the file.
fn end_section(rest: &[u8], offset: usize, entries: Vec<Entry>) -> Result<Archive, ArchiveError> {
    let marker_len = SECTION_HEADER_LEN + pad4(END_NAME.len() + 1);
    match rest.get(SECTION_HEADER_LEN..marker_len) {
        Some(name) if name == b"end\0" => Ok(Archive {
            entries,
            len: offset + marker_len,
        }),
        _ => Err(ArchiveError::BadEnd { offset }),
    }
}

/// Reads the NUL-terminated name after the 12-byte header, within `limit` bytes.
fn read_name(section: &[u8], limit: usize, offset: usize) -> Result<String, ArchiveError> {
    let area = section
        .get(SECTION_HEADER_LEN..limit)
        .ok_or(ArchiveError::UnterminatedName { offset })?;
    let len = area
        .iter()
        .position(|&b| b == 0)
        .ok_or(ArchiveError::UnterminatedName { offset })?;
    let raw = area.get(..len).unwrap_or_default();
    String::from_utf8(raw.to_vec()).map_err(|_| ArchiveError::BadEntry {
        offset,
        name: String::from_utf8_lossy(raw).into_owned(),
        problem: "the name is not valid UTF-8",
    })
}

fn entry_data(
    content: &[u8],
    flags: u32,
    offset: usize,
    name: &str,
) -> Result<Vec<u8>, ArchiveError> {
    let bad = |problem| ArchiveError::BadEntry {
        offset,
        name: name.to_owned(),
        problem,
    };
    if flags & FLAG_BEAM != 0 {
        // Drop the section padding when the module's own IFF header says how long it is.
        let data = match Beam::parse(content) {
            Ok(beam) => content.get(..beam.len).unwrap_or(content),
            Err(_) => content,
        };
        Ok(data.to_vec())
    } else if flags & FLAG_FILE != 0 {
        let mut cursor = Cursor::new(content);
        let len = cursor
            .u32_be()
            .ok_or_else(|| bad("a plain file must start with its 4-byte length"))?;
        let len = usize::try_from(len).map_err(|_| bad("its length does not fit in memory"))?;
        cursor
            .take(len)
            .map(<[u8]>::to_vec)
            .ok_or_else(|| bad("its declared length runs past the section"))
    } else {
        Ok(content.to_vec())
    }
}
