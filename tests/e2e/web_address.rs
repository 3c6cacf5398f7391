//! `slant new/add PROJECT.ron https://…`: articles fetched from a web address (a local server
//! started by the test on 127.0.0.1; no outside network).

use std::net::TcpStream;
use std::path::Path;
use std::process::{Command, Output};

use test_server::{reply, serve};

fn slant(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_slant"))
        .args(args)
        .output()
        .unwrap()
}

/// Serves the saved broadsheet page at `/2025/11/library-vote.html`, and `/old-link` redirecting
/// to it.
fn site(path: &str, stream: &mut TcpStream) {
    let page = std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/pages/broadsheet.html"),
    )
    .unwrap();
    match path {
        "/2025/11/library-vote.html" => reply(
            stream,
            "200 OK",
            &[("Content-Type", "text/html; charset=utf-8")],
            &page,
        ),
        "/old-link" => reply(
            stream,
            "301 Moved Permanently",
            &[("Location", "/2025/11/library-vote.html")],
            b"",
        ),
        _ => reply(
            stream,
            "404 Not Found",
            &[("Content-Type", "text/plain")],
            b"no",
        ),
    }
}

#[test]
fn new_and_add_take_web_addresses_beside_files() {
    let base = serve(site);
    let dir = tempfile::tempdir().unwrap();
    let project = dir.path().join("p.ron");
    let project = project.to_str().unwrap();
    let file = format!(
        "{}/tests/data/article_maralago_meeting.txt",
        env!("CARGO_MANIFEST_DIR")
    );
    let out = slant(&["new", project, &file, &format!("{base}/old-link")]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let p = slant_core::store::load(Path::new(project)).unwrap();
    assert_eq!(p.articles.len(), 2);
    let web = &p.articles[1];
    // The address after the redirect is the article's, and names it.
    assert_eq!(
        web.url.as_deref(),
        Some(format!("{base}/2025/11/library-vote.html").as_str())
    );
    assert_eq!(web.id.as_str(), "library-vote");
    assert_eq!(web.outlet.as_deref(), Some("The Morning Ledger"));
    assert!(
        web.text.starts_with("In a Divided Town, a Library Vote"),
        "{}",
        web.text
    );

    // A missing page is refused by name and the project is left as it was.
    let before = std::fs::read(project).unwrap();
    let out = slant(&["add", project, &format!("{base}/missing")]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("/missing") && err.contains("404"), "{err}");
    assert_eq!(std::fs::read(project).unwrap(), before);
}
