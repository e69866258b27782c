//! Serialising entries into an archive.

use super::entry::{Entry, EntryKind};
use super::error::ArchiveError;
use super::name::validate_name;
use super::{END_NAME, HEADER, SECTION_HEADER_LEN};
use crate::bytes::pad4;
use std::collections::HashSet;

/// Serialises `entries`, in order, into a complete archive (header through end
/// section). Refuses invalid or duplicate names and oversized entries; writes nothing
/// partial since it only returns bytes.
pub fn write(entries: &[Entry]) -> Result<Vec<u8>, ArchiveError> {
    let mut seen = HashSet::new();
    let mut out = HEADER.to_vec();
    for entry in entries {
        validate_name(&entry.name, entry.kind())?;
        if !seen.insert(entry.name.as_str()) {
            return Err(ArchiveError::DuplicateEntry {
                name: entry.name.clone(),
            });
        }
        write_section(&mut out, entry)?;
    }
    write_header(&mut out, 0, 0, END_NAME);
    Ok(out)
}

fn write_section(out: &mut Vec<u8>, entry: &Entry) -> Result<(), ArchiveError> {
    let too_large = || ArchiveError::TooLarge {
        name: entry.name.clone(),
        len: entry.data.len(),
    };
    let prefix = if entry.kind() == EntryKind::File {
        let len = u32::try_from(entry.data.len()).map_err(|_| too_large())?;
        Some(len.to_be_bytes())
    } else {
        None
    };
    let content_len = entry.data.len() + prefix.map_or(0, |p| p.len());
    let size = SECTION_HEADER_LEN + pad4(entry.name.len() + 1) + pad4(content_len);
    let size = u32::try_from(size).map_err(|_| too_large())?;
    write_header(out, size, entry.flags, &entry.name);
    if let Some(prefix) = prefix {
        out.extend_from_slice(&prefix);
    }
    out.extend_from_slice(&entry.data);
    out.resize(pad4(out.len()), 0);
    Ok(())
}

fn write_header(out: &mut Vec<u8>, size: u32, flags: u32, name: &str) {
    out.extend_from_slice(&size.to_be_bytes());
    out.extend_from_slice(&flags.to_be_bytes());
    out.extend_from_slice(&0u32.to_be_bytes());
    out.extend_from_slice(name.as_bytes());
    out.push(0);
    out.resize(pad4(out.len()), 0);
}
