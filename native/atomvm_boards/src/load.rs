//! Reading and validating board files.

use crate::board::{Board, Method};
use crate::error::BoardError;
use std::path::Path;

/// Parses one board file's text; `name` is the file's stem.
pub fn parse(name: &str, text: &str) -> Result<Board, BoardError> {
    let path = format!("{name}.toml");
    let mut board: Board = toml::from_str(text).map_err(|e| BoardError::Syntax {
        path: path.clone(),
        message: e.to_string().trim().replace('\n', " "),
    })?;
    board.name = name.to_owned();
    validate(&board).map_err(|message| BoardError::Invalid { path, message })?;
    Ok(board)
}

fn validate(board: &Board) -> Result<(), String> {
    let valid_name = !board.name.is_empty()
        && board
            .name
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' || c == '-');
    if !valid_name {
        return Err("a board name is lowercase letters, digits, `_` and `-`".into());
    }
    for (i, rule) in board.app.iter().enumerate() {
        if rule.size == 0 {
            return Err(format!("app rule {} has size 0", i + 1));
        }
        let overlaps_image = board
            .image_offset
            .is_some_and(|image| board.method == Method::Espflash && rule.offset < image + 0x10000);
        if overlaps_image || rule.offset.checked_add(rule.size).is_none() {
            return Err(format!(
                "app rule {} puts the application at {:#x}, over the bootloader and partition table",
                i + 1,
                rule.offset
            ));
        }
    }
    if board.method == Method::Espflash && board.image_offset.is_none() {
        return Err("an espflash board needs image_offset".into());
    }
    if let Some(fw) = &board.firmware {
        if fw.versions.is_empty() {
            return Err("firmware.versions is empty".into());
        }
        if !fw.base_url.starts_with("https://") && !fw.base_url.starts_with("http://") {
            return Err(format!(
                "firmware.base_url {} is not an http(s) URL",
                fw.base_url
            ));
        }
        for (asset, sum) in &fw.sha256 {
            let hex = sum.len() == 64 && sum.chars().all(|c| c.is_ascii_hexdigit());
            if !hex {
                return Err(format!("firmware.sha256 of {asset} is not 64 hex digits"));
            }
        }
        let renamed = fw
            .asset_rules
            .iter()
            .flat_map(|rule| rule.assets.values().chain(rule.library.iter()));
        if fw.asset_rules.iter().any(|rule| rule.versions.is_empty()) {
            return Err("a firmware.asset_rules entry needs versions".into());
        }
        for template in fw.assets.values().chain(renamed) {
            if template.contains('/') || !template.contains("{version}") {
                return Err(format!(
                    "asset name {template} must be a file name containing {{version}}"
                ));
            }
        }
    }
    Ok(())
}

/// Reads every `*.toml` file of `dir`, sorted by name.
pub fn load_dir(dir: &Path) -> Result<Vec<Board>, BoardError> {
    let io = |path: &Path, source| BoardError::Io {
        path: path.display().to_string(),
        source,
    };
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .map_err(|e| io(dir, e))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    paths.sort();
    let mut boards = Vec::with_capacity(paths.len());
    for path in paths {
        let text = std::fs::read_to_string(&path).map_err(|e| io(&path, e))?;
        let name = path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        boards.push(parse(&name, &text)?);
    }
    Ok(boards)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::board::Flavor;

    #[test]
    fn errors_name_the_file_and_the_problem() {
        let e = parse("x", "description = 1").unwrap_err().to_string();
        assert!(e.starts_with("x.toml: "), "{e}");
        let e = parse(
            "y",
            "description = \"d\"\nchip = \"esp32\"\nmethod = \"espflash\"\n",
        )
        .unwrap_err()
        .to_string();
        assert_eq!(e, "y.toml: an espflash board needs image_offset");
        let e = parse(
            "z",
            "description = \"d\"\nchip = \"esp32\"\nmethod = \"espflash\"\nimage_offset = 0x1000\n[[app]]\noffset = 0x8000\nsize = 1\n",
        )
        .unwrap_err()
        .to_string();
        assert!(e.contains("over the bootloader"), "{e}");
    }

    #[test]
    fn the_repository_boards_load() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../boards");
        let boards = load_dir(&dir).unwrap();
        let names: Vec<&str> = boards.iter().map(|b| b.name.as_str()).collect();
        for expected in [
            "esp32", "esp32s2", "esp32s3", "esp32c2", "esp32c3", "esp32c6", "esp32h2", "esp32p4",
        ] {
            assert!(
                names.contains(&expected),
                "{expected} missing from {names:?}"
            );
        }
    }

    #[test]
    fn the_pico_boards_name_each_release_s_assets_as_its_workflow_published_them() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../boards");
        let boards = load_dir(&dir).unwrap();
        for name in ["pico", "pico_w", "pico2", "pico2_w"] {
            let board = boards.iter().find(|b| b.name == name).unwrap();
            let asset = |v| board.firmware(Some(v), Flavor::Erlang).unwrap().asset;
            assert_eq!(
                asset("v0.7.0-beta.0"),
                format!("AtomVM-{name}-combined-v0.7.0-beta.0.uf2")
            );
            assert_eq!(
                asset("v0.7.0-alpha.1"),
                format!("AtomVM-combined-{name}-v0.7.0-alpha.1.uf2")
            );
            assert_eq!(
                asset("v0.7.0-alpha.0"),
                format!("AtomVM-combined-{name}-v0.7.0-alpha.0.uf2")
            );
        }
    }
}
