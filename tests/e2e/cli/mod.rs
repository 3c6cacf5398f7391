//! The command line as users and scripts see it: output, JSON fields and exit codes, one file
//! per subcommand.

use std::process::{Command, Output};

mod analyze;
mod classroom;
mod export;
mod output;
mod project;
mod stats;

pub(super) fn slant(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_slant"))
        .args(args)
        .output()
        .unwrap()
}

/// Runs `slant` with `args`, which must succeed (its error output shown if not), and gives what
/// it printed.
pub(super) fn slant_ok(args: &[&str]) -> Vec<u8> {
    let out = slant(args);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

pub(super) fn data(name: &str) -> String {
    format!("{}/tests/data/{name}", env!("CARGO_MANIFEST_DIR"))
}

pub(super) fn sample() -> String {
    format!(
        "{}/sample_projects/netanyahu_trump_annotated.ron",
        env!("CARGO_MANIFEST_DIR")
    )
}

pub(super) fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

pub(super) fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}

pub(super) fn json(o: &Output) -> serde_json::Value {
    serde_json::from_slice(&o.stdout).unwrap_or_else(|e| panic!("{e}: {}", stdout(o)))
}

pub(super) fn temp() -> tempfile::TempDir {
    tempfile::tempdir().unwrap()
}
