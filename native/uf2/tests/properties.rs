//! Property tests of `write` → `read` over image sizes that are mostly not multiples
//! of 256 and random 256-aligned addresses, and `read` never panicking on mutations.

// `allow-unwrap-in-tests` covers `#[test]` functions only, not proptest's closures.
#![allow(clippy::unwrap_used)]

mod common;

use common::field;
use proptest::prelude::*;
use proptest::test_runner::Config;
use uf2::{read, write, write_universal, Family, Uf2Error};

/// Cases per property; `PROPTEST_CASES` overrides it for a longer soak run.
const CASES: u32 = 256;

fn config() -> Config {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(CASES);
    Config {
        cases,
        // Do not write `proptest-regressions` files into the source tree.
        failure_persistence: None,
        ..Config::default()
    }
}

/// A 256-aligned address with room for 5000 bytes below 4 GiB.
fn address() -> impl Strategy<Value = u32> {
    (0u32..=0x00FF_FFEC).prop_map(|page| page * 256)
}

fn family() -> impl Strategy<Value = Family> {
    prop::sample::select(Family::ALL.to_vec())
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn round_trip_keeps_the_prefix_and_pads_with_zeros(
        data in prop::collection::vec(any::<u8>(), 0..5000),
        address in address(),
        family in family(),
    ) {
        let result = write(&data, address, family);
        if data.is_empty() {
            prop_assert_eq!(result, Err(Uf2Error::EmptyImage));
            return Ok(());
        }
        let file = result.unwrap();
        let blocks = data.len().div_ceil(256);
        prop_assert_eq!(file.len(), blocks * 512);
        for block in 0..blocks {
            prop_assert_eq!(field(&file, block, 0), 0x0A32_4655);
            prop_assert_eq!(field(&file, block, 16), 256);
            prop_assert_eq!(field(&file, block, 20), block as u32);
            prop_assert_eq!(field(&file, block, 24), blocks as u32);
            prop_assert_eq!(field(&file, block, 12), address + 256 * block as u32);
            prop_assert_eq!(field(&file, block, 508), 0x0AB1_6F30);
        }

        let regions = read(&file).unwrap();
        prop_assert_eq!(regions.len(), 1);
        let region = &regions[0];
        prop_assert_eq!(region.address, address);
        prop_assert_eq!(region.family, Some(family.id()));
        prop_assert_eq!(region.data.len(), blocks * 256);
        prop_assert_eq!(&region.data[..data.len()], &data[..]);
        prop_assert!(region.data[data.len()..].iter().all(|&b| b == 0));
    }

    #[test]
    fn universal_is_two_numbered_parts(
        data in prop::collection::vec(any::<u8>(), 1..5000),
        address in address(),
    ) {
        let file = write_universal(&data, address).unwrap();
        let blocks = data.len().div_ceil(256);
        prop_assert_eq!(file.len(), 2 * blocks * 512);
        prop_assert_eq!(field(&file, blocks, 20), 0);
        let regions = read(&file).unwrap();
        prop_assert_eq!(regions.len(), 2);
        prop_assert_eq!(regions[0].family, Some(Family::Rp2040.id()));
        prop_assert_eq!(regions[1].family, Some(Family::Data.id()));
        for region in &regions {
            prop_assert_eq!(region.address, address);
            prop_assert_eq!(&region.data[..data.len()], &data[..]);
        }
    }

    #[test]
    fn unaligned_addresses_are_refused(address in any::<u32>().prop_filter("unaligned", |a| a % 256 != 0)) {
        prop_assert_eq!(
            write(&[1], address, Family::Rp2040),
            Err(Uf2Error::UnalignedAddress { address })
        );
    }

    #[test]
    fn read_never_panics_on_mutated_files(
        len in 1usize..1500,
        flips in prop::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..8),
        cut in any::<prop::sample::Index>(),
    ) {
        let mut file = write(&vec![0x5A; len], 0x1000_0000, Family::Rp2040).unwrap();
        for (at, byte) in flips {
            let i = at.index(file.len());
            file[i] = byte;
        }
        let cut = cut.index(file.len() + 1);
        let _ = read(&file[..cut]);
        let _ = read(&file);
    }

    #[test]
    fn read_never_panics_on_arbitrary_bytes(bytes in prop::collection::vec(any::<u8>(), 0..2048)) {
        let _ = read(&bytes);
    }
}
