//! SLIP framing (RFC 1055) as the ESP serial bootloader uses it: every packet
//! starts and ends with `0xC0`; inside, `0xC0` is sent as `0xDB 0xDC` and
//! `0xDB` as `0xDB 0xDD`.

const END: u8 = 0xC0;
const ESC: u8 = 0xDB;
const ESC_END: u8 = 0xDC;
const ESC_ESC: u8 = 0xDD;

/// Frames `packet` for the wire.
pub fn encode(packet: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(packet.len() + 2);
    out.push(END);
    for &byte in packet {
        match byte {
            END => out.extend_from_slice(&[ESC, ESC_END]),
            ESC => out.extend_from_slice(&[ESC, ESC_ESC]),
            other => out.push(other),
        }
    }
    out.push(END);
    out
}

/// Reassembles packets from a byte stream, a byte at a time.
///
/// Bytes outside a frame are ignored, as is a frame with a bad escape (the
/// decoder resynchronises on the next `0xC0`), and empty frames (`C0 C0`).
#[derive(Debug, Default)]
pub struct Decoder {
    buffer: Vec<u8>,
    in_frame: bool,
    escaped: bool,
    broken: bool,
}

impl Decoder {
    /// A decoder waiting for the first `0xC0`.
    pub fn new() -> Self {
        Self::default()
    }

    /// Feeds one byte; returns a packet when `byte` completes one.
    pub fn push(&mut self, byte: u8) -> Option<Vec<u8>> {
        if byte == END {
            let done = self.in_frame && !self.broken && !self.buffer.is_empty();
            let packet = std::mem::take(&mut self.buffer);
            // A closing END may equally be the opening END of the next frame.
            self.in_frame = true;
            self.escaped = false;
            self.broken = false;
            return done.then_some(packet);
        }
        if !self.in_frame || self.broken {
            return None;
        }
        if self.escaped {
            self.escaped = false;
            match byte {
                ESC_END => self.buffer.push(END),
                ESC_ESC => self.buffer.push(ESC),
                _ => self.broken = true,
            }
        } else if byte == ESC {
            self.escaped = true;
        } else {
            self.buffer.push(byte);
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decode_all(bytes: &[u8]) -> Vec<Vec<u8>> {
        let mut decoder = Decoder::new();
        bytes.iter().filter_map(|&b| decoder.push(b)).collect()
    }

    #[test]
    fn round_trips_special_bytes() {
        let packet = vec![0x01, END, 0x02, ESC, ESC_END, ESC_ESC, END];
        let wire = encode(&packet);
        assert_eq!(wire.iter().filter(|&&b| b == END).count(), 2);
        assert_eq!(decode_all(&wire), vec![packet]);
    }

    #[test]
    fn splits_back_to_back_frames_and_skips_noise() {
        let mut wire = b"boot noise".to_vec();
        wire.extend(encode(b"one"));
        wire.extend(encode(b"two"));
        assert_eq!(decode_all(&wire), vec![b"one".to_vec(), b"two".to_vec()]);
    }

    #[test]
    fn drops_a_frame_with_a_bad_escape() {
        let mut wire = vec![END, 0x01, ESC, 0x00, 0x02, END];
        wire.extend(encode(b"ok"));
        assert_eq!(decode_all(&wire), vec![b"ok".to_vec()]);
    }
}
