//! Two writers of one project at once (a teacher's script and a second terminal, or the app):
//! both changes are kept, or one command fails and says why — never two successes and a lost
//! change.

use std::path::Path;
use std::process::{Command, Stdio};

use slant_core::store;

fn slant() -> Command {
    Command::new(env!("CARGO_BIN_EXE_slant"))
}

fn article(dir: &Path, name: &str) -> String {
    let path = dir.join(format!("{name}.txt"));
    std::fs::write(
        &path,
        format!("{name} headline\n\nThe council met on Monday. It voted on {name}.\n"),
    )
    .unwrap();
    path.display().to_string()
}

#[test]
fn concurrent_adds_never_lose_an_article() {
    let dir = tempfile::tempdir().unwrap();
    let first = article(dir.path(), "first");
    let (a, b) = (article(dir.path(), "alpha"), article(dir.path(), "beta"));
    for run in 0..15 {
        let project = dir.path().join(format!("p{run}.ron"));
        let project = project.to_str().unwrap();
        let made = slant().args(["new", project, &first]).output().unwrap();
        assert!(made.status.success());
        let children: Vec<_> = [&a, &b]
            .iter()
            .map(|file| {
                slant()
                    .args(["add", project, file])
                    .stdout(Stdio::piped())
                    .stderr(Stdio::piped())
                    .spawn()
                    .unwrap()
            })
            .collect();
        let outputs: Vec<_> = children
            .into_iter()
            .map(|c| c.wait_with_output().unwrap())
            .collect();
        let succeeded = outputs.iter().filter(|o| o.status.success()).count();
        let articles = store::load(Path::new(project)).unwrap().articles.len();
        assert_eq!(
            articles,
            1 + succeeded,
            "run {run}: {succeeded} successes but {articles} articles"
        );
        for o in outputs.iter().filter(|o| !o.status.success()) {
            let err = String::from_utf8_lossy(&o.stderr);
            assert!(err.contains(project), "a failure names the file: {err}");
        }
    }
}

#[test]
fn a_write_whose_file_changed_meanwhile_is_refused() {
    // The app holds the project open; a script adds an article; the app's save then asks
    // instead of overwriting (the core's Document, which both use).
    use slant_core::document::Document;
    use std::time::Instant;
    let dir = tempfile::tempdir().unwrap();
    let project = dir.path().join("p.ron");
    let first = article(dir.path(), "first");
    assert!(
        slant()
            .args([
                "new",
                project.to_str().unwrap(),
                &first,
                "--reviewer",
                "Ann"
            ])
            .status()
            .unwrap()
            .success()
    );
    let mut app_doc = Document::open(&project, dir.path().join("untitled")).unwrap();
    let more = article(dir.path(), "more");
    assert!(
        slant()
            .args(["add", project.to_str().unwrap(), &more])
            .status()
            .unwrap()
            .success()
    );
    app_doc
        .add_reviewer("Bo", Instant::now())
        .expect("an edit in the app");
    let err = app_doc.save().unwrap_err();
    assert!(err.to_string().contains("changed on disk"), "{err}");
    assert_eq!(
        store::load(&project).unwrap().articles.len(),
        2,
        "the script's article stays"
    );
}

#[test]
fn a_new_project_never_replaces_one_created_meanwhile() {
    let dir = tempfile::tempdir().unwrap();
    let project = dir.path().join("p.ron");
    let first = article(dir.path(), "first");
    std::fs::write(&project, "not yours").unwrap();
    let out = slant()
        .args(["new", project.to_str().unwrap(), &first])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(std::fs::read_to_string(&project).unwrap(), "not yours");
}
