//! The emulated OTP release: behaviour that changed between releases follows it.
//!
//! Set once at start-up (`atomvm --otp N`, `ATOMVM_OTP_RELEASE`, else the release of the
//! host's OTP installation). What depends on it:
//!
//! | since | behaviour |
//! |---|---|
//! | OTP 26 | `term_to_binary` writes atoms as UTF-8 (`minor_version` 2 by default) |
//! | OTP 26 | `erl -noshell` standard output is `unicode` in a UTF-8 locale ([`crate::locale`]) |
//! | OTP 26 | `io:getopts()` answers the new terminal driver's options |
//! | OTP 27 | `0.0 =:= -0.0` is false (exact comparison tells the zeros apart) |
//! | OTP 27 | `abs(-0.0)` is `0.0` |
//! | OTP 29 | `prim_socket`'s option table lists `{Level, LevelNumber, Options}` |

use std::sync::atomic::{AtomicU32, Ordering};

static RELEASE: AtomicU32 = AtomicU32::new(25);

/// The emulated OTP release.
pub fn get() -> u32 {
    RELEASE.load(Ordering::Relaxed)
}

/// Sets the emulated OTP release.
pub fn set(release: u32) {
    RELEASE.store(release, Ordering::Relaxed);
}

/// The release of the OTP installation at `root` (`ROOT/releases/N`), if readable.
pub fn of_installation(root: &std::path::Path) -> Option<u32> {
    std::fs::read_dir(root.join("releases"))
        .ok()?
        .filter_map(|e| e.ok()?.file_name().to_str()?.parse::<u32>().ok())
        .max()
}
