//! Two Slant windows and one file: the second is told where the file is open, never offered the
//! first one's autosave as a crash to recover, and never saves over the file the first has open.

use crate::common::{app, sample_copy};

use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;
use slant_app::dialogs::ScriptedDialogs;

#[test]
fn a_file_open_in_one_window_is_not_opened_in_a_second() {
    let (dir, path) = sample_copy();
    let mut first = app(Some(&path), dir.path(), ScriptedDialogs::default());
    // Unsaved work in the first window, autosaved beside the file as a crash would leave it.
    first.key_press(Key::J);
    first.key_press(Key::Num4);
    first.run();
    let autosave = slant_core::document::recovery_path_for(&path);
    std::fs::write(&autosave, std::fs::read(&path).unwrap()).unwrap();

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
    std::fs::remove_file(&autosave).unwrap();
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
    let (dir, path) = sample_copy();
    let mine = dir.path().join("mine.ron");
    std::fs::copy(&path, &mine).unwrap();
    let _first = app(Some(&path), dir.path(), ScriptedDialogs::default());
    let dialogs = ScriptedDialogs {
        open: vec![path.clone()],
        ..Default::default()
    };
    let mut second = app(Some(&mine), dir.path(), dialogs);
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
    let (dir, path) = sample_copy();
    let mine = dir.path().join("mine.ron");
    std::fs::copy(&path, &mine).unwrap();
    let before = std::fs::read(&path).unwrap();
    let _first = app(Some(&path), dir.path(), ScriptedDialogs::default());
    let dialogs = ScriptedDialogs {
        save: vec![path.clone()],
        ..Default::default()
    };
    let mut second = app(Some(&mine), dir.path(), dialogs);
    second.key_press(Key::J);
    second.key_press(Key::Num4);
    second.run();
    second.key_press_modifiers(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::S);
    second.run();
    second.get_by_label_contains("class.ron is open in another Slant window");
    assert_eq!(
        std::fs::read(&path).unwrap(),
        before,
        "the other window's file is untouched"
    );
    assert_eq!(
        second.state().document().and_then(|d| d.path()),
        Some(mine.as_path())
    );
}
