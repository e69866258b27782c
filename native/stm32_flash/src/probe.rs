//! Which debug probe to use: what is connected ([`list_probes`]), which one the user
//! means ([`ProbeSelector`], parsed from `VID:PID[:SERIAL]`), and the choice between them.

use std::fmt;
use std::str::FromStr;

use probe_rs::probe::list::{Accessibility, Lister, ProbeListItem};
use probe_rs::probe::DebugProbeSelector;

use crate::Stm32Error;

/// A connected debug probe.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProbeInfo {
    /// probe-rs's name for it, e.g. `"STLink V2-1"`.
    pub identifier: String,
    /// USB vendor ID.
    pub vendor_id: u16,
    /// USB product ID.
    pub product_id: u16,
    /// USB serial number, if the probe reports one.
    pub serial: Option<String>,
    /// Whether this process may open it (on Linux, `false` means missing udev rules).
    pub accessible: bool,
}

impl fmt::Display for ProbeInfo {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} ({:04x}:{:04x}",
            self.identifier, self.vendor_id, self.product_id
        )?;
        if let Some(serial) = &self.serial {
            write!(f, ":{serial}")?;
        }
        f.write_str(")")
    }
}

impl From<&ProbeListItem> for ProbeInfo {
    fn from(item: &ProbeListItem) -> Self {
        ProbeInfo {
            identifier: item.info.identifier.clone(),
            vendor_id: item.info.vendor_id,
            product_id: item.info.product_id,
            serial: item.info.serial_number.clone(),
            accessible: item.accessibility == Accessibility::Accessible,
        }
    }
}

/// Lists the debug probes probe-rs can see (ST-Link, CMSIS-DAP, J-Link and others).
/// Fails only when probe-rs itself fails ([`Stm32Error::ProbeSearch`]).
pub fn list_probes() -> Result<Vec<ProbeInfo>, Stm32Error> {
    let items = guarded(|| Lister::new().list_all_with_access())?;
    Ok(items.iter().map(ProbeInfo::from).collect())
}

/// Runs a probe-rs probe search, turning a panic inside it into
/// [`Stm32Error::ProbeSearch`]: a caller (the NIF's flashing thread) must get an
/// answer, not lose its thread.
pub(crate) fn guarded<T>(search: impl FnOnce() -> T) -> Result<T, Stm32Error> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(search)).map_err(|payload| {
        Stm32Error::ProbeSearch {
            cause: crate::error::panic_cause(payload.as_ref()),
        }
    })
}

/// Which probe to flash through.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum ProbeSelector {
    /// The only connected probe (an error if there are several).
    #[default]
    Any,
    /// The probe with these USB IDs (and serial number, if given).
    Id {
        /// USB vendor ID.
        vid: u16,
        /// USB product ID.
        pid: u16,
        /// USB serial number.
        serial: Option<String>,
    },
}

impl fmt::Display for ProbeSelector {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ProbeSelector::Any => f.write_str("any probe"),
            ProbeSelector::Id { vid, pid, serial } => {
                write!(f, "{vid:04x}:{pid:04x}")?;
                match serial {
                    Some(serial) => write!(f, ":{serial}"),
                    None => Ok(()),
                }
            }
        }
    }
}

impl FromStr for ProbeSelector {
    type Err = Stm32Error;

    /// Parses `VID:PID` or `VID:PID:SERIAL`, IDs in hex (`0483:374b`); the serial is
    /// everything after the second colon.
    fn from_str(input: &str) -> Result<Self, Stm32Error> {
        let bad = |reason| Stm32Error::BadSelector {
            input: input.to_string(),
            reason,
        };
        let mut parts = input.trim().splitn(3, ':');
        let vid = parts.next().unwrap_or("");
        let pid = parts
            .next()
            .ok_or_else(|| bad("no `:` between VID and PID"))?;
        let serial = match parts.next() {
            Some("") => return Err(bad("empty serial number")),
            other => other.map(str::to_string),
        };
        Ok(ProbeSelector::Id {
            vid: hex16(vid).ok_or_else(|| bad("the VID is not 1 to 4 hex digits"))?,
            pid: hex16(pid).ok_or_else(|| bad("the PID is not 1 to 4 hex digits"))?,
            serial,
        })
    }
}

fn hex16(text: &str) -> Option<u16> {
    let digits = text.strip_prefix("0x").unwrap_or(text);
    if digits.is_empty() || digits.len() > 4 || !digits.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    u16::from_str_radix(digits, 16).ok()
}

impl ProbeSelector {
    /// The probe-rs selector for listing, `None` for [`ProbeSelector::Any`].
    pub(crate) fn to_probe_rs(&self) -> Option<DebugProbeSelector> {
        match self {
            ProbeSelector::Any => None,
            ProbeSelector::Id { vid, pid, serial } => Some(DebugProbeSelector {
                vendor_id: *vid,
                product_id: *pid,
                interface: None,
                serial_number: serial.clone(),
            }),
        }
    }
}

