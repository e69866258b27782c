//! POSIX error names, as the BEAM reports them (`econnrefused`, `eaddrinuse`, …).

/// The name of the error an OS call returned: the `errno` macro's name in lower case,
/// as `erl_errno_id` gives it; `unknown` when it carries no OS error code.
pub fn name(error: &std::io::Error) -> String {
    match error.raw_os_error() {
        Some(code) => code_name(code),
        None => match error.kind() {
            std::io::ErrorKind::NotFound => "enoent".into(),
            std::io::ErrorKind::PermissionDenied => "eacces".into(),
            std::io::ErrorKind::AlreadyExists => "eexist".into(),
            std::io::ErrorKind::WouldBlock => "eagain".into(),
            std::io::ErrorKind::InvalidInput => "einval".into(),
            _ => "unknown".into(),
        },
    }
}

/// The name of `errno` value `code`.
pub fn code_name(code: i32) -> String {
    match nix::errno::Errno::from_raw(code) {
        nix::errno::Errno::UnknownErrno => "unknown".into(),
        known => format!("{known:?}").to_ascii_lowercase(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_the_macros_in_lower_case() {
        assert_eq!(code_name(libc_code("ECONNREFUSED")), "econnrefused");
        assert_eq!(name(&std::io::Error::from_raw_os_error(98)), "eaddrinuse");
        assert_eq!(name(&std::io::Error::from_raw_os_error(2)), "enoent");
        assert_eq!(code_name(99999), "unknown");
    }

    fn libc_code(name: &str) -> i32 {
        match name {
            "ECONNREFUSED" => nix::errno::Errno::ECONNREFUSED as i32,
            _ => 0,
        }
    }
}
