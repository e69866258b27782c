//! The unsigned-integer case of BEAM's compact term encoding, as OTP 28 uses it for
//! atom lengths in an `AtU8` chunk whose atom count is negative.

use crate::bytes::Cursor;

/// Tag of an unsigned literal (`u`) in the compact term encoding.
const TAG_U: u8 = 0;

/// Reads one compact-encoded `u` value. Returns `None` on a wrong tag, a truncated
/// value or a value that does not fit in `u64`.
pub(crate) fn read_u(cursor: &mut Cursor<'_>) -> Option<u64> {
    read_u_nested(cursor, 0)
}

/// The length of a big value may itself be a big value, but only one level deep: any
/// deeper nesting is malformed (and must not recurse without bound).
fn read_u_nested(cursor: &mut Cursor<'_>, depth: u8) -> Option<u64> {
    let first = cursor.u8()?;
    if first & 0b111 != TAG_U {
        return None;
    }
    if first & 0b1000 == 0 {
        // 4-bit value in the high nibble.
        return Some(u64::from(first >> 4));
    }
    if first & 0b1_0000 == 0 {
        // 11-bit value: 3 high bits here, 8 low bits in the next byte.
        let low = cursor.u8()?;
        return Some((u64::from(first >> 5) << 8) | u64::from(low));
    }
    // Big form: (first >> 5) + 2 bytes follow; 7 means the length is itself encoded.
    let len = match first >> 5 {
        7 if depth == 0 => usize::try_from(read_u_nested(cursor, 1)?)
            .ok()?
            .checked_add(9)?,
        7 => return None,
        n => usize::from(n) + 2,
    };
    let bytes = cursor.take(len)?;
    let significant = bytes.iter().skip_while(|b| **b == 0).count();
    if significant > 8 {
        return None;
    }
    Some(bytes.iter().fold(0u64, |acc, b| (acc << 8) | u64::from(*b)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decode(bytes: &[u8]) -> Option<u64> {
        read_u(&mut Cursor::new(bytes))
    }

    #[test]
    fn decodes_each_form() {
        assert_eq!(decode(&[0x50]), Some(5));
        assert_eq!(decode(&[0xF0]), Some(15));
        // 300 = 0b1_0010_1100: high 3 bits 0b001, low byte 0x2C.
        assert_eq!(decode(&[0b0010_1000, 0x2C]), Some(300));
        // Two-byte big form: 0x1234.
        assert_eq!(decode(&[0b0001_1000, 0x12, 0x34]), Some(0x1234));
    }

    #[test]
    fn refuses_deeply_nested_lengths() {
        let mut bytes = vec![0xF8; 1 << 16];
        bytes.push(0);
        assert_eq!(decode(&bytes), None);
    }

    #[test]
    fn rejects_other_tags_and_truncation() {
        assert_eq!(decode(&[0x51]), None);
        assert_eq!(decode(&[0b0010_1000]), None);
        assert_eq!(decode(&[]), None);
    }
}
