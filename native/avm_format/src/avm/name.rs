//! Which entry names can be written to an archive and extracted from it.

use super::entry::EntryKind;
use super::error::{ArchiveError, NameProblem};

/// Checks that `name` is a valid name for an entry of `kind`: non-empty, no NUL, a
/// relative `/`-separated path without empty, `.` or `..` parts, and for modules a
/// plain `MODULE.beam` with no separator at all.
pub fn validate_name(name: &str, kind: EntryKind) -> Result<(), ArchiveError> {
    let problem = if name.is_empty() {
        Some(NameProblem::Empty)
    } else if name.contains('\0') {
        Some(NameProblem::Nul)
    } else if kind == EntryKind::Beam && (name.contains('/') || name.contains('\\')) {
        Some(NameProblem::ModuleWithSeparator)
    } else if kind == EntryKind::Beam && (!name.ends_with(".beam") || name == ".beam") {
        Some(NameProblem::NotBeamName)
    } else if name.contains('\\')
        || name
            .split('/')
            .any(|part| part.is_empty() || part == "." || part == "..")
    {
        Some(NameProblem::UnsafePath)
    } else {
        None
    };
    match problem {
        None => Ok(()),
        Some(problem) => Err(ArchiveError::InvalidName {
            name: name.escape_debug().to_string(),
            problem,
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn problem(name: &str, kind: EntryKind) -> Option<NameProblem> {
        match validate_name(name, kind) {
            Ok(()) => None,
            Err(ArchiveError::InvalidName { problem, .. }) => Some(problem),
            Err(other) => panic!("unexpected {other}"),
        }
    }

    #[test]
    fn accepts_modules_and_priv_paths() {
        assert_eq!(problem("Elixir.MyApp.beam", EntryKind::Beam), None);
        assert_eq!(problem("my_app/priv/a/b.txt", EntryKind::File), None);
    }

    #[test]
    fn refuses_unsafe_names() {
        use NameProblem::*;
        assert_eq!(problem("", EntryKind::File), Some(Empty));
        assert_eq!(problem("a\0b", EntryKind::File), Some(Nul));
        assert_eq!(
            problem("a/b.beam", EntryKind::Beam),
            Some(ModuleWithSeparator)
        );
        assert_eq!(
            problem("a\\b.beam", EntryKind::Beam),
            Some(ModuleWithSeparator)
        );
        assert_eq!(problem("mod.erl", EntryKind::Beam), Some(NotBeamName));
        assert_eq!(problem("/etc/passwd", EntryKind::File), Some(UnsafePath));
        assert_eq!(problem("app/../../x", EntryKind::File), Some(UnsafePath));
        assert_eq!(problem("app//x", EntryKind::File), Some(UnsafePath));
        assert_eq!(problem("app\\x", EntryKind::File), Some(UnsafePath));
    }
}
