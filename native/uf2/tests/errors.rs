//! Every error `write` and `read` report, with its exact message.

// `allow-unwrap-in-tests` covers `#[test]` functions only, not their helpers.
#![allow(clippy::unwrap_used)]

mod common;

use common::{avm_like, set_field};
use uf2::{read, write, Family, MagicField, Uf2Error};

const APP: u32 = 0x1018_0000;

/// A valid 3-block rp2040 file.
fn three_blocks() -> Vec<u8> {
    write(&avm_like(600), APP, Family::Rp2040).unwrap()
}

fn read_err(file: &[u8]) -> (Uf2Error, String) {
    let err = read(file).unwrap_err();
    let message = err.to_string();
    (err, message)
}

#[test]
fn write_refuses_an_empty_image() {
    let err = write(&[], APP, Family::Rp2040).unwrap_err();
    assert_eq!(err, Uf2Error::EmptyImage);
    assert_eq!(err.to_string(), "cannot write an empty image to UF2");
}

#[test]
fn write_refuses_an_unaligned_address() {
    let err = write(&[1], APP + 4, Family::Rp2040).unwrap_err();
    assert_eq!(err, Uf2Error::UnalignedAddress { address: APP + 4 });
    assert_eq!(
        err.to_string(),
        "target address 0x10180004 is not aligned to 256 bytes"
    );
}

#[test]
fn write_refuses_to_run_past_4_gib() {
    // 257 bytes pad to 512: one page too many at 0xFFFFFF00.
    let err = write(&[0; 257], 0xFFFF_FF00, Family::Data).unwrap_err();
    assert_eq!(
        err,
        Uf2Error::AddressOverflow {
            address: 0xFFFF_FF00,
            len: 257
        }
    );
    assert_eq!(
        err.to_string(),
        "an image of 257 bytes at 0xFFFFFF00 runs past the 32-bit address space"
    );
}

#[test]
fn empty_file() {
    let (err, message) = read_err(&[]);
    assert_eq!(err, Uf2Error::EmptyFile);
    assert_eq!(message, "the UF2 file is empty");
}

#[test]
fn truncated_file() {
    let file = three_blocks();
    let (err, message) = read_err(&file[..2 * 512 + 100]);
    assert_eq!(
        err,
        Uf2Error::Truncated {
            len: 1124,
            block: 2,
            offset: 1024,
            trailing: 100
        }
    );
    assert_eq!(
        message,
        "UF2 file of 1124 bytes is not a multiple of 512: block 2 at byte offset 1024 is truncated to 100 bytes"
    );
}

#[test]
fn bad_first_magic() {
    let mut file = three_blocks();
    set_field(&mut file, 1, 0, 0x0A32_4654);
    let (err, message) = read_err(&file);
    assert_eq!(
        err,
        Uf2Error::BadMagic {
            block: 1,
            offset: 512,
            field: MagicField::Start0,
            found: 0x0A32_4654,
            expected: 0x0A32_4655
        }
    );
    assert_eq!(
        message,
        "block 1 at byte offset 512: bad first magic 0x0A324654, expected 0x0A324655"
    );
}

#[test]
fn bad_second_magic() {
    let mut file = three_blocks();
    set_field(&mut file, 0, 4, 0);
    let (_, message) = read_err(&file);
    assert_eq!(
        message,
        "block 0 at byte offset 0: bad second magic 0x00000000, expected 0x9E5D5157"
    );
}

#[test]
fn bad_final_magic() {
    let mut file = three_blocks();
    set_field(&mut file, 2, 508, 0xFFFF_FFFF);
    let (_, message) = read_err(&file);
    assert_eq!(
        message,
        "block 2 at byte offset 1024: bad final magic 0xFFFFFFFF, expected 0x0AB16F30"
    );
}

#[test]
fn not_a_uf2_at_all() {
    let (err, _) = read_err(&[0xFF; 512]);
    assert!(matches!(
        err,
        Uf2Error::BadMagic {
            block: 0,
            field: MagicField::Start0,
            ..
        }
    ));
}

