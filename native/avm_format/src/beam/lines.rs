//! The `Line` chunk: which source file and line each `line` instruction stands for.
//!
//! Layout: version, flags, number of `line` instructions, number of items, number of
//! file names (u32 each); then the items in the compact encoding — an integer is a line
//! of the current file, an atom-tagged value switches the current file — then the file
//! names (u16 length, bytes). Item 0 is the "no location" entry.

use crate::compact::{self, Operand};
use thiserror::Error;

/// A malformed `Line` chunk.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum LineError {
    /// The five header words are not all there.
    #[error("the `Line` chunk's header is cut short")]
    Header,
    /// An item does not decode.
    #[error("`Line` item: {0}")]
    Item(compact::CompactError),
}

/// One location: a line of one of the table's files.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Location {
    /// The line (0: unknown).
    pub line: u32,
    /// File number: 0 is the module's own source (not in the table), N is
    /// [`LineTable::files`]`[N - 1]`; atom-tagged items switch it.
    pub file: u32,
}

/// The decoded `Line` chunk.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LineTable {
    /// Locations by item index; item 0 is "no location" (line 0).
    pub items: Vec<Location>,
    /// The file names, in table order.
    pub files: Vec<String>,
}

impl LineTable {
    /// The file name and line of item `index`, when the table has them.
    pub fn location(&self, index: usize) -> Option<(&str, u32)> {
        let loc = self.items.get(index)?;
        let file = self.files.get(loc.file.checked_sub(1)? as usize)?;
        (loc.line > 0).then_some((file.as_str(), loc.line))
    }
}

/// Reads a `Line` chunk's data.
pub fn read(data: &[u8]) -> Result<LineTable, LineError> {
    let header = |i: usize| {
        data.get(i * 4..i * 4 + 4)
            .map(|w| u32::from_be_bytes([w[0], w[1], w[2], w[3]]))
            .ok_or(LineError::Header)
    };
    let count = header(3)? as usize;
    let file_count = header(4)?;
    let mut items = Vec::with_capacity(count.min(data.len()) + 1);
    items.push(Location { line: 0, file: 0 });
    let mut file = 0;
    let mut rest = data.get(20..).unwrap_or_default();
    while items.len() <= count && !rest.is_empty() {
        let (operand, used) = compact::decode_one(rest).map_err(LineError::Item)?;
        rest = rest.get(used..).unwrap_or_default();
        let line = match operand {
            Operand::Integer(n) => u32::try_from(n).unwrap_or(0),
            Operand::Unsigned(n) => u32::try_from(n).unwrap_or(0),
            Operand::Atom(index) => {
                file = index;
                continue;
            }
            Operand::Nil => {
                file = 0;
                continue;
            }
            _ => continue,
        };
        items.push(Location { line, file });
    }
    let mut files = Vec::new();
    for _ in 0..file_count {
        let Some((len, tail)) = rest.split_first_chunk::<2>() else {
            break;
        };
        let len = usize::from(u16::from_be_bytes(*len));
        let Some(name) = tail.get(..len) else { break };
        files.push(String::from_utf8_lossy(name).into_owned());
        rest = &tail[len..];
    }
    Ok(LineTable { items, files })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn items_switch_files_and_files_are_numbered_from_one() {
        // As elixirc writes it: two items (lines 2 and 3 of file 1), one file name.
        let mut chunk = Vec::new();
        for word in [0u32, 0, 2, 2, 1] {
            chunk.extend(word.to_be_bytes());
        }
        chunk.extend([0x12, 0x21, 0x31]); // a 1 (file 1), i 2, i 3
        chunk.extend(8u16.to_be_bytes());
        chunk.extend(b"lib/a.ex");
        let table = read(&chunk).expect("a valid table");
        assert_eq!(table.files, vec!["lib/a.ex".to_owned()]);
        assert_eq!(table.location(1), Some(("lib/a.ex", 2)));
        assert_eq!(table.location(2), Some(("lib/a.ex", 3)));
        assert_eq!(table.location(0), None);
        assert_eq!(table.location(9), None);
    }

    #[test]
    fn a_cut_header_is_an_error() {
        assert_eq!(read(&[0, 0, 0]), Err(LineError::Header));
    }
}
