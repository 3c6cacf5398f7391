//! Two Slant windows and one file: the second is told where the file is open, never offered the
//! first one's autosave as a crash to recover, and never saves over the file the first has open.

use crate::common::{app, handout, sample_copy};

use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use slant_app::SlantApp;
use slant_app::dialogs::ScriptedDialogs;
use slant_core::document::Document;
use std::path::PathBuf;

/// `class.ron` open in a first window, and a second window on its copy `mine.ron`.
struct TwoWindows {
    _dir: tempfile::TempDir,
    /// The first window's file.
    path: PathBuf,
    mine: PathBuf,
    _first: Harness<'static, SlantApp>,
    second: Harness<'static, SlantApp>,
}

/// [`TwoWindows`], the second answering file dialogs as `dialogs` says for the first's file.
fn two_windows(dialogs: impl FnOnce(&PathBuf) -> ScriptedDialogs) -> TwoWindows {
    let (dir, path) = sample_copy();
    let mine = dir.path().join("mine.ron");
    std::fs::copy(&path, &mine).unwrap();
    let first = app(Some(&path), dir.path(), ScriptedDialogs::default());
    let second = app(Some(&mine), dir.path(), dialogs(&path));
    TwoWindows {
        _dir: dir,
        path,
        mine,
        _first: first,
        second,
    }
}

/// A window on `path` with a tag not yet saved, and the autosave such work leaves beside the
/// file.
fn window_with_autosaved_work(
    dir: &tempfile::TempDir,
    path: &PathBuf,
) -> Harness<'static, SlantApp> {
    let mut first = app(Some(path), dir.path(), ScriptedDialogs::default());
    first.key_press(Key::J);
    first.key_press(Key::Num4);
    first.run();
    let autosave = slant_core::document::recovery_path_for(path);
    std::fs::write(&autosave, std::fs::read(path).unwrap()).unwrap();
    first
}

#[test]
fn a_file_open_in_one_window_is_not_opened_in_a_second() {
    let (dir, path) = sample_copy();
    // Unsaved work in the first window, autosaved beside the file as a crash would leave it.
    let first = window_with_autosaved_work(&dir, &path);

    let mut second = app(Some(&path), dir.path(), ScriptedDialogs::default());
    second.get_by_label_contains("class.ron is open in another Slant window");
    assert!(
        second.state().document().is_none(),
        "the second window does not show it"
    );
    assert!(
        second.query_by_label_contains("Recover").is_none(),
        "the first window's autosave is not offered as a crash to recover"
    );
    second.get_by_label("OK").click();
    second.run();

    // Once the first window closes the file, the second opens it.
    drop(first);
    let other = dir.path().join("other.ron");
    std::fs::copy(&path, &other).unwrap();
    std::fs::remove_file(slant_core::document::recovery_path_for(&path)).unwrap();
    let dialogs = ScriptedDialogs {
        open: vec![path.clone()],
        ..Default::default()
    };
    let mut third = app(Some(&other), dir.path(), dialogs);
    third.key_press_modifiers(Modifiers::COMMAND, Key::O);
    third.run();
    assert_eq!(
        third.state().document().and_then(|d| d.path()),
        Some(path.as_path())
    );
}

#[test]
fn opening_a_file_open_elsewhere_keeps_this_windows_project() {
    let mut w = two_windows(|path| ScriptedDialogs {
        open: vec![path.clone()],
        ..Default::default()
    });
    let (mine, second) = (&w.mine, &mut w.second);
    second.key_press_modifiers(Modifiers::COMMAND, Key::O);
    second.run();
    second.get_by_label_contains("class.ron is open in another Slant window");
    assert_eq!(
        second.state().document().and_then(|d| d.path()),
        Some(mine.as_path()),
        "this window's own project stays open"
    );
}

#[test]
fn save_as_refuses_a_file_open_in_another_window() {
    let mut w = two_windows(|path| ScriptedDialogs {
        save: vec![path.clone()],
        ..Default::default()
    });
    let (path, mine, second) = (&w.path, &w.mine, &mut w.second);
    let before = std::fs::read(path).unwrap();
    second.key_press(Key::J);
    second.key_press(Key::Num4);
    second.run();
    second.key_press_modifiers(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::S);
    second.run();
    second.get_by_label_contains("class.ron is open in another Slant window");
    assert_eq!(
        std::fs::read(path).unwrap(),
        before,
        "the other window's file is untouched"
    );
    assert_eq!(
        second.state().document().and_then(|d| d.path()),
        Some(mine.as_path())
    );
}