#[test]
fn payload_size_over_476() {
    let mut file = three_blocks();
    set_field(&mut file, 1, 16, 477);
    let (err, message) = read_err(&file);
    assert_eq!(
        err,
        Uf2Error::PayloadTooLarge {
            block: 1,
            offset: 512,
            size: 477
        }
    );
    assert_eq!(
        message,
        "block 1 at byte offset 512: payload size 477 exceeds the 476-byte data area"
    );
}

#[test]
fn payload_past_4_gib() {
    let mut file = write(&[1], APP, Family::Rp2040).unwrap();
    set_field(&mut file, 0, 12, 0xFFFF_FF04);
    let (err, message) = read_err(&file);
    assert_eq!(
        err,
        Uf2Error::BlockAddressOverflow {
            block: 0,
            offset: 0,
            address: 0xFFFF_FF04,
            size: 256
        }
    );
    assert_eq!(
        message,
        "block 0 at byte offset 0: 256 bytes at 0xFFFFFF04 run past the 32-bit address space"
    );
}

#[test]
fn block_number_gap() {
    let file = three_blocks();
    let gap = [&file[..512], &file[1024..]].concat();
    let (err, message) = read_err(&gap);
    assert_eq!(
        err,
        Uf2Error::BlockNumber {
            block: 1,
            offset: 512,
            found: 2,
            expected: 1
        }
    );
    assert_eq!(
        message,
        "block 1 at byte offset 512: block number 2, expected 1"
    );
}

#[test]
fn a_file_must_start_at_block_zero() {
    let file = three_blocks();
    let (_, message) = read_err(&file[512..]);
    assert_eq!(
        message,
        "block 0 at byte offset 0: block number 1, expected 0"
    );
}

#[test]
fn out_of_order_blocks() {
    let file = three_blocks();
    let swapped = [&file[..512], &file[1024..], &file[512..1024]].concat();
    let (err, _) = read_err(&swapped);
    assert!(matches!(
        err,
        Uf2Error::BlockNumber {
            block: 1,
            found: 2,
            expected: 1,
            ..
        }
    ));
}

#[test]
fn wrong_total() {
    let mut file = three_blocks();
    set_field(&mut file, 2, 24, 4);
    let (err, message) = read_err(&file);
    assert_eq!(
        err,
        Uf2Error::TotalBlocks {
            block: 2,
            offset: 1024,
            found: 4,
            expected: 3
        }
    );
    assert_eq!(
        message,
        "block 2 at byte offset 1024: total of 4 blocks, expected 3"
    );
}

#[test]
fn zero_total() {
    let mut file = write(&[1], APP, Family::Rp2040).unwrap();
    set_field(&mut file, 0, 24, 0);
    let (err, message) = read_err(&file);
    assert_eq!(
        err,
        Uf2Error::ZeroTotal {
            block: 0,
            offset: 0
        }
    );
    assert_eq!(message, "block 0 at byte offset 0: total of 0 blocks");
}

#[test]
fn missing_last_blocks() {
    let file = three_blocks();
    let (err, message) = read_err(&file[..512]);
    assert_eq!(
        err,
        Uf2Error::MissingBlocks {
            last: 0,
            total: 3,
            missing: 2
        }
    );
    assert_eq!(
        message,
        "the UF2 file ends after block number 0 of a part announcing 3 blocks (2 missing)"
    );
}

#[test]
fn a_second_part_cut_short_in_a_concatenation() {
    let file = three_blocks();
    let both = [&file[..], &file[..1024]].concat();
    let (err, _) = read_err(&both);
    assert_eq!(
        err,
        Uf2Error::MissingBlocks {
            last: 1,
            total: 3,
            missing: 1
        }
    );
}

#[test]
fn a_first_part_cut_short_in_a_concatenation() {
    let file = three_blocks();
    let both = [&file[..1024], &file[..]].concat();
    let (_, message) = read_err(&both);
    assert_eq!(
        message,
        "block 2 at byte offset 1024: block number 0, expected 2"
    );
}
