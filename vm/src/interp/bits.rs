//! Bit-level reading and writing for the bit syntax: integers of any size and either
//! endianness, floats, UTF-8/16/32, and copying bit ranges.

use crate::heap::{BitStr, Int};
use num_bigint::{BigInt, BigUint, Sign};
use num_traits::ToPrimitive;

/// Segment flag: little-endian.
pub const LITTLE: u8 = 0x02;
/// Segment flag: signed.
pub const SIGNED: u8 = 0x04;
/// Segment flag: native endianness (little on the hosts this VM runs on).
pub const NATIVE: u8 = 0x10;

/// Whether `flags` ask for little-endian byte order.
pub fn little(flags: u8) -> bool {
    flags & (LITTLE | NATIVE) != 0
}

/// A growing bitstring.
#[derive(Debug, Default, Clone)]
pub struct BitWriter {
    /// The bytes written so far (the last one possibly partial).
    pub bytes: Vec<u8>,
    /// How many bits are written.
    pub bits: usize,
}

impl BitWriter {
    /// Appends one bit.
    pub fn push_bit(&mut self, bit: bool) {
        if self.bits % 8 == 0 {
            self.bytes.push(0);
        }
        if bit {
            if let Some(last) = self.bytes.last_mut() {
                *last |= 0x80 >> (self.bits % 8);
            }
        }
        self.bits += 1;
    }

    /// Appends whole bytes (fast when aligned).
    pub fn push_bytes(&mut self, bytes: &[u8]) {
        if self.bits % 8 == 0 {
            self.bytes.extend_from_slice(bytes);
            self.bits += bytes.len() * 8;
        } else {
            for b in bytes {
                for i in 0..8 {
                    self.push_bit(b & (0x80 >> i) != 0);
                }
            }
        }
    }

    /// Appends the bits of `src`.
    pub fn push_bitstr(&mut self, src: &BitStr<'_>) {
        if let Some(aligned) = src.aligned() {
            self.push_bytes(aligned);
        } else {
            for i in 0..src.bits {
                self.push_bit(src.bit(i));
            }
        }
    }

    /// Appends `size` bits of integer `value` (two's complement, truncated). Little
    /// endian puts the least significant byte first; when `size` is not a multiple of
    /// 8 the last, partial unit holds the remaining high bits (as BEAM does).
    pub fn push_int(&mut self, value: &Int, size: usize, flags: u8) {
        if size == 0 {
            return;
        }
        let bytes = int_bytes(value, size);
        // `bytes` is big-endian with exactly `size` significant bits right-aligned.
        let lead = bytes.len() * 8 - size;
        if little(flags) {
            let whole = size / 8;
            for i in 0..whole {
                let byte = bytes[bytes.len() - 1 - i];
                self.push_bytes(&[byte]);
            }
            let rem = size % 8;
            if rem > 0 {
                let top = bytes[0];
                for i in (0..rem).rev() {
                    self.push_bit(top & (1 << i) != 0);
                }
            }
        } else {
            for i in lead..bytes.len() * 8 {
                self.push_bit(bytes[i / 8] & (0x80 >> (i % 8)) != 0);
            }
        }
    }

    /// Appends a float of 16, 32 or 64 bits; false for another size.
    pub fn push_float(&mut self, value: f64, size: usize, flags: u8) -> bool {
        let mut bytes = match size {
            64 => value.to_be_bytes().to_vec(),
            32 => (value as f32).to_be_bytes().to_vec(),
            16 => half::f16::from_f64(value).to_bits().to_be_bytes().to_vec(),
            _ => return false,
        };
        if little(flags) {
            bytes.reverse();
        }
        self.push_bytes(&bytes);
        true
    }

    /// Appends a code point as UTF-8/16/32; false if it is not a valid one.
    pub fn push_utf(&mut self, code: i64, width: u8, flags: u8) -> bool {
        let Some(c) = u32::try_from(code).ok().and_then(char::from_u32) else {
            return false;
        };
        match width {
            8 => {
                let mut buf = [0u8; 4];
                self.push_bytes(c.encode_utf8(&mut buf).as_bytes());
            }
            16 => {
                let mut buf = [0u16; 2];
                for unit in c.encode_utf16(&mut buf) {
                    let b = if little(flags) {
                        unit.to_le_bytes()
                    } else {
                        unit.to_be_bytes()
                    };
                    self.push_bytes(&b);
                }
            }
            _ => {
                let v = u32::from(c);
                let b = if little(flags) {
                    v.to_le_bytes()
                } else {
                    v.to_be_bytes()
                };
                self.push_bytes(&b);
            }
        }
        true
    }
}

