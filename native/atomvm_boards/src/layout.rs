//! Resolving a board, release and flavor to an asset and a flash layout.

use crate::board::{Board, Flavor};
use crate::error::BoardError;

/// Where an application archive goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AppPartition {
    /// Flash address.
    pub offset: u64,
    /// Size in bytes.
    pub size: u64,
}

/// What to download and flash for a board, release and flavor.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FirmwareChoice {
    /// The release tag.
    pub version: String,
    /// The flavor.
    pub flavor: Flavor,
    /// The asset's file name (exact, never a pattern).
    pub asset: String,
    /// `BASE/TAG/ASSET`.
    pub url: String,
    /// A known sha256 of the asset, if the board file pins one.
    pub sha256: Option<String>,
    /// The library asset to install with the image, for releases that published it
    /// apart (`[[firmware.asset_rules]]` `library`).
    pub library: Option<LibraryAsset>,
    /// Where the image starts in flash.
    pub image_offset: Option<u64>,
    /// Where the application goes with this firmware.
    pub app: Option<AppPartition>,
}

/// A second asset of a release, installed with its image.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LibraryAsset {
    /// Its file name.
    pub asset: String,
    /// `BASE/TAG/ASSET`.
    pub url: String,
    /// A known sha256, if the board file pins one.
    pub sha256: Option<String>,
}

/// Whether a rule's `versions` list matches `tag` (`*` ends a prefix).
fn version_matches(patterns: &[String], tag: &str) -> bool {
    patterns.is_empty()
        || patterns.iter().any(|p| match p.strip_suffix('*') {
            Some(prefix) => tag.starts_with(prefix),
            None => p == tag,
        })
}

impl Board {
    /// The application partition for `version` and `flavor`: the first matching rule.
    pub fn app_partition(&self, version: &str, flavor: Flavor) -> Option<AppPartition> {
        self.app
            .iter()
            .find(|rule| {
                version_matches(&rule.versions, version) && rule.flavor.is_none_or(|f| f == flavor)
            })
            .map(|rule| AppPartition {
                offset: rule.offset,
                size: rule.size,
            })
    }

