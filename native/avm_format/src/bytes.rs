//! A bounds-checked cursor over a byte slice: the only way the parsers read input.

/// Reads big-endian integers and slices from a byte slice, never past its end.
#[derive(Debug, Clone)]
pub(crate) struct Cursor<'a> {
    data: &'a [u8],
    pos: usize,
}

impl<'a> Cursor<'a> {
    pub(crate) fn new(data: &'a [u8]) -> Self {
        Cursor { data, pos: 0 }
    }

    /// Offset of the next byte to be read.
    pub(crate) fn pos(&self) -> usize {
        self.pos
    }

    /// Bytes left to read.
    pub(crate) fn remaining(&self) -> usize {
        self.data.len().saturating_sub(self.pos)
    }

    /// Takes the next `len` bytes, or `None` (consuming nothing) if fewer remain.
    pub(crate) fn take(&mut self, len: usize) -> Option<&'a [u8]> {
        let end = self.pos.checked_add(len)?;
        let slice = self.data.get(self.pos..end)?;
        self.pos = end;
        Some(slice)
    }

    pub(crate) fn u8(&mut self) -> Option<u8> {
        self.take(1).and_then(|b| b.first().copied())
    }

    pub(crate) fn u32_be(&mut self) -> Option<u32> {
        let b: [u8; 4] = self.take(4)?.try_into().ok()?;
        Some(u32::from_be_bytes(b))
    }

    pub(crate) fn i32_be(&mut self) -> Option<i32> {
        let b: [u8; 4] = self.take(4)?.try_into().ok()?;
        Some(i32::from_be_bytes(b))
    }
}

/// Rounds `n` up to a multiple of four (IFF and PackBEAM alignment).
pub(crate) fn pad4(n: usize) -> usize {
    n.div_ceil(4).saturating_mul(4)
}
