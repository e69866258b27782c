//! The `Line` chunk: which source line each `line` instruction stands for.
//!
//! Layout: version, flags, number of `line` instructions, number of items, number of
//! file names (u32 each); then the items in the compact encoding — an integer is a line
//! of the current file, an atom-tagged value switches the current file — then the file
//! names. Item 0 is the "no location" entry.

use avm_format::compact::Operand;

/// Line numbers by item index (index 0 = unknown = 0), and the file names.
pub fn items(data: &[u8]) -> Result<(Vec<u32>, Vec<String>), String> {
    let header = |i: usize| {
        data.get(i * 4..i * 4 + 4)
            .map(|w| u32::from_be_bytes([w[0], w[1], w[2], w[3]]))
            .ok_or_else(|| "the `Line` chunk's header is cut short".to_owned())
    };
    let count = header(3)? as usize;
    let mut out = Vec::with_capacity(count.min(data.len()) + 1);
    out.push(0);
    let mut rest = data.get(20..).unwrap_or_default();
    while out.len() <= count && !rest.is_empty() {
        let (operand, used) =
            avm_format::compact::decode_one(rest).map_err(|e| format!("`Line` item: {e}"))?;
        rest = rest.get(used..).unwrap_or_default();
        match operand {
            Operand::Integer(n) => out.push(u32::try_from(n).unwrap_or(0)),
            Operand::Unsigned(n) => out.push(u32::try_from(n).unwrap_or(0)),
            _ => {} // a file switch
        }
    }
    let mut files = Vec::new();
    for _ in 0..header(4)? {
        let Some((len, tail)) = rest.split_first_chunk::<2>() else {
            break;
        };
        let len = usize::from(u16::from_be_bytes(*len));
        let Some(name) = tail.get(..len) else { break };
        files.push(String::from_utf8_lossy(name).into_owned());
        rest = &tail[len..];
    }
    Ok((out, files))
}
