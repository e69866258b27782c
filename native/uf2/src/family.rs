//! UF2 family IDs of the Raspberry Pi RP2040 and RP2350 bootroms.
//!
//! A block whose family ID does not match the chip is ignored by the bootrom, which
//! lets one file carry images for several chips (see [`crate::write_universal()`]).

use crate::error::Uf2Error;

/// A UF2 family ID the RP2040 or RP2350 bootrom understands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Family {
    /// `rp2040` (`0xE48BFF56`): RP2040 flash images.
    Rp2040,
    /// `absolute` (`0xE48BFF57`): written at its absolute address by any RP2350 image type.
    Absolute,
    /// `data` (`0xE48BFF58`): plain data, accepted by the RP2350 whatever it runs.
    Data,
    /// `rp2350_arm_s` (`0xE48BFF59`): RP2350 Arm secure images.
    Rp2350ArmS,
    /// `rp2350_riscv` (`0xE48BFF5A`): RP2350 RISC-V images.
    Rp2350Riscv,
    /// `rp2350_arm_ns` (`0xE48BFF5B`): RP2350 Arm non-secure images.
    Rp2350ArmNs,
}

impl Family {
    /// Every family, in ID order.
    pub const ALL: [Family; 6] = [
        Family::Rp2040,
        Family::Absolute,
        Family::Data,
        Family::Rp2350ArmS,
        Family::Rp2350Riscv,
        Family::Rp2350ArmNs,
    ];

    /// The 32-bit family ID written in each block.
    pub const fn id(self) -> u32 {
        match self {
            Family::Rp2040 => 0xE48B_FF56,
            Family::Absolute => 0xE48B_FF57,
            Family::Data => 0xE48B_FF58,
            Family::Rp2350ArmS => 0xE48B_FF59,
            Family::Rp2350Riscv => 0xE48B_FF5A,
            Family::Rp2350ArmNs => 0xE48B_FF5B,
        }
    }

    /// The name picotool uses for the family (`rp2040`, `rp2350_arm_s`, ...).
    pub const fn name(self) -> &'static str {
        match self {
            Family::Rp2040 => "rp2040",
            Family::Absolute => "absolute",
            Family::Data => "data",
            Family::Rp2350ArmS => "rp2350_arm_s",
            Family::Rp2350Riscv => "rp2350_riscv",
            Family::Rp2350ArmNs => "rp2350_arm_ns",
        }
    }

    /// The family called `name` (exactly as [`Family::name`] spells it).
    pub fn from_name(name: &str) -> Result<Family, Uf2Error> {
        Family::ALL
            .into_iter()
            .find(|family| family.name() == name)
            .ok_or_else(|| Uf2Error::UnknownFamily {
                name: name.to_owned(),
            })
    }

    /// The family whose ID is `id`, if it is one of [`Family::ALL`].
    pub fn from_id(id: u32) -> Option<Family> {
        Family::ALL.into_iter().find(|family| family.id() == id)
    }
}

impl std::fmt::Display for Family {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_ids_round_trip() {
        for family in Family::ALL {
            assert_eq!(Family::from_name(family.name()).unwrap(), family);
            assert_eq!(Family::from_id(family.id()), Some(family));
            assert_eq!(family.to_string(), family.name());
        }
    }

    #[test]
    fn ids_match_the_bootrom() {
        let ids: Vec<u32> = Family::ALL.iter().map(|f| f.id()).collect();
        assert_eq!(
            ids,
            [0xE48BFF56, 0xE48BFF57, 0xE48BFF58, 0xE48BFF59, 0xE48BFF5A, 0xE48BFF5B]
        );
    }

    #[test]
    fn unknown_name_is_an_error() {
        let err = Family::from_name("RP2040").unwrap_err();
        assert_eq!(err.to_string(), "unknown UF2 family \"RP2040\" (known: rp2040, absolute, data, rp2350_arm_s, rp2350_riscv, rp2350_arm_ns)");
        assert_eq!(Family::from_id(0), None);
    }
}
