//! Output as scripts meet it: a closed pipe, and devices given as files.

use super::*;
use std::process::Command;

#[test]
fn output_into_a_closed_pipe_ends_quietly_with_exit_0() {
    for args in [
        vec!["agree", "SAMPLE", "--json"],
        vec!["stats", "SAMPLE"],
        vec![
            "compare",
            "SAMPLE",
            "maralago-meeting",
            "nbc-netanyahu-urges",
            "--json",
        ],
    ] {
        let sample = sample();
        let args: Vec<&str> = args
            .iter()
            .map(|a| if *a == "SAMPLE" { sample.as_str() } else { a })
            .collect();
        let mut child = Command::new(env!("CARGO_BIN_EXE_slant"))
            .args(&args)
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        drop(child.stdout.take()); // the reader (`| head`) has gone
        let out = child.wait_with_output().unwrap();
        assert_eq!(out.status.code(), Some(0), "{args:?}: {}", stderr(&out));
        assert_eq!(stderr(&out), "", "{args:?}");
    }
}

#[test]
fn devices_are_refused_at_once_not_read() {
    for args in [
        vec!["analyze", "/dev/zero"],
        vec!["check", "/dev/zero"],
        vec!["stats", "/dev/zero"],
    ] {
        let start = std::time::Instant::now();
        let out = slant(&args);
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        assert!(
            stderr(&out).contains("/dev/zero: is not a regular file"),
            "{args:?}: {}",
            stderr(&out)
        );
        assert!(start.elapsed() < std::time::Duration::from_secs(5));
    }
}

#[test]
fn an_article_is_not_compared_with_itself() {
    let sample = sample();
    let out = Command::new(env!("CARGO_BIN_EXE_slant"))
        .args(["compare", &sample, "maralago-meeting", "maralago-meeting"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).ends_with(
            "\"maralago-meeting\" and \"maralago-meeting\" are the same article; compare two different ones\n"
        ),
        "{}",
        stderr(&out)
    );
}
