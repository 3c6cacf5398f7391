//! `slant new`, `add` and `check`: building a project, never writing one that failed to load, and the exit codes.

use super::*;
use std::path::Path;

#[test]
fn new_add_and_check_build_a_project() {
    let dir = temp();
    let project = dir.path().join("class.ron");
    let p = project.to_str().unwrap();
    let out = slant(&[
        "new",
        p,
        &data("article_maralago_meeting.txt"),
        "--reviewer",
        "Ana",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(stdout(&out).trim(), format!("{p}: created with 1 article"));
    let md = dir.path().join("extra.md");
    std::fs::write(
        &md,
        "# A Third View\n\nOfficials said *nothing*. It may rain.\n",
    )
    .unwrap();
    let out = slant(&[
        "add",
        p,
        md.to_str().unwrap(),
        "--outlet",
        "The Daily",
        "--published",
        "2025-12-29",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(stdout(&out).trim(), format!("{p}: now 2 articles"));
    // One of a thing is said in the singular.
    let out = slant(&["stats", p]);
    assert!(
        stdout(&out).contains("1 anonymous source, 1 hedge, 0 loaded words outside quotations"),
        "{}",
        stdout(&out)
    );
    let out = slant(&["check", p]);
    assert_eq!(
        stdout(&out).trim(),
        format!("{p}: OK (2 articles, 1 reviewer, 0 annotations)")
    );
    let loaded = slant_core::store::load(&project).unwrap();
    let extra = &loaded.articles[1];
    assert_eq!(
        (extra.id.as_str(), extra.title.as_str()),
        ("extra", "A Third View")
    );
    assert_eq!(extra.outlet.as_deref(), Some("The Daily"));
    assert_eq!(extra.sentences.len(), 3);
    // A project file is not an article: adding one (even the project itself) is refused.
    let before = std::fs::read(&project).unwrap();
    let out = slant(&["add", p, p]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        stderr(&out).trim(),
        format!(
            "{p}: is a Slant project file, not an article (to bring in a student's tags, use `slant merge`)"
        )
    );
    assert_eq!(std::fs::read(&project).unwrap(), before);
    // A second `new` on the same path is refused and changes nothing.
    let out = slant(&["new", p, &data("article_maralago_meeting.txt")]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("already exists"));
    assert_eq!(std::fs::read(&project).unwrap(), before);
}

#[test]
fn a_project_that_fails_to_load_is_never_written() {
    let dir = temp();
    let project = dir.path().join("broken.ron");
    let good = std::fs::read_to_string(sample()).unwrap();
    let broken = good.replacen("title:", "titel:", 1);
    std::fs::write(&project, &broken).unwrap();
    let out = slant(&[
        "add",
        project.to_str().unwrap(),
        &data("article_maralago_meeting.txt"),
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("broken.ron:4:3: `titel` is not a field of Project"),
        "{}",
        stderr(&out)
    );
    assert_eq!(std::fs::read_to_string(&project).unwrap(), broken);
    assert!(!Path::new(&format!("{}.bak", project.display())).exists());
}

#[test]
fn check_names_file_line_and_problem() {
    let dir = temp();
    let project = dir.path().join("bad.ron");
    let good = std::fs::read_to_string(sample()).unwrap();
    // Move the NBC article's third sentence past the end of its text.
    let nbc_at = good.find("id: \"nbc-netanyahu-urges\"").unwrap();
    let third = good[nbc_at..].find("sentences: [").unwrap() + nbc_at;
    let lines: Vec<&str> = good[third..].lines().take(4).collect();
    let bad =
        good[..third].to_owned() + &good[third..].replacen(lines[3].trim(), "(9000, 9999),", 1);
    std::fs::write(&project, &bad).unwrap();
    let out = slant(&["check", project.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let line = good[..third].lines().count() + 3;
    let err = stderr(&out);
    assert!(
        err.starts_with(&format!("{}:{line}:9: article \"nbc-netanyahu-urges\", sentence 3: the range 9000..9999 ends past the end of the text", project.display())),
        "{err}"
    );
}

#[test]
fn exit_codes_follow_the_contract() {
    assert_eq!(slant(&["stats"]).status.code(), Some(2), "missing argument");
    assert_eq!(
        slant(&["frobnicate", "x"]).status.code(),
        Some(2),
        "unknown subcommand"
    );
    assert_eq!(
        slant(&["stats", "/no/such/file.ron"]).status.code(),
        Some(1)
    );
    let out = slant(&["new", "/tmp/x.ron", "a.txt", "b.txt", "--outlet", "X"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(slant(&["--help"]).status.success());
    for sub in ["new", "add", "analyze", "stats", "check"] {
        let help = slant(&[sub, "--help"]);
        assert!(
            help.status.success() && !help.stdout.is_empty(),
            "{sub} --help"
        );
    }
}

/// A project open in a Slant window is not changed behind its back: the window holds its own
/// copy, and its next save would ask whether to overwrite the change (a teacher who said yes
/// lost a whole merge). Once the window lets the file go, the command works.
#[test]
fn a_project_open_in_a_window_is_not_changed_from_the_command_line() {
    let dir = temp();
    let project = dir.path().join("class.ron");
    std::fs::copy(sample(), &project).unwrap();
    let data = dir.path().join("data");
    let run = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_slant"))
            .args(args)
            .env("SLANT_DATA_DIR", &data)
            .output()
            .unwrap()
    };
    let p = project.to_str().unwrap();
    let before = std::fs::read(&project).unwrap();
    // The mark a window takes when it opens the file.
    let window = slant_core::document::OpenClaim::take(&project, &data.join("open"))
        .unwrap()
        .expect("a mark can be kept");
    let out = run(&["key", p, "M. Rivera"]);
    assert_eq!(out.status.code(), Some(1), "{}", stdout(&out));
    assert_eq!(
        stderr(&out),
        format!(
            "{p} is open in a Slant window. Make the change there, or close the project there first (File \u{25b8} Close); nothing was changed.\n"
        )
    );
    assert_eq!(std::fs::read(&project).unwrap(), before, "not written");
    // Reading it is fine.
    assert!(run(&["check", p]).status.success());
    drop(window);
    let out = run(&["key", p, "M. Rivera"]);
    assert!(out.status.success(), "{}", stderr(&out));
}

/// A window killed with unsaved changes leaves them beside the project; a command that saved
/// the project over them made them look stale, and the app no longer offered them back (a
/// student's last tags were lost to `slant add`). The command refuses until they are recovered
/// or discarded in the app.
#[test]
fn a_command_never_saves_over_a_crashed_windows_unsaved_work() {
    let dir = temp();
    let project = dir.path().join("class.ron");
    std::fs::copy(sample(), &project).unwrap();
    let autosave = dir.path().join("class.ron.autosave");
    std::fs::copy(sample(), &autosave).unwrap();
    let p = project.to_str().unwrap();
    let before = std::fs::read(&project).unwrap();
    let article = dir.path().join("new.txt");
    std::fs::write(&article, "A new article.\n\nIt has two paragraphs.\n").unwrap();
    for args in [
        vec!["key", p, "M. Rivera"],
        vec!["add", p, article.to_str().unwrap()],
    ] {
        let out = slant(&args);
        assert_eq!(out.status.code(), Some(1), "{args:?}: {}", stdout(&out));
        assert_eq!(
            stderr(&out),
            format!(
                "{p}: a Slant window stopped without saving and left its unsaved work in class.ron.autosave. Open the project in Slant to recover it (or discard it), then run this again; nothing was changed.\n"
            )
        );
        assert_eq!(std::fs::read(&project).unwrap(), before, "not written");
        assert!(autosave.exists(), "the unsaved work is kept");
    }
    // The project written again after the crash (a copy, a sync tool): the work is still
    // unsaved, and still refused over.
    std::fs::File::options()
        .write(true)
        .open(&project)
        .unwrap()
        .set_modified(std::time::SystemTime::now() + std::time::Duration::from_secs(60))
        .unwrap();
    assert_eq!(slant(&["key", p, "M. Rivera"]).status.code(), Some(1));
    assert!(autosave.exists());
    // Reading it is fine, and once the work is dealt with the command works.
    assert!(slant(&["check", p]).status.success());
    std::fs::remove_file(&autosave).unwrap();
    let out = slant(&["key", p, "M. Rivera"]);
    assert!(out.status.success(), "{}", stderr(&out));
}

/// A window whose project's folder could not be written (a read-only share) autosaved its work
/// in Slant's data folder: a command refuses that project too, and says where the work is.
#[test]
fn a_command_never_saves_over_unsaved_work_kept_away_from_the_project() {
    use slant_core::document::Document;
    let dir = temp();
    let project = dir.path().join("class.ron");
    std::fs::copy(sample(), &project).unwrap();
    let data = dir.path().join("data");
    // The window: its recovery file cannot go beside the project.
    std::fs::create_dir(dir.path().join("class.ron.autosave")).unwrap();
    let mut window = Document::open(&project, data.join("untitled")).unwrap();
    window
        .add_reviewer("Zoë", std::time::Instant::now())
        .unwrap();
    let kept = window.autosave().unwrap();
    assert!(kept.starts_with(&data), "{}", kept.display());
    drop(window); // killed
    let p = project.to_str().unwrap();
    let before = std::fs::read(&project).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_slant"))
        .args(["key", p, "M. Rivera"])
        .env("SLANT_DATA_DIR", &data)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", stdout(&out));
    assert_eq!(
        stderr(&out),
        format!(
            "{p}: a Slant window stopped without saving and left its unsaved work in {}. Open the project in Slant to recover it (or discard it), then run this again; nothing was changed.\n",
            kept.display()
        )
    );
    assert_eq!(std::fs::read(&project).unwrap(), before, "not written");
    assert!(kept.exists());
}