/// The Recover dialog holds the file: two windows started on a crash's autosave cannot both
/// recover it.
#[test]
fn a_window_asking_about_a_recovery_holds_the_file() {
    let (dir, path) = sample_copy();
    // A crash left an autosave with a change in it.
    let mut doc = Document::open(&path, dir.path().join("u")).unwrap();
    let rivera = slant_core::model::ReviewerId::from("m-rivera");
    let command = slant_core::command::edits::set_tag(
        &doc.project,
        0,
        &rivera,
        5,
        Some(slant_core::model::Tag::Loaded),
    )
    .unwrap();
    doc.apply("Tag as Loaded", command, std::time::Instant::now())
        .unwrap();
    doc.autosave().unwrap();
    drop(doc);
    let mut first = app(Some(&path), dir.path(), ScriptedDialogs::default());
    first.get_by_label("Recover unsaved work?");
    let second = app(Some(&path), dir.path(), ScriptedDialogs::default());
    second.get_by_label_contains("class.ron is open in another Slant window");
    assert!(second.query_by_label("Recover unsaved work?").is_none());
    first.get_by_label("Recover").click();
    first.run();
    assert!(first.state().title().starts_with('●'), "recovered");
    drop(second);
    let third = app(Some(&path), dir.path(), ScriptedDialogs::default());
    third.get_by_label_contains("class.ron is open in another Slant window");
}

/// Opening a file open elsewhere is refused before "Save changes?" is asked: the person's
/// unsaved work is not saved or thrown away for nothing.
#[test]
fn a_refused_open_asks_nothing_about_unsaved_work() {
    let mut w = two_windows(|path| ScriptedDialogs {
        open: vec![path.clone()],
        ..Default::default()
    });
    let second = &mut w.second;
    second.key_press(Key::J);
    second.key_press(Key::Num1);
    second.run();
    assert!(second.state().title().starts_with("● mine.ron"), "unsaved");
    second.key_press_modifiers(Modifiers::COMMAND, Key::O);
    second.run();
    second.get_by_label_contains("class.ron is open in another Slant window");
    assert!(second.query_by_label_contains("Save changes").is_none());
    assert!(
        second.state().title().starts_with("● mine.ron"),
        "still unsaved, still open: {}",
        second.state().title()
    );
}

/// Slant's own save dialog refuses a file open in another window at once, rather than asking
/// "Replace it?" first.
#[test]
fn slants_save_dialog_refuses_a_file_open_elsewhere_before_asking_to_replace() {
    let mut w = two_windows(|_| ScriptedDialogs {
        no_portal: true,
        ..Default::default()
    });
    let second = &mut w.second;
    second.key_press_modifiers(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::S);
    second.run();
    // The name typed over whatever the box holds, and Enter, as a person does.
    let save_as = |h: &mut Harness<'static, SlantApp>, name: &str| {
        h.get_by_role_and_label(Role::TextInput, "File name")
            .focus();
        h.run();
        h.key_press_modifiers(Modifiers::COMMAND, Key::A);
        h.get_by_role_and_label(Role::TextInput, "File name")
            .type_text(name);
        h.run();
        h.key_press(Key::Enter);
        h.run();
    };
    save_as(second, "class");
    second.get_by_label_contains("class.ron is open in another Slant window. Choose another name");
    assert!(second.query_by_label("Replace").is_none());
    // Its own file is asked about as before.
    save_as(second, "mine");
    second.get_by_label("Replace");
}

/// A student's copy recovered from beside the assignment keeps the assignment claimed: a second
/// window opening the assignment would otherwise be offered the first one's live autosave, and
/// could discard it.
#[test]
fn a_recovered_students_copy_keeps_its_assignment_claimed() {
    let (dir, handout) = handout();
    {
        let mut doc = Document::open(&handout, dir.path().join("u")).unwrap();
        doc.add_reviewer("Eve", std::time::Instant::now()).unwrap();
        doc.autosave().unwrap();
    } // killed before the student's first save
    let mut first = app(Some(&handout), dir.path(), ScriptedDialogs::default());
    first.get_by_label("Recover").click();
    first.run();
    assert!(first.state().document().is_some(), "recovered");
    let second = app(Some(&handout), dir.path(), ScriptedDialogs::default());
    second.get_by_label_contains("homework.ron is open in another Slant window");
    assert!(second.query_by_label("Recover unsaved work?").is_none());
}

/// The recent list of a second window says that a project is open in the first, not that the
/// first window's autosave is unsaved work to recover.
#[test]
fn the_recent_list_says_a_project_is_open_in_another_window() {
    let (dir, path) = sample_copy();
    let name = "Netanyahu presses Trump on Iran: two outlets compared (class.ron)";
    // The second window had the project open once, so its recent list holds it.
    let mut second = app(Some(&path), dir.path(), ScriptedDialogs::default());
    second.key_press_modifiers(Modifiers::COMMAND, Key::W);
    second.run();
    second.get_by_label(name);
    // Now the first window has it open, with unsaved work autosaved beside it.
    let first = window_with_autosaved_work(&dir, &path);
    second.key_press(Key::Tab);
    second.run();
    second.get_by_label(&format!("{name}: open in another window"));
    assert!(second.query_by_label_contains("to recover").is_none());
    // Once the first window is gone, what its autosave holds is work to recover.
    drop(first);
    second.key_press(Key::Tab);
    second.run();
    second.get_by_label(&format!("{name}: unsaved work to recover"));
}
