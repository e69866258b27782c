//! What the emulated chips answer: the values espflash 4.7 and esptool read
//! to tell the chips apart and to find the SPI flash.

/// An ESP32-family chip the fake ROM can pretend to be.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Chip {
    /// ESP32 (Xtensa LX6). Its ROM has no GET_SECURITY_INFO.
    Esp32,
    /// ESP32-S2. Its ROM answers GET_SECURITY_INFO without a chip id.
    Esp32s2,
    /// ESP32-S3.
    Esp32s3,
    /// ESP32-C3.
    Esp32c3,
    /// ESP32-C6.
    Esp32c6,
}

/// The register read at this address tells the chips apart (CHIP_DETECT_MAGIC_REG).
pub(crate) const CHIP_DETECT_MAGIC_REG: u32 = 0x4000_1000;

/// Bit 18 (`SPI_USR`) of the SPI command register starts a user command and
/// stays set while it runs.
pub(crate) const SPI_CMD_USR: u32 = 1 << 18;

/// The SPI flash command "read JEDEC id".
pub(crate) const SPI_FLASH_RDID: u32 = 0x9F;

/// Manufacturer and memory type of the emulated flash (a Winbond W25Q series part).
const JEDEC_MANUFACTURER: u32 = 0xEF;
const JEDEC_MEMORY_TYPE: u32 = 0x40;

/// The registers of the SPI controller that drives the flash.
#[derive(Clone, Copy, Debug)]
pub(crate) struct SpiRegs {
    /// The command register (`SPI_CMD`, at the block's base).
    pub cmd: u32,
    /// `SPI_USR2`: bits 0..16 hold the command byte.
    pub usr2: u32,
    /// `SPI_W0`: the first data word, where a read's answer lands.
    pub w0: u32,
}

impl Chip {
    /// The value of [`CHIP_DETECT_MAGIC_REG`].
    pub(crate) fn magic(self) -> u32 {
        match self {
            Chip::Esp32 => 0x00F0_1D83,
            Chip::Esp32s2 => 0x0000_07C6,
            Chip::Esp32s3 => 0x0000_0009,
            Chip::Esp32c3 => 0x1B31_506F, // ECO3
            Chip::Esp32c6 => 0x2CE0_806F,
        }
    }

    /// The chip id in GET_SECURITY_INFO (also the image header's chip id).
    pub(crate) fn chip_id(self) -> u32 {
        match self {
            Chip::Esp32 => 0,
            Chip::Esp32s2 => 2,
            Chip::Esp32s3 => 9,
            Chip::Esp32c3 => 5,
            Chip::Esp32c6 => 13,
        }
    }

    /// The ROM's GET_SECURITY_INFO payload, or `None` where the ROM lacks
    /// the command: flags (u32), flash_crypt_cnt (u8), 7 key purposes, and
    /// from the S3 on the chip id and ECO version (u32 each).
    pub(crate) fn security_info(self) -> Option<Vec<u8>> {
        let mut info = vec![0u8; 12];
        match self {
            Chip::Esp32 => return None,
            Chip::Esp32s2 => {}
            _ => {
                info.extend_from_slice(&self.chip_id().to_le_bytes());
                info.extend_from_slice(&0u32.to_le_bytes());
            }
        }
        Some(info)
    }

    pub(crate) fn spi_regs(self) -> SpiRegs {
        let (base, usr2, w0) = match self {
            Chip::Esp32 => (0x3FF4_2000, 0x24, 0x80),
            Chip::Esp32s2 => (0x3F40_2000, 0x20, 0x58),
            Chip::Esp32s3 | Chip::Esp32c3 => (0x6000_2000, 0x20, 0x58),
            Chip::Esp32c6 => (0x6000_3000, 0x20, 0x58),
        };
        SpiRegs {
            cmd: base,
            usr2: base + usr2,
            w0: base + w0,
        }
    }

    /// The eFuse words holding the factory MAC: (low word, high word).
    /// The low word holds the last four bytes; the high word's low 16 bits
    /// the first two.
    fn mac_regs(self) -> (u32, u32) {
        match self {
            // Block 0, words 1 and 2.
            Chip::Esp32 => (0x3FF5_A004, 0x3FF5_A008),
            // Block 1, words 0 and 1.
            Chip::Esp32s2 => (0x3F41_A044, 0x3F41_A048),
            Chip::Esp32s3 => (0x6000_7044, 0x6000_7048),
            Chip::Esp32c3 => (0x6000_8844, 0x6000_8848),
            Chip::Esp32c6 => (0x600B_0844, 0x600B_0848),
        }
    }

    /// Registers that read as non-zero at reset: the chip magic and a MAC
    /// (Espressif's OUI 24:0A:C4 then 12:34:56). Every other register reads
    /// 0, which espflash takes as chip revision v0.0 with no special eFuses.
    pub(crate) fn initial_registers(self) -> Vec<(u32, u32)> {
        let (mac_low, mac_high) = self.mac_regs();
        vec![
            (CHIP_DETECT_MAGIC_REG, self.magic()),
            (mac_low, 0xC412_3456),
            (mac_high, 0x0000_240A),
        ]
    }

    /// The word SPI_W0 holds after RDID: manufacturer, memory type, capacity
    /// (log2 of the size in bytes), low byte first.
    pub(crate) fn jedec_id(flash_size: usize) -> u32 {
        let capacity = flash_size.max(1).next_power_of_two().trailing_zeros();
        JEDEC_MANUFACTURER | (JEDEC_MEMORY_TYPE << 8) | (capacity << 16)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn four_mebibytes_has_capacity_byte_0x16() {
        assert_eq!(Chip::jedec_id(4 * 1024 * 1024) >> 16, 0x16);
        assert_eq!(Chip::jedec_id(16 * 1024 * 1024) >> 16, 0x18);
    }

    #[test]
    fn security_info_lengths() {
        assert_eq!(Chip::Esp32.security_info(), None);
        assert_eq!(Chip::Esp32s2.security_info().map(|v| v.len()), Some(12));
        let s3 = Chip::Esp32s3.security_info().unwrap_or_default();
        assert_eq!(s3.len(), 20);
        assert_eq!(s3[12], 9);
    }
}
