//! Helpers shared by the integration tests: reading a block's fields by byte offset,
//! independently of the crate's own decoder.
#![allow(dead_code, clippy::unwrap_used)]

/// The little-endian `u32` at byte `at` of block `block` in `file`.
pub fn field(file: &[u8], block: usize, at: usize) -> u32 {
    let start = block * 512 + at;
    u32::from_le_bytes(file[start..start + 4].try_into().unwrap())
}

/// Overwrites the little-endian `u32` at byte `at` of block `block` in `file`.
pub fn set_field(file: &mut [u8], block: usize, at: usize, value: u32) {
    let start = block * 512 + at;
    file[start..start + 4].copy_from_slice(&value.to_le_bytes());
}

/// `len` bytes that look like a PackBEAM archive: its header, then a counting pattern
/// that never repeats within 256 bytes.
pub fn avm_like(len: usize) -> Vec<u8> {
    let header = b"#!/usr/bin/env AtomVM\n\0\0";
    (0..len)
        .map(|i| header.get(i).copied().unwrap_or((i % 251) as u8 ^ 0xA5))
        .collect()
}
