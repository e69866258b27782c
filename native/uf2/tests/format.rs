//! Byte-level checks of `write` against the UF2 specification and what the RP2040 /
//! RP2350 bootroms require: every field of the first and last block of a 3-block file,
//! the padding, the flags and the magics.

mod common;

use common::{avm_like, field};
use uf2::block::{
    BLOCK_SIZE, FLAG_FAMILY_ID_PRESENT, MAGIC_END, MAGIC_START0, MAGIC_START1, PAD_BYTE,
    PAYLOAD_SIZE,
};
use uf2::{write, write_universal, Family};

const APP: u32 = 0x1018_0000;

#[test]
fn constants_are_the_specs() {
    assert_eq!(MAGIC_START0, 0x0A32_4655);
    assert_eq!(&MAGIC_START0.to_le_bytes(), b"UF2\n");
    assert_eq!(MAGIC_START1, 0x9E5D_5157);
    assert_eq!(MAGIC_END, 0x0AB1_6F30);
    assert_eq!(FLAG_FAMILY_ID_PRESENT, 0x2000);
    assert_eq!((BLOCK_SIZE, PAYLOAD_SIZE, PAD_BYTE), (512, 256, 0));
}

#[test]
fn every_field_of_the_first_and_last_block_of_a_three_block_file() {
    // 2 full pages and 100 bytes: 3 blocks.
    let data = avm_like(2 * 256 + 100);
    let file = write(&data, APP, Family::Rp2040).unwrap();
    assert_eq!(file.len(), 3 * 512);

    for (block, address) in [(0, APP), (2, APP + 512)] {
        assert_eq!(field(&file, block, 0), 0x0A32_4655, "magic0 of {block}");
        assert_eq!(field(&file, block, 4), 0x9E5D_5157, "magic1 of {block}");
        assert_eq!(field(&file, block, 8), 0x0000_2000, "flags of {block}");
        assert_eq!(field(&file, block, 12), address, "address of {block}");
        assert_eq!(field(&file, block, 16), 256, "payload size of {block}");
        assert_eq!(field(&file, block, 20), block as u32, "block number");
        assert_eq!(field(&file, block, 24), 3, "total of {block}");
        assert_eq!(field(&file, block, 28), 0xE48B_FF56, "family of {block}");
        assert_eq!(
            field(&file, block, 508),
            0x0AB1_6F30,
            "final magic of {block}"
        );
        // Bytes 256..476 of the data area are zero.
        let start = block * 512;
        assert!(file[start + 32 + 256..start + 508].iter().all(|&b| b == 0));
    }
    // The middle block is numbered 1 at the next page.
    assert_eq!(field(&file, 1, 20), 1);
    assert_eq!(field(&file, 1, 12), APP + 256);

    // Payloads: the first is the first page, the last is the 100-byte tail then zeros.
    assert_eq!(&file[32..32 + 256], &data[..256]);
    assert_eq!(&file[2 * 512 + 32..2 * 512 + 32 + 100], &data[512..]);
    assert!(file[2 * 512 + 32 + 100..2 * 512 + 508]
        .iter()
        .all(|&b| b == 0));
}

#[test]
fn the_first_bytes_are_the_magics_in_ascii() {
    let file = write(&[1], APP, Family::Rp2040).unwrap();
    assert_eq!(&file[..4], b"UF2\n");
    assert_eq!(&file[4..8], [0x57, 0x51, 0x5D, 0x9E]);
    assert_eq!(&file[508..512], [0x30, 0x6F, 0xB1, 0x0A]);
}

#[test]
fn an_exact_multiple_of_256_has_no_padding_block() {
    let data = avm_like(512);
    let file = write(&data, APP, Family::Rp2040).unwrap();
    assert_eq!(file.len(), 2 * 512);
    assert_eq!(field(&file, 1, 24), 2);
    assert_eq!(&file[512 + 32..512 + 32 + 256], &data[256..]);
}

#[test]
fn each_family_id_is_written() {
    for family in Family::ALL {
        let file = write(&[0xAB; 10], 0x1000_0000, family).unwrap();
        assert_eq!(field(&file, 0, 28), family.id(), "{family}");
        assert_eq!(field(&file, 0, 8), 0x2000, "{family}");
    }
}

#[test]
fn an_image_may_end_exactly_at_4_gib() {
    let file = write(&[7; 300], 0xFFFF_FE00, Family::Data).unwrap();
    assert_eq!(field(&file, 0, 12), 0xFFFF_FE00);
    assert_eq!(field(&file, 1, 12), 0xFFFF_FF00);
}

#[test]
fn universal_is_rp2040_then_data_each_numbered_from_zero() {
    let data = avm_like(700);
    let file = write_universal(&data, APP).unwrap();
    assert_eq!(file.len(), 6 * 512);
    for (block, number, family) in [
        (0, 0, 0xE48B_FF56),
        (1, 1, 0xE48B_FF56),
        (2, 2, 0xE48B_FF56),
        (3, 0, 0xE48B_FF58),
        (4, 1, 0xE48B_FF58),
        (5, 2, 0xE48B_FF58),
    ] {
        assert_eq!(field(&file, block, 20), number, "number of block {block}");
        assert_eq!(field(&file, block, 24), 3, "total of block {block}");
        assert_eq!(field(&file, block, 28), family, "family of block {block}");
        assert_eq!(field(&file, block, 12), APP + 256 * number, "address");
    }
    // Each part is exactly the single-family file.
    assert_eq!(file[..3 * 512], write(&data, APP, Family::Rp2040).unwrap());
    assert_eq!(file[3 * 512..], write(&data, APP, Family::Data).unwrap());
}
