//! The emulated loader: ROM first, then the flasher stub once one has been
//! uploaded to RAM and started. Pure state machine — packets in, packets out —
//! so it can be tested without a terminal.

use std::collections::HashMap;
use std::io::Write as _;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

use flate2::write::ZlibDecoder;
use md5::{Digest as _, Md5};

use crate::chip::{Chip, SpiRegs, CHIP_DETECT_MAGIC_REG, SPI_CMD_USR, SPI_FLASH_RDID};
use crate::protocol::{checksum, op, response, Fault, Request};

/// What the stub sends once it runs.
const STUB_HELLO: &[u8] = b"OHAI";
/// Flash erase granularity.
const SECTOR: usize = 0x1000;
/// How many answers the ROM sends to one SYNC (esptool and espflash read 8
/// or at least 7 of them).
const SYNC_REPLIES: usize = 8;

/// The state the test process can see: the flash and the command log.
#[derive(Debug)]
pub(crate) struct Shared {
    pub flash: Vec<u8>,
    pub commands: Vec<u8>,
}

/// Locks `shared`, ignoring poisoning (a panicked test thread leaves valid bytes).
pub(crate) fn lock(shared: &Mutex<Shared>) -> MutexGuard<'_, Shared> {
    shared.lock().unwrap_or_else(PoisonError::into_inner)
}

/// An open FLASH_BEGIN or FLASH_DEFL_BEGIN.
struct FlashWrite {
    offset: usize,
    block_size: usize,
    next_sequence: u32,
    /// `Some` for a compressed write; its output goes to `cursor`.
    inflater: Option<ZlibDecoder<Vec<u8>>>,
    cursor: usize,
}

/// A READ_FLASH in progress: one packet is sent per acknowledgement.
struct FlashRead {
    next: usize,
    end: usize,
    block_size: usize,
    hasher: Md5,
}

pub(crate) struct Device {
    chip: Chip,
    spi: SpiRegs,
    flash_size: usize,
    corrupt_writes: bool,
    shared: Arc<Mutex<Shared>>,
    stub: bool,
    registers: HashMap<u32, u32>,
    write: Option<FlashWrite>,
    mem_sequence: Option<u32>,
    read: Option<FlashRead>,
}

type Outcome = Result<(u32, Vec<u8>), Fault>;

impl Device {
    pub(crate) fn new(chip: Chip, corrupt_writes: bool, shared: Arc<Mutex<Shared>>) -> Self {
        let flash_size = lock(&shared).flash.len();
        Device {
            chip,
            spi: chip.spi_regs(),
            flash_size,
            corrupt_writes,
            shared,
            stub: false,
            registers: chip.initial_registers().into_iter().collect(),
            write: None,
            mem_sequence: None,
            read: None,
        }
    }

    /// Handles one decoded packet and returns the packets to send, in order.
    pub(crate) fn handle(&mut self, packet: &[u8]) -> Vec<Vec<u8>> {
        if self.read.is_some() {
            // The host acknowledges each block with the byte count so far.
            if packet.len() == 4 {
                return self.continue_read();
            }
            // Anything but an acknowledgement abandons the read.
            self.read = None;
        }
        let Some(request) = Request::parse(packet) else {
            return Vec::new();
        };
        lock(&self.shared).commands.push(request.op);

        let stub = self.stub;
        let reply = |outcome: Outcome| match outcome {
            Ok((value, data)) => response(request.op, value, &data, Ok(()), stub),
            Err(fault) => response(request.op, 0, &[], Err(fault), stub),
        };

        match request.op {
            op::SYNC if !stub => vec![reply(Ok((0, Vec::new()))); SYNC_REPLIES],
            op::MEM_END => {
                let outcome = self.mem_end(&request);
                let starts_stub = outcome.is_ok() && request.word(0) == Some(0) && !stub;
                let mut out = vec![reply(outcome.map(|()| (0, Vec::new())))];
                if starts_stub {
                    self.stub = true;
                    out.push(STUB_HELLO.to_vec());
                }
                out
            }
            op::READ_FLASH if stub => match self.begin_read(&request) {
                Ok(()) => {
                    let mut out = vec![reply(Ok((0, Vec::new())))];
                    out.extend(self.continue_read());
                    out
                }
                Err(fault) => vec![reply(Err(fault))],
            },
            op::RUN_USER_CODE if stub => {
                // The stub jumps to the application and sends nothing; model
                // that as the chip dropping back to its ROM loader.
                self.stub = false;
                self.write = None;
                Vec::new()
            }
            _ => {
                let outcome = self.command(&request);
                vec![reply(outcome)]
            }
        }
    }

