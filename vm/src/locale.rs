//! Whether the user's locale has a UTF-8 character type, decided as the C library
//! does when the BEAM calls `setlocale(LC_CTYPE, "")` at start: from OTP 26, `erl
//! -noshell` gives standard output the `unicode` encoding in such a locale and
//! `latin1` otherwise.
//!
//! The VM has no `unsafe` code, so instead of calling `setlocale` this follows glibc's
//! rules: the first non-empty of `LC_ALL`, `LC_CTYPE` and `LANG` names the locale
//! (none: `C`); `C` and `POSIX` are not UTF-8; `C.UTF-8` is built in; any other
//! `language[_territory].codeset[@modifier]` with a UTF-8 codeset counts only when it
//! is installed (under `/usr/lib/locale`, as a directory or in `locale-archive`),
//! since an unknown locale makes `setlocale` fail and leaves `C`.

use std::path::Path;

/// Where glibc keeps compiled locales.
const LOCALE_DIR: &str = "/usr/lib/locale";

/// Whether the character type of the locale the environment selects is UTF-8.
pub fn ctype_is_utf8() -> bool {
    let var = |name: &str| std::env::var(name).ok().filter(|v| !v.is_empty());
    let name = var("LC_ALL")
        .or_else(|| var("LC_CTYPE"))
        .or_else(|| var("LANG"));
    match name {
        Some(name) => is_utf8_locale(&name, Path::new(LOCALE_DIR)),
        None => false,
    }
}

/// Whether locale `name` is a UTF-8 locale that `setlocale` would accept, with
/// compiled locales under `dir`.
pub fn is_utf8_locale(name: &str, dir: &Path) -> bool {
    let Some((language, rest)) = name.split_once('.') else {
        return false;
    };
    let codeset = rest.split('@').next().unwrap_or("");
    if normalize(codeset) != "utf8" {
        return false;
    }
    if language == "C" {
        return true;
    }
    let modifier = rest.split_once('@').map(|(_, m)| format!("@{m}"));
    let modifier = modifier.as_deref().unwrap_or("");
    // glibc looks a locale up under its own name and under the normalized codeset.
    let candidates = [name.to_owned(), format!("{language}.utf8{modifier}")];
    if candidates.iter().any(|c| dir.join(c).is_dir()) {
        return true;
    }
    match std::fs::read(dir.join("locale-archive")) {
        Ok(archive) => candidates.iter().any(|c| {
            let mut needle = c.as_bytes().to_vec();
            needle.push(0);
            archive
                .windows(needle.len())
                .any(|w| w == needle.as_slice())
        }),
        Err(_) => false,
    }
}

/// A codeset name as glibc compares them: letters lowercased, digits kept, the rest
/// dropped (`UTF-8` and `utf8` are the same).
fn normalize(codeset: &str) -> String {
    codeset
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn c_and_posix_are_not_utf8_but_c_utf8_is() {
        let none = Path::new("/nonexistent");
        assert!(!is_utf8_locale("C", none));
        assert!(!is_utf8_locale("POSIX", none));
        assert!(is_utf8_locale("C.UTF-8", none));
        assert!(is_utf8_locale("C.utf8", none));
        assert!(!is_utf8_locale("en_US.ISO-8859-1", none));
    }

    #[test]
    fn other_utf8_locales_count_only_when_installed() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        assert!(!is_utf8_locale("en_US.UTF-8", dir.path()));
        std::fs::create_dir(dir.path().join("en_US.utf8")).unwrap_or_else(|e| panic!("{e}"));
        assert!(is_utf8_locale("en_US.UTF-8", dir.path()));
        assert!(!is_utf8_locale("de_DE.UTF-8", dir.path()));
        std::fs::write(dir.path().join("locale-archive"), b"xx\0de_DE.utf8\0yy")
            .unwrap_or_else(|e| panic!("{e}"));
        assert!(is_utf8_locale("de_DE.UTF-8", dir.path()));
    }
}
