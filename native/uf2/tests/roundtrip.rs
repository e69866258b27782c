//! `write` → `read` gives back the image at its address, padded to 256 bytes with
//! zeros; `read` splits files into regions by family and address.

mod common;

use common::{avm_like, set_field};
use uf2::{read, write, write_universal, Family, Region};

const LIB: u32 = 0x1010_0000;
const APP: u32 = 0x1018_0000;

#[test]
fn avm_round_trip_at_the_rp2040_app_address() {
    let avm = avm_like(3 * 256 + 17);
    let regions = read(&write(&avm, APP, Family::Rp2040).unwrap()).unwrap();
    assert_eq!(regions.len(), 1);
    let region = &regions[0];
    assert_eq!(region.address, APP);
    assert_eq!(region.family, Some(0xE48B_FF56));
    assert_eq!(region.data.len(), 4 * 256);
    assert_eq!(&region.data[..avm.len()], &avm[..]);
    assert!(region.data[avm.len()..].iter().all(|&b| b == 0));
}

#[test]
fn universal_reads_as_two_regions_of_the_same_bytes() {
    let avm = avm_like(1000);
    let regions = read(&write_universal(&avm, APP).unwrap()).unwrap();
    assert_eq!(regions.len(), 2);
    assert_eq!(regions[0].family, Some(Family::Rp2040.id()));
    assert_eq!(regions[1].family, Some(Family::Data.id()));
    for region in &regions {
        assert_eq!(region.address, APP);
        assert_eq!(region.data.len(), 1024);
        assert_eq!(&region.data[..1000], &avm[..]);
    }
}

#[test]
fn concatenated_library_and_app_read_as_two_regions() {
    let lib = avm_like(600);
    let app = avm_like(300);
    let mut file = write(&lib, LIB, Family::Rp2350ArmS).unwrap();
    file.extend(write(&app, APP, Family::Rp2350ArmS).unwrap());
    let regions = read(&file).unwrap();
    assert_eq!(
        regions
            .iter()
            .map(|r| (r.address, r.data.len()))
            .collect::<Vec<_>>(),
        [(LIB, 768), (APP, 512)]
    );
}

#[test]
fn contiguous_parts_of_one_family_merge() {
    let first = avm_like(512);
    let second = avm_like(256);
    let mut file = write(&first, APP, Family::Rp2040).unwrap();
    file.extend(write(&second, APP + 512, Family::Rp2040).unwrap());
    let regions = read(&file).unwrap();
    assert_eq!(regions.len(), 1);
    assert_eq!(regions[0].data, [first, second].concat());
}

#[test]
fn blocks_without_a_family_read_as_none() {
    let mut file = write(&[1, 2, 3], APP, Family::Rp2040).unwrap();
    set_field(&mut file, 0, 8, 0); // flags: no family ID
    set_field(&mut file, 0, 28, 3); // file size
    let regions = read(&file).unwrap();
    assert_eq!(regions[0].family, None);
    assert_eq!(&regions[0].data[..3], [1, 2, 3]);
}

#[test]
fn not_main_flash_blocks_are_numbered_but_skipped() {
    let mut file = write(&avm_like(768), APP, Family::Rp2040).unwrap();
    set_field(&mut file, 1, 8, 0x2001);
    let regions = read(&file).unwrap();
    assert_eq!(
        regions,
        [
            Region {
                address: APP,
                family: Some(Family::Rp2040.id()),
                data: avm_like(256),
            },
            Region {
                address: APP + 512,
                family: Some(Family::Rp2040.id()),
                data: avm_like(768)[512..].to_vec(),
            },
        ]
    );
}

#[test]
fn short_payloads_from_other_tools_are_read_exactly() {
    // A 1-block file with a 100-byte payload (not what `write` makes, but valid UF2).
    let mut file = write(&avm_like(100), APP, Family::Rp2040).unwrap();
    set_field(&mut file, 0, 16, 100);
    assert_eq!(read(&file).unwrap()[0].data, avm_like(100));
    // The full 476-byte data area is allowed too.
    set_field(&mut file, 0, 16, 476);
    assert_eq!(read(&file).unwrap()[0].data.len(), 476);
}