    /// Commands answered with a single response.
    fn command(&mut self, request: &Request<'_>) -> Outcome {
        let word = |i: usize| request.word(i).ok_or(Fault::InvalidMessage);
        let done = Ok((0, Vec::new()));
        match request.op {
            op::SYNC => done,
            op::READ_REG => {
                let address = word(0)?;
                Ok((
                    self.registers.get(&address).copied().unwrap_or(0),
                    Vec::new(),
                ))
            }
            op::WRITE_REG => {
                self.write_reg(word(0)?, word(1)?, request.word(2).unwrap_or(u32::MAX));
                done
            }
            op::GET_SECURITY_INFO => match self.chip.security_info() {
                Some(info) => Ok((0, info)),
                None => Err(Fault::Unsupported),
            },
            op::SPI_SET_PARAMS | op::SPI_ATTACH | op::CHANGE_BAUDRATE => done,
            op::MEM_BEGIN => {
                word(3)?;
                self.mem_sequence = Some(0);
                done
            }
            op::MEM_DATA => {
                self.mem_data(request)?;
                done
            }
            op::FLASH_BEGIN | op::FLASH_DEFL_BEGIN => {
                self.flash_begin(request)?;
                done
            }
            op::FLASH_DATA | op::FLASH_DEFL_DATA => {
                self.flash_data(request)?;
                done
            }
            op::FLASH_END | op::FLASH_DEFL_END => {
                self.write = None;
                // 0 asks for a reboot: the stub answers, then the chip resets
                // into its ROM loader (the ROM would run the app; it stays).
                if self.stub && word(0)? == 0 {
                    self.stub = false;
                }
                done
            }
            op::SPI_FLASH_MD5 => {
                let range = self.range(word(0)?, word(1)?)?;
                let digest = Md5::digest(&lock(&self.shared).flash[range]);
                let data = if self.stub {
                    digest.to_vec()
                } else {
                    digest
                        .iter()
                        .map(|b| format!("{b:02x}"))
                        .collect::<String>()
                        .into_bytes()
                };
                Ok((0, data))
            }
            op::ERASE_FLASH if self.stub => {
                lock(&self.shared).flash.fill(0xFF);
                done
            }
            op::ERASE_REGION if self.stub => {
                let (offset, size) = (word(0)?, word(1)?);
                if offset as usize % SECTOR != 0 || size as usize % SECTOR != 0 {
                    return Err(Fault::InvalidMessage);
                }
                let range = self.range(offset, size)?;
                lock(&self.shared).flash[range].fill(0xFF);
                done
            }
            _ => Err(Fault::Unsupported),
        }
    }

    fn write_reg(&mut self, address: u32, value: u32, mask: u32) {
        let old = self.registers.get(&address).copied().unwrap_or(0);
        let mut new = (old & !mask) | (value & mask);
        if address == self.spi.cmd && new & SPI_CMD_USR != 0 {
            // Run the SPI flash command at once; the busy bit reads back clear.
            let command = self.registers.get(&self.spi.usr2).copied().unwrap_or(0) & 0xFFFF;
            if command == SPI_FLASH_RDID {
                self.registers
                    .insert(self.spi.w0, Chip::jedec_id(self.flash_size));
            }
            new &= !SPI_CMD_USR;
        }
        if address != CHIP_DETECT_MAGIC_REG {
            self.registers.insert(address, new);
        }
    }

    fn mem_data(&mut self, request: &Request<'_>) -> Result<(), Fault> {
        let expected = self.mem_sequence.ok_or(Fault::NotInFlashMode)?;
        let (sequence, _payload) = data_block(request)?;
        if sequence != expected {
            return Err(Fault::NotInFlashMode);
        }
        self.mem_sequence = Some(expected + 1);
        Ok(())
    }

    fn mem_end(&mut self, request: &Request<'_>) -> Result<(), Fault> {
        request.word(1).ok_or(Fault::InvalidMessage)?;
        self.mem_sequence
            .take()
            .map(|_| ())
            .ok_or(Fault::NotInFlashMode)
    }

    fn flash_begin(&mut self, request: &Request<'_>) -> Result<(), Fault> {
        let word = |i: usize| request.word(i).ok_or(Fault::InvalidMessage);
        let (size, block_size, offset) = (word(0)?, word(2)?, word(3)?);
        let offset = offset as usize;
        if offset.saturating_add(size as usize) > self.flash_size {
            return Err(Fault::OutOfRange);
        }
        // The stub takes the uncompressed size, the ROM the erase size: both
        // erase whole sectors.
        let erase_end = offset
            .saturating_add((size as usize).div_ceil(SECTOR) * SECTOR)
            .min(self.flash_size);
        lock(&self.shared).flash[offset..erase_end].fill(0xFF);
        let compressed = request.op == op::FLASH_DEFL_BEGIN;
        self.write = Some(FlashWrite {
            offset,
            block_size: block_size as usize,
            next_sequence: 0,
            inflater: compressed.then(|| ZlibDecoder::new(Vec::new())),
            cursor: offset,
        });
        Ok(())
    }