/// The `size` low bits of `value` as big-endian bytes (two's complement).
fn int_bytes(value: &Int, size: usize) -> Vec<u8> {
    let n = size.div_ceil(8);
    match value {
        Int::Small(v) if n <= 8 => {
            let all = v.to_be_bytes();
            all[8 - n..].to_vec()
        }
        other => {
            let big = other.to_big();
            let modulus = BigInt::from(1) << (n * 8);
            let wrapped = ((big % &modulus) + &modulus) % &modulus;
            let mut bytes = wrapped
                .to_biguint()
                .map(|u| u.to_bytes_be())
                .unwrap_or_default();
            if bytes.len() < n {
                let mut padded = vec![0u8; n - bytes.len()];
                padded.extend(bytes);
                bytes = padded;
            }
            bytes[bytes.len() - n..].to_vec()
        }
    }
}

/// Reads bits of `src` starting at bit `pos`.
pub struct BitReader<'a> {
    /// The bitstring.
    pub src: BitStr<'a>,
}

impl BitReader<'_> {
    /// Bits left after `pos`.
    pub fn left(&self, pos: usize) -> usize {
        self.src.bits.saturating_sub(pos)
    }

    /// `size` bits at `pos` as bytes, right-aligned big-endian.
    fn raw(&self, pos: usize, size: usize) -> Vec<u8> {
        let n = size.div_ceil(8);
        let mut out = vec![0u8; n];
        let lead = n * 8 - size;
        for i in 0..size {
            if self.src.bit(pos + i) {
                let at = lead + i;
                out[at / 8] |= 0x80 >> (at % 8);
            }
        }
        out
    }

    /// An integer of `size` bits at `pos`, or `None` past the end.
    pub fn int(&self, pos: usize, size: usize, flags: u8) -> Option<Int> {
        if size > self.left(pos) {
            return None;
        }
        let unsigned = if little(flags) {
            // Least significant byte first; a partial last unit holds the high bits.
            let whole = size / 8;
            let mut le: Vec<u8> = (0..whole).map(|i| self.raw(pos + i * 8, 8)[0]).collect();
            if size % 8 > 0 {
                le.push(self.raw(pos + whole * 8, size % 8)[0]);
            }
            BigUint::from_bytes_le(&le)
        } else {
            BigUint::from_bytes_be(&self.raw(pos, size))
        };
        let mut value = BigInt::from_biguint(Sign::Plus, unsigned);
        if flags & SIGNED != 0 && size > 0 && value.bit(size as u64 - 1) {
            value -= BigInt::from(1) << size;
        }
        Some(match value.to_i64() {
            Some(v) => Int::Small(v),
            None => Int::Big(value),
        })
    }

    /// A float of `size` bits at `pos`.
    pub fn float(&self, pos: usize, size: usize, flags: u8) -> Option<f64> {
        if size > self.left(pos) {
            return None;
        }
        let mut bytes = self.raw(pos, size);
        if little(flags) {
            bytes.reverse();
        }
        let v = match size {
            64 => f64::from_be_bytes(bytes.try_into().ok()?),
            32 => f64::from(f32::from_be_bytes(bytes.try_into().ok()?)),
            16 => half::f16::from_bits(u16::from_be_bytes(bytes.try_into().ok()?)).to_f64(),
            _ => return None,
        };
        v.is_finite().then_some(v)
    }

    /// A UTF-8/16/32 code point at `pos`: the code point and its size in bits.
    pub fn utf(&self, pos: usize, width: u8, flags: u8) -> Option<(u32, usize)> {
        match width {
            8 => {
                let first = u8::try_from(self.int(pos, 8, 0).and_then(|i| match i {
                    Int::Small(v) => Some(v),
                    _ => None,
                })?)
                .ok()?;
                let len = match first {
                    0x00..=0x7F => 1,
                    0xC2..=0xDF => 2,
                    0xE0..=0xEF => 3,
                    0xF0..=0xF4 => 4,
                    _ => return None,
                };
                if len * 8 > self.left(pos) {
                    return None;
                }
                let bytes = self.raw(pos, len * 8);
                let c = std::str::from_utf8(&bytes).ok()?.chars().next()?;
                Some((u32::from(c), len * 8))
            }
            16 => {
                let unit = |p| match self.int(p, 16, flags & (LITTLE | NATIVE))? {
                    Int::Small(v) => u16::try_from(v).ok(),
                    _ => None,
                };
                let first = unit(pos)?;
                if (0xD800..0xDC00).contains(&first) {
                    let second = unit(pos + 16)?;
                    let c = char::decode_utf16([first, second]).next()?.ok()?;
                    Some((u32::from(c), 32))
                } else {
                    let c = char::from_u32(u32::from(first))?;
                    Some((u32::from(c), 16))
                }
            }
            _ => {
                let v = match self.int(pos, 32, flags & (LITTLE | NATIVE))? {
                    Int::Small(v) => u32::try_from(v).ok()?,
                    _ => return None,
                };
                char::from_u32(v).map(|c| (u32::from(c), 32))
            }
        }
    }
}