/// Picks the one probe among `found` (already filtered by `selector`), or says why not.
pub(crate) fn choose(found: &[ProbeInfo], selector: &ProbeSelector) -> Result<usize, Stm32Error> {
    match found {
        [] => Err(Stm32Error::NoProbe {
            looked_for: selector.to_string(),
        }),
        [only] if !only.accessible => Err(Stm32Error::ProbePermission {
            probe: only.to_string(),
        }),
        [_] => Ok(0),
        several => Err(Stm32Error::SeveralProbes {
            probes: several
                .iter()
                .map(ProbeInfo::to_string)
                .collect::<Vec<_>>()
                .join("; "),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn id(vid: u16, pid: u16, serial: Option<&str>) -> ProbeSelector {
        ProbeSelector::Id {
            vid,
            pid,
            serial: serial.map(str::to_string),
        }
    }

    #[test]
    fn a_panicking_probe_search_is_an_error_that_names_its_cause() {
        assert_eq!(guarded(|| 7).unwrap(), 7);
        let err = guarded(|| -> u8 { panic!("/sys/class/tty/ doesn't exist") }).unwrap_err();
        assert!(
            matches!(&err, Stm32Error::ProbeSearch { cause } if cause == "/sys/class/tty/ doesn't exist")
        );
        assert_eq!(
            err.to_string(),
            "cannot look for debug probes: probe-rs failed (/sys/class/tty/ doesn't exist); \
             on Linux it reads /sys: is sysfs mounted?"
        );
        let owned = guarded(|| -> u8 { panic!("{} probes", 2) }).unwrap_err();
        assert!(owned.to_string().contains("(2 probes)"), "{owned}");
    }

    #[test]
    fn parses_vid_pid_and_serial() {
        assert_eq!(
            "0483:374b".parse::<ProbeSelector>().unwrap(),
            id(0x0483, 0x374b, None)
        );
        assert_eq!(
            "0x0483:0x374B".parse::<ProbeSelector>().unwrap(),
            id(0x0483, 0x374b, None)
        );
        assert_eq!(
            "1366:0101:000123456".parse::<ProbeSelector>().unwrap(),
            id(0x1366, 0x0101, Some("000123456"))
        );
        // Serial numbers may hold colons.
        assert_eq!(
            "c251:f002:a:b".parse::<ProbeSelector>().unwrap(),
            id(0xc251, 0xf002, Some("a:b"))
        );
    }

    #[test]
    fn rejects_malformed_selectors() {
        for (input, reason) in [
            ("0483", "no `:` between VID and PID"),
            ("", "no `:` between VID and PID"),
            ("0483:", "the PID is not 1 to 4 hex digits"),
            (":374b", "the VID is not 1 to 4 hex digits"),
            ("12345:374b", "the VID is not 1 to 4 hex digits"),
            ("048g:374b", "the VID is not 1 to 4 hex digits"),
            ("+483:374b", "the VID is not 1 to 4 hex digits"),
            ("0483:374b:", "empty serial number"),
        ] {
            match input.parse::<ProbeSelector>() {
                Err(Stm32Error::BadSelector { reason: r, .. }) => assert_eq!(r, reason, "{input}"),
                other => panic!("{input}: {other:?}"),
            }
        }
        let e = "0483".parse::<ProbeSelector>().unwrap_err();
        assert_eq!(
            e.to_string(),
            "invalid probe selector `0483`: no `:` between VID and PID; expected \
             VID:PID[:SERIAL] with hex IDs, e.g. 0483:374b"
        );
    }

    #[test]
    fn selector_display_round_trips() {
        for text in ["0483:374b", "1366:0101:ABC:1"] {
            assert_eq!(text.parse::<ProbeSelector>().unwrap().to_string(), text);
        }
        assert_eq!(ProbeSelector::Any.to_string(), "any probe");
        assert!(ProbeSelector::Any.to_probe_rs().is_none());
        let s = id(0x0483, 0x374b, Some("X")).to_probe_rs().unwrap();
        assert_eq!(
            (s.vendor_id, s.product_id, s.serial_number.as_deref()),
            (0x0483, 0x374b, Some("X"))
        );
    }

    fn probe(name: &str, accessible: bool) -> ProbeInfo {
        ProbeInfo {
            identifier: name.into(),
            vendor_id: 0x0483,
            product_id: 0x374b,
            serial: Some("066D".into()),
            accessible,
        }
    }

    #[test]
    fn chooses_the_only_probe_or_explains() {
        assert_eq!(
            choose(&[probe("STLink V2-1", true)], &ProbeSelector::Any).unwrap(),
            0
        );
        let e = choose(&[], &id(0x0483, 0x374b, None)).unwrap_err();
        assert!(
            e.to_string()
                .starts_with("no debug probe found (looked for 0483:374b): "),
            "{e}"
        );
        let e = choose(&[probe("STLink V2-1", false)], &ProbeSelector::Any).unwrap_err();
        assert!(
            e.to_string()
                .starts_with("no permission to open debug probe STLink V2-1 (0483:374b:066D): "),
            "{e}"
        );
        let e = choose(&[probe("A", true), probe("B", true)], &ProbeSelector::Any).unwrap_err();
        assert_eq!(
            e.to_string(),
            "several debug probes are connected (A (0483:374b:066D); B (0483:374b:066D)): pick \
             one with --probe VID:PID[:SERIAL]"
        );
    }
}