    /// The firmware to use: `version` (default: the newest listed) and `flavor`.
    pub fn firmware(
        &self,
        version: Option<&str>,
        flavor: Flavor,
    ) -> Result<FirmwareChoice, BoardError> {
        let firmware = self
            .firmware
            .as_ref()
            .ok_or_else(|| BoardError::NoFirmware {
                board: self.name.clone(),
            })?;
        let version = match version {
            Some(v) => firmware
                .versions
                .iter()
                .find(|known| *known == v)
                .ok_or_else(|| BoardError::UnknownVersion {
                    board: self.name.clone(),
                    version: v.to_owned(),
                    known: firmware.versions.join(", "),
                })?,
            None => firmware
                .versions
                .first()
                .ok_or_else(|| BoardError::NoFirmware {
                    board: self.name.clone(),
                })?,
        };
        let rules = || {
            firmware
                .asset_rules
                .iter()
                .filter(|rule| version_matches(&rule.versions, version))
        };
        let renamed = rules().find_map(|rule| rule.assets.get(&flavor));
        let base = firmware.base_url.trim_end_matches('/');
        let library = rules()
            .find_map(|rule| rule.library.as_ref())
            .map(|template| {
                let asset = template.replace("{version}", version);
                LibraryAsset {
                    url: format!("{base}/{version}/{asset}"),
                    sha256: firmware.sha256.get(&asset).cloned(),
                    asset,
                }
            });
        let template = renamed
            .or_else(|| firmware.assets.get(&flavor))
            .ok_or_else(|| BoardError::NoFlavor {
                board: self.name.clone(),
                flavor: flavor.name().to_owned(),
            })?;
        let asset = template.replace("{version}", version);
        Ok(FirmwareChoice {
            version: version.clone(),
            flavor,
            url: format!(
                "{}/{version}/{asset}",
                firmware.base_url.trim_end_matches('/')
            ),
            sha256: firmware.sha256.get(&asset).cloned(),
            library,
            asset,
            image_offset: self.image_offset,
            app: self.app_partition(version, flavor),
        })
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::load::parse;

    const ESP32: &str = r#"
        description = "ESP32"
        chip = "esp32"
        method = "espflash"
        image_offset = 0x1000

        [[app]]
        versions = ["v0.6.*", "v0.7.0-alpha.0"]
        flavor = "erlang"
        offset = 0x210000
        size = 0x100000

        [[app]]
        offset = 0x250000
        size = 0x100000

        [firmware]
        base_url = "https://example.org/releases/download/"
        versions = ["v0.6.6", "v0.6.5"]
        assets = { erlang = "AtomVM-esp32-{version}.img", elixir = "AtomVM-esp32-elixir-{version}.img" }
        sha256 = { "AtomVM-esp32-v0.6.6.img" = "00ff00ff00ff00ff00ff00ff00ff00ff00ff00ff00ff00ff00ff00ff00ff00ff" }
    "#;

    #[test]
    fn app_offset_follows_release_line_and_flavor() {
        let b = parse("esp32", ESP32).unwrap();
        let at = |v, f| b.app_partition(v, f).unwrap().offset;
        assert_eq!(at("v0.6.6", Flavor::Erlang), 0x210000);
        assert_eq!(at("v0.6.6", Flavor::Elixir), 0x250000);
        assert_eq!(at("v0.7.0-alpha.0", Flavor::Erlang), 0x210000);
        assert_eq!(at("v0.7.0", Flavor::Erlang), 0x250000);
    }

    #[test]
    fn firmware_names_the_exact_asset_and_url() {
        let b = parse("esp32", ESP32).unwrap();
        let f = b.firmware(None, Flavor::Elixir).unwrap();
        assert_eq!(f.version, "v0.6.6");
        assert_eq!(f.asset, "AtomVM-esp32-elixir-v0.6.6.img");
        assert_eq!(
            f.url,
            "https://example.org/releases/download/v0.6.6/AtomVM-esp32-elixir-v0.6.6.img"
        );
        assert_eq!(f.sha256, None);
        let e = b.firmware(Some("v0.6.6"), Flavor::Erlang).unwrap();
        assert!(e.sha256.as_deref().is_some_and(|s| s.starts_with("00ff")));
        assert_eq!(e.image_offset, Some(0x1000));
        let err = b
            .firmware(Some("v9"), Flavor::Erlang)
            .unwrap_err()
            .to_string();
        assert_eq!(
            err,
            "board esp32 has no AtomVM release v9; releases: v0.6.6, v0.6.5"
        );
    }

    #[test]
    fn asset_rules_rename_the_assets_of_their_releases() {
        let pico = r#"
            description = "Pico"
            chip = "rp2040"
            method = "uf2"
            uf2_family = "rp2040"
            [[app]]
            offset = 0x10180000
            size = 0x80000
            [firmware]
            base_url = "https://example.org/d"
            versions = ["v0.7.0-alpha.1", "v0.6.6"]
            assets = { erlang = "AtomVM-pico-combined-{version}.uf2" }
            [[firmware.asset_rules]]
            versions = ["v0.7.*"]
            assets = { erlang = "AtomVM-combined-pico-{version}.uf2" }
        "#;
        let b = parse("pico", pico).unwrap();
        let asset = |v| b.firmware(Some(v), Flavor::Erlang).unwrap().asset;
        assert_eq!(
            asset("v0.7.0-alpha.1"),
            "AtomVM-combined-pico-v0.7.0-alpha.1.uf2"
        );
        assert_eq!(asset("v0.6.6"), "AtomVM-pico-combined-v0.6.6.uf2");
        let bad = pico.replace("versions = [\"v0.7.*\"]\n", "versions = []\n");
        assert!(parse("pico", &bad).is_err());
    }

    #[test]
    fn a_rule_can_add_the_library_its_releases_published_apart() {
        let pico = r#"
            description = "Pico"
            chip = "rp2040"
            method = "uf2"
            uf2_family = "rp2040"
            [[app]]
            offset = 0x10180000
            size = 0x80000
            [firmware]
            base_url = "https://example.org/d/"
            versions = ["v0.7.0-alpha.1", "v0.6.6"]
            assets = { erlang = "AtomVM-combined-pico-{version}.uf2" }
            [[firmware.asset_rules]]
            versions = ["v0.6.*"]
            assets = { erlang = "AtomVM-pico-{version}.uf2" }
            library = "atomvmlib-{version}.uf2"
            [firmware.sha256]
            "atomvmlib-v0.6.6.uf2" = "ab{}"
        "#;
        let pico = pico.replace("ab{}", &format!("ab{}", "0".repeat(62)));
        let b = parse("pico", &pico).unwrap();
        let old = b.firmware(Some("v0.6.6"), Flavor::Erlang).unwrap();
        assert_eq!(old.asset, "AtomVM-pico-v0.6.6.uf2");
        let lib = old.library.unwrap();
        assert_eq!(lib.asset, "atomvmlib-v0.6.6.uf2");
        assert_eq!(lib.url, "https://example.org/d/v0.6.6/atomvmlib-v0.6.6.uf2");
        assert!(lib.sha256.is_some_and(|s| s.starts_with("ab0")));
        assert_eq!(b.firmware(None, Flavor::Erlang).unwrap().library, None);
    }
}