    fn flash_data(&mut self, request: &Request<'_>) -> Result<(), Fault> {
        let (sequence, payload) = data_block(request)?;
        let write = self.write.as_mut().ok_or(Fault::NotInFlashMode)?;
        let compressed = request.op == op::FLASH_DEFL_DATA;
        if sequence != write.next_sequence || compressed != write.inflater.is_some() {
            return Err(Fault::NotInFlashMode);
        }
        write.next_sequence += 1;
        let (at, bytes) = match write.inflater.as_mut() {
            Some(inflater) => {
                inflater.write_all(payload).map_err(|_| Fault::Inflate)?;
                inflater.flush().map_err(|_| Fault::Inflate)?;
                let bytes = std::mem::take(inflater.get_mut());
                let at = write.cursor;
                write.cursor += bytes.len();
                (at, bytes)
            }
            None => (
                write.offset + sequence as usize * write.block_size,
                payload.to_vec(),
            ),
        };
        self.store(at, bytes)
    }

    /// Writes into the flash, flipping the first byte if told to corrupt.
    fn store(&mut self, at: usize, mut bytes: Vec<u8>) -> Result<(), Fault> {
        if bytes.is_empty() {
            return Ok(());
        }
        let end = at
            .checked_add(bytes.len())
            .filter(|&end| end <= self.flash_size);
        let end = end.ok_or(Fault::OutOfRange)?;
        if self.corrupt_writes {
            bytes[0] = !bytes[0];
        }
        lock(&self.shared).flash[at..end].copy_from_slice(&bytes);
        Ok(())
    }

    fn begin_read(&mut self, request: &Request<'_>) -> Result<(), Fault> {
        let word = |i: usize| request.word(i).ok_or(Fault::InvalidMessage);
        let (offset, size, block_size) = (word(0)?, word(1)?, word(2)?);
        if block_size == 0 {
            return Err(Fault::InvalidMessage);
        }
        let range = self.range(offset, size)?;
        self.read = Some(FlashRead {
            next: range.start,
            end: range.end,
            block_size: block_size as usize,
            hasher: Md5::new(),
        });
        Ok(())
    }

    /// Sends the next block of a READ_FLASH, or its MD5 once all are sent.
    fn continue_read(&mut self) -> Vec<Vec<u8>> {
        let Some(read) = self.read.as_mut() else {
            return Vec::new();
        };
        if read.next >= read.end {
            let digest = read.hasher.clone().finalize().to_vec();
            self.read = None;
            return vec![digest];
        }
        let end = read.end.min(read.next + read.block_size);
        let block = lock(&self.shared).flash[read.next..end].to_vec();
        read.hasher.update(&block);
        read.next = end;
        vec![block]
    }

    /// `offset..offset + size` if it lies inside the flash.
    fn range(&self, offset: u32, size: u32) -> Result<std::ops::Range<usize>, Fault> {
        let start = offset as usize;
        let end = start.checked_add(size as usize).ok_or(Fault::OutOfRange)?;
        if end > self.flash_size {
            return Err(Fault::OutOfRange);
        }
        Ok(start..end)
    }
}

