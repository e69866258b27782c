//! The packets of the ESP serial bootloader protocol (inside SLIP frames).
//!
//! Request: `0x00, op, size: u16, checksum: u32, data[size]`.
//! Response: `0x01, op, size: u16, value: u32, data[size]`, where `data`
//! ends with the status bytes: `status` (0 ok, 1 failed), `error`, and for the
//! ROM loader two more zero bytes (4 in all; the flasher stub sends 2).

/// Command opcodes.
pub mod op {
    pub const FLASH_BEGIN: u8 = 0x02;
    pub const FLASH_DATA: u8 = 0x03;
    pub const FLASH_END: u8 = 0x04;
    pub const MEM_BEGIN: u8 = 0x05;
    pub const MEM_END: u8 = 0x06;
    pub const MEM_DATA: u8 = 0x07;
    pub const SYNC: u8 = 0x08;
    pub const WRITE_REG: u8 = 0x09;
    pub const READ_REG: u8 = 0x0A;
    pub const SPI_SET_PARAMS: u8 = 0x0B;
    pub const SPI_ATTACH: u8 = 0x0D;
    pub const CHANGE_BAUDRATE: u8 = 0x0F;
    pub const FLASH_DEFL_BEGIN: u8 = 0x10;
    pub const FLASH_DEFL_DATA: u8 = 0x11;
    pub const FLASH_DEFL_END: u8 = 0x12;
    pub const SPI_FLASH_MD5: u8 = 0x13;
    pub const GET_SECURITY_INFO: u8 = 0x14;
    pub const ERASE_FLASH: u8 = 0xD0;
    pub const ERASE_REGION: u8 = 0xD1;
    pub const READ_FLASH: u8 = 0xD2;
    pub const RUN_USER_CODE: u8 = 0xD3;
}

/// The seed of the XOR checksum over the payload of *_DATA commands.
const CHECKSUM_SEED: u8 = 0xEF;

/// A parsed request packet.
#[derive(Debug, PartialEq, Eq)]
pub struct Request<'a> {
    pub op: u8,
    pub checksum: u32,
    pub data: &'a [u8],
}

impl<'a> Request<'a> {
    /// Parses a request; `None` if it is not one (too short, wrong direction
    /// byte, or a size field longer than the packet).
    pub fn parse(packet: &'a [u8]) -> Option<Self> {
        let (&direction, rest) = packet.split_first()?;
        if direction != 0x00 || rest.len() < 7 {
            return None;
        }
        let op = rest[0];
        let size = usize::from(u16::from_le_bytes([rest[1], rest[2]]));
        let checksum = u32::from_le_bytes([rest[3], rest[4], rest[5], rest[6]]);
        let data = rest.get(7..7 + size)?;
        Some(Request { op, checksum, data })
    }

    /// The little-endian u32 at word `index` of the data.
    pub fn word(&self, index: usize) -> Option<u32> {
        let bytes = self.data.get(index * 4..index * 4 + 4)?;
        Some(u32::from_le_bytes([bytes[0], bytes[1], bytes[2], bytes[3]]))
    }
}

/// The checksum a *_DATA command carries for its payload.
pub fn checksum(payload: &[u8]) -> u32 {
    u32::from(payload.iter().fold(CHECKSUM_SEED, |acc, b| acc ^ b))
}

/// Why a command failed; encoded differently by the ROM and the stub.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fault {
    /// Malformed parameters or length.
    InvalidMessage,
    /// The payload's checksum does not match.
    BadChecksum,
    /// A *_DATA or *_END without its *_BEGIN, or out of sequence.
    NotInFlashMode,
    /// The range is outside the flash.
    OutOfRange,
    /// The compressed stream is broken.
    Inflate,
    /// The loader does not know the command.
    Unsupported,
}

impl Fault {
    /// The error byte of the status.
    pub fn code(self, stub: bool) -> u8 {
        match (self, stub) {
            (Fault::InvalidMessage, false) => 0x05,
            (Fault::InvalidMessage, true) => 0xC0,
            (Fault::BadChecksum, false) => 0x07,
            (Fault::BadChecksum, true) => 0xC1,
            (Fault::NotInFlashMode, false) => 0x06,
            (Fault::NotInFlashMode, true) => 0xC6,
            (Fault::OutOfRange, false) => 0x08,
            (Fault::OutOfRange, true) => 0xC4,
            (Fault::Inflate, false) => 0x0B,
            (Fault::Inflate, true) => 0xC7,
            (Fault::Unsupported, false) => 0x05,
            (Fault::Unsupported, true) => 0xFF,
        }
    }
}

/// Builds a response packet (not yet SLIP-framed).
pub fn response(op: u8, value: u32, data: &[u8], result: Result<(), Fault>, stub: bool) -> Vec<u8> {
    let status: &[u8] = match (result, stub) {
        (Ok(()), true) => &[0, 0],
        (Ok(()), false) => &[0, 0, 0, 0],
        (Err(fault), true) => &[1, fault.code(true)],
        (Err(fault), false) => &[1, fault.code(false), 0, 0],
    };
    // Data never comes near 64 KiB: the longest is a 32-char MD5.
    let size = u16::try_from(data.len() + status.len()).unwrap_or(u16::MAX);
    let mut packet = Vec::with_capacity(8 + usize::from(size));
    packet.extend_from_slice(&[0x01, op]);
    packet.extend_from_slice(&size.to_le_bytes());
    packet.extend_from_slice(&value.to_le_bytes());
    packet.extend_from_slice(data);
    packet.extend_from_slice(status);
    packet
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_a_read_reg_request() {
        let packet = [0x00, op::READ_REG, 4, 0, 0, 0, 0, 0, 0x00, 0x10, 0x00, 0x40];
        let request = Request::parse(&packet).expect("a request");
        assert_eq!(request.op, op::READ_REG);
        assert_eq!(request.word(0), Some(0x4000_1000));
        assert_eq!(request.word(1), None);
    }

    #[test]
    fn rejects_truncated_and_reversed_packets() {
        assert_eq!(Request::parse(&[0x00, 0x08, 4, 0, 0, 0, 0, 0, 1]), None);
        assert_eq!(Request::parse(&[0x01, 0x08, 0, 0, 0, 0, 0, 0]), None);
        assert_eq!(Request::parse(&[]), None);
    }

    #[test]
    fn response_sizes_match_what_espflash_expects() {
        // ROM: 8 + 4 status bytes; stub: 8 + 2.
        assert_eq!(response(op::SYNC, 0, &[], Ok(()), false).len(), 12);
        assert_eq!(response(op::SYNC, 0, &[], Ok(()), true).len(), 10);
        // MD5: ROM 32 hex chars, stub 16 raw bytes.
        assert_eq!(
            response(op::SPI_FLASH_MD5, 0, &[b'0'; 32], Ok(()), false).len(),
            44
        );
        assert_eq!(
            response(op::SPI_FLASH_MD5, 0, &[0; 16], Ok(()), true).len(),
            26
        );
        let failed = response(
            op::GET_SECURITY_INFO,
            0,
            &[],
            Err(Fault::Unsupported),
            false,
        );
        assert_eq!(&failed[8..], &[1, 0x05, 0, 0]);
        assert_eq!(u16::from_le_bytes([failed[2], failed[3]]), 4);
    }

    #[test]
    fn checksum_is_xor_seeded_with_0xef() {
        assert_eq!(checksum(&[]), 0xEF);
        assert_eq!(checksum(&[0xEF]), 0);
        assert_eq!(checksum(&[1, 2, 4]), 0xEF ^ 7);
    }
}
