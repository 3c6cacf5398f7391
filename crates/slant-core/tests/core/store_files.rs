//! Saving on disk: backups, no stray temporary files, clear errors, untouched files on failure.

use jiff::Timestamp;
use slant_core::model::{Article, Project, Tag};
use slant_core::store;

fn project(title: &str) -> Project {
    let mut p = Project::new(title, Timestamp::UNIX_EPOCH);
    let r = p.add_reviewer("Ann");
    let mut a = Article::new("a".into(), "A", "One. Two.");
    a.set_tag(&r, 0, Some(Tag::Fact));
    p.articles.push(a);
    p
}

#[test]
fn saving_keeps_the_previous_file_as_bak_and_leaves_no_temporary_files() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.ron");
    store::save(&project("first"), &path).unwrap();
    assert!(
        !store::backup_path(&path).exists(),
        "nothing to back up the first time"
    );
    store::save(&project("second"), &path).unwrap();
    assert_eq!(store::load(&path).unwrap().title, "second");
    assert_eq!(
        store::load(&store::backup_path(&path)).unwrap().title,
        "first"
    );
    store::save(&project("third"), &path).unwrap();
    assert_eq!(
        store::load(&store::backup_path(&path)).unwrap().title,
        "second"
    );
    let mut names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, ["p.ron", "p.ron.bak"]);
}

#[test]
fn a_failed_save_names_the_file_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("missing-folder").join("p.ron");
    let err = store::save(&project("x"), &path).unwrap_err().to_string();
    assert!(
        err.starts_with(&format!("{}: cannot save: ", path.display())),
        "{err}"
    );
    assert!(!path.exists());
}

#[test]
fn load_errors_name_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("empty.ron");
    std::fs::write(&path, "\n").unwrap();
    assert_eq!(
        store::load(&path).unwrap_err().to_string(),
        format!("{}: the file is empty", path.display())
    );
    std::fs::write(&path, b"(title: \"\xff\")").unwrap();
    assert_eq!(
        store::load(&path).unwrap_err().to_string(),
        format!(
            "{}:1:10: byte 0xFF is not UTF-8 text: a Slant project is UTF-8, so either this is not a project or another program re-saved it in a different encoding",
            path.display()
        )
    );
    std::fs::write(&path, "(titel: \"x\")").unwrap();
    let err = store::load(&path).unwrap_err().to_string();
    assert!(
        err.contains("`titel` is not a field of Project"),
        "names what people know, not a Rust type: {err}"
    );
    let missing = dir.path().join("nope.ron");
    assert!(
        store::load(&missing).unwrap_err().to_string()
            == format!("{}: there is no such file", missing.display())
    );
}

/// Over 1 MB, articles are read on several threads; the result and the errors must be the same
/// as a single pass.
#[test]
fn large_projects_read_in_parallel_load_the_same_and_report_the_same_errors() {
    let mut p = Project::new("big", Timestamp::UNIX_EPOCH);
    let r = p.add_reviewer("Ann");
    let body = "Officials said “it is over.” It may rain, analysts say. ".repeat(8_000);
    for n in 0..3 {
        let mut a = Article::new(
            p.new_article_id(&format!("a{n}")),
            format!("A{n}"),
            body.clone(),
        );
        for s in (0..a.sentences.len()).step_by(3) {
            a.set_tag(&r, s, Some(Tag::ALL[(s + n) % 4]));
        }
        p.articles.push(a);
    }
    let text = store::to_ron(&p).unwrap();
    assert!(text.len() > 2 << 20, "{} bytes", text.len());
    let path = std::path::Path::new("big.ron");
    assert_eq!(store::from_ron(&text, path).unwrap(), p);

    // Break the last article: the error names the same place a single pass finds.
    let at = text.rfind("(tag: Quote)").unwrap();
    let broken = format!(
        "{}(tag: Qoute){}",
        &text[..at],
        &text[at + "(tag: Quote)".len()..]
    );
    let line = broken[..at].lines().count();
    let err = store::from_ron(&broken, path).unwrap_err().to_string();
    assert!(err.starts_with(&format!("big.ron:{line}:")), "{err}");
    assert!(err.contains("Qoute"), "{err}");
}