/// Splits a *_DATA request into its sequence number and payload, checking
/// the declared size and the checksum.
fn data_block<'a>(request: &Request<'a>) -> Result<(u32, &'a [u8]), Fault> {
    let size = request.word(0).ok_or(Fault::InvalidMessage)? as usize;
    let sequence = request.word(1).ok_or(Fault::InvalidMessage)?;
    let payload = request
        .data
        .get(16..16 + size)
        .ok_or(Fault::InvalidMessage)?;
    if checksum(payload) != request.checksum {
        return Err(Fault::BadChecksum);
    }
    Ok((sequence, payload))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]

    use super::*;

    fn device(chip: Chip) -> (Device, Arc<Mutex<Shared>>) {
        let shared = Arc::new(Mutex::new(Shared {
            flash: vec![0xFF; 0x10000],
            commands: Vec::new(),
        }));
        (Device::new(chip, false, Arc::clone(&shared)), shared)
    }

    fn request(op: u8, checksum: u32, data: &[u8]) -> Vec<u8> {
        let mut packet = vec![0x00, op];
        packet.extend_from_slice(&(data.len() as u16).to_le_bytes());
        packet.extend_from_slice(&checksum.to_le_bytes());
        packet.extend_from_slice(data);
        packet
    }

    fn words(words: &[u32]) -> Vec<u8> {
        words.iter().flat_map(|w| w.to_le_bytes()).collect()
    }

    fn data_block(sequence: u32, payload: &[u8]) -> Vec<u8> {
        let mut data = words(&[payload.len() as u32, sequence, 0, 0]);
        data.extend_from_slice(payload);
        data
    }

    /// (status, error) of a single response, and its length.
    fn status(replies: &[Vec<u8>]) -> (u8, u8, usize) {
        assert_eq!(replies.len(), 1, "{replies:02x?}");
        let reply = &replies[0];
        let stub = reply.len() == 10 || reply.len() == 26;
        let at = reply.len() - if stub { 2 } else { 4 };
        (reply[at], reply[at + 1], reply.len())
    }

    #[test]
    fn rom_answers_sync_eight_times_and_reads_the_magic() {
        let (mut device, shared) = device(Chip::Esp32);
        let replies = device.handle(&request(op::SYNC, 0, &[0x07, 0x07, 0x12, 0x20]));
        assert_eq!(replies.len(), 8);
        let replies = device.handle(&request(op::READ_REG, 0, &words(&[CHIP_DETECT_MAGIC_REG])));
        assert_eq!(replies[0][4..8], 0x00F0_1D83u32.to_le_bytes());
        assert_eq!(status(&replies), (0, 0, 12));
        assert_eq!(lock(&shared).commands, vec![op::SYNC, op::READ_REG]);
    }

    #[test]
    fn esp32_rom_lacks_security_info() {
        let (mut device, _) = device(Chip::Esp32);
        let replies = device.handle(&request(op::GET_SECURITY_INFO, 0, &[]));
        assert_eq!(status(&replies), (1, 0x05, 12));
    }

    #[test]
    fn stub_starts_after_mem_end_and_returns_to_rom_on_reboot() {
        let (mut device, _) = device(Chip::Esp32s3);
        device.handle(&request(
            op::MEM_BEGIN,
            0,
            &words(&[4, 1, 0x1800, 0x4008_0000]),
        ));
        let payload = [1, 2, 3, 4];
        let replies = device.handle(&request(
            op::MEM_DATA,
            checksum(&payload),
            &data_block(0, &payload),
        ));
        assert_eq!(status(&replies).0, 0);
        let replies = device.handle(&request(op::MEM_END, 0, &words(&[0, 0x4008_0000])));
        assert_eq!(replies.len(), 2);
        assert_eq!(replies[1], b"OHAI");
        // Stub status: 2 bytes; unknown stub-only commands now work.
        let replies = device.handle(&request(op::ERASE_FLASH, 0, &[]));
        assert_eq!(status(&replies), (0, 0, 10));
        device.handle(&request(op::FLASH_END, 0, &words(&[0])));
        let replies = device.handle(&request(op::ERASE_FLASH, 0, &[]));
        assert_eq!(status(&replies), (1, 0x05, 12));
    }

    #[test]
    fn data_blocks_need_begin_sequence_and_checksum() {
        let (mut device, shared) = device(Chip::Esp32);
        let payload = [0xAA; 16];
        let block = data_block(0, &payload);
        let replies = device.handle(&request(op::FLASH_DATA, checksum(&payload), &block));
        assert_eq!(status(&replies), (1, 0x06, 12));
        device.handle(&request(op::FLASH_BEGIN, 0, &words(&[16, 1, 16, 0x1000])));
        let replies = device.handle(&request(op::FLASH_DATA, 0x1234, &block));
        assert_eq!(status(&replies), (1, 0x07, 12));
        let replies = device.handle(&request(op::FLASH_DATA, checksum(&payload), &block));
        assert_eq!(status(&replies), (0, 0, 12));
        assert_eq!(lock(&shared).flash[0x1000..0x1010], payload);
        let beyond = words(&[16, 1, 16, 0x10000]);
        let replies = device.handle(&request(op::FLASH_BEGIN, 0, &beyond));
        assert_eq!(status(&replies), (1, 0x08, 12));
    }

    #[test]
    fn rom_md5_is_hex() {
        let (mut device, _) = device(Chip::Esp32);
        let replies = device.handle(&request(op::SPI_FLASH_MD5, 0, &words(&[0, 0, 0, 0])));
        // MD5 of nothing.
        assert_eq!(&replies[0][8..40], b"d41d8cd98f00b204e9800998ecf8427e");
        assert_eq!(status(&replies), (0, 0, 44));
    }
}
