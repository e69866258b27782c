//! The counts a test reports: printed, and added to the file `ATOMVM_TEST_SUMMARY`
//! names when it is set (`scripts/test` and `scripts/test-otp` print that file, since
//! cargo keeps a passing test's output to itself).

/// Prints `line` and adds it to the summary file.
pub fn report(line: &str) {
    use std::io::Write;
    println!("{line}");
    if let Some(path) = std::env::var_os("ATOMVM_TEST_SUMMARY") {
        if let Ok(mut f) = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(path)
        {
            let _ = writeln!(f, "{line}");
        }
    }
}
