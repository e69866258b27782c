//! What one board file says.

use serde::Deserialize;
use std::collections::BTreeMap;

/// How a board is flashed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Method {
    /// ESP32 family: the serial ROM bootloader, through the `espflash` crate.
    Espflash,
    /// Raspberry Pi RP2040/RP2350: UF2 files copied to the bootloader's drive.
    Uf2,
    /// STM32 and others: a debug probe, through the `probe-rs` crate.
    ProbeRs,
}

impl Method {
    /// The name used in board files and shown to users.
    pub fn name(self) -> &'static str {
        match self {
            Method::Espflash => "espflash",
            Method::Uf2 => "uf2",
            Method::ProbeRs => "probe-rs",
        }
    }
}

/// Which AtomVM image: with the Elixir standard library or without.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Flavor {
    /// The plain image (Erlang libraries only).
    Erlang,
    /// The image whose boot library also holds Elixir's.
    Elixir,
}

impl Flavor {
    /// `erlang` or `elixir`.
    pub fn name(self) -> &'static str {
        match self {
            Flavor::Erlang => "erlang",
            Flavor::Elixir => "elixir",
        }
    }

    /// Reads `erlang` or `elixir`.
    pub fn parse(text: &str) -> Option<Flavor> {
        match text {
            "erlang" => Some(Flavor::Erlang),
            "elixir" => Some(Flavor::Elixir),
            _ => None,
        }
    }
}

/// Where the application archive (`main.avm`) goes for some releases and flavors.
/// The first rule of a board whose `versions` and `flavor` match applies.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AppLayout {
    /// Release tags this rule is for: exact tags, or prefixes ending in `*`
    /// (`v0.6.*`). Absent: every release.
    #[serde(default)]
    pub versions: Vec<String>,
    /// The flavor this rule is for. Absent: both.
    pub flavor: Option<Flavor>,
    /// Flash address of the application partition.
    pub offset: u64,
    /// Its size in bytes.
    pub size: u64,
}

/// Asset names for some releases (`[[firmware.asset_rules]]`).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AssetRule {
    /// Release tags this rule is for: exact tags, or prefixes ending in `*`.
    pub versions: Vec<String>,
    /// Asset name per flavor, with `{version}` standing for the tag.
    pub assets: BTreeMap<Flavor, String>,
    /// A second asset these releases need installed with the image (`{version}` for
    /// the tag): v0.6.x Pico releases published AtomVM's library as its own UF2.
    #[serde(default)]
    pub library: Option<String>,
}

/// The firmware AtomVM publishes for a board.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Firmware {
    /// Base URL of the releases: assets are at `BASE/TAG/ASSET`.
    pub base_url: String,
    /// Release tags, newest first; the first is the default.
    pub versions: Vec<String>,
    /// Asset name per flavor, with `{version}` standing for the tag.
    pub assets: BTreeMap<Flavor, String>,
    /// Asset names of some releases only, where AtomVM renamed them: the first rule
    /// whose `versions` match wins over `assets` for the flavors it names.
    #[serde(default)]
    pub asset_rules: Vec<AssetRule>,
    /// Known sha256 sums (lowercase hex) by asset name, checked in addition to the
    /// release's own `.sha256` sidecar.
    #[serde(default)]
    pub sha256: BTreeMap<String, String>,
}

/// One board file.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Board {
    /// The board's name (the file's stem), as given to `--board`.
    #[serde(skip)]
    pub name: String,
    /// One line for humans.
    pub description: String,
    /// The chip: espflash's chip name, the probe-rs target, or `rp2040`/`rp2350`.
    pub chip: String,
    /// How it is flashed.
    pub method: Method,
    /// Flash address where AtomVM's image starts (ESP32: the bootloader offset).
    pub image_offset: Option<u64>,
    /// Flash size in bytes, when fixed by the board.
    pub flash_size: Option<u64>,
    /// UF2 family of the application (Pico boards).
    pub uf2_family: Option<String>,
    /// Where the application archive goes, by release and flavor.
    #[serde(default)]
    pub app: Vec<AppLayout>,
    /// Published firmware, if any.
    pub firmware: Option<Firmware>,
}
