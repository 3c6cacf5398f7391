//! The toolbar's short messages: a key that finds nothing says so, and a message goes when what it answered is gone.

use crate::common::{self, app, sample_copy};

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use slant_app::SlantApp;
use slant_app::dialogs::ScriptedDialogs;

/// Tab (next untagged), D (next disputed) and Find that find nothing say why in the toolbar, instead of seeming to do nothing.
#[test]
fn keys_that_find_nothing_say_so() {
    let (dir, path) = sample_copy();
    let mut h = app(Some(&path), dir.path(), ScriptedDialogs::default());
    h.key_press(Key::J);
    h.run();
    let selected = |h: &Harness<SlantApp>| h.state().workspace.as_ref().unwrap().selected;
    assert_eq!(selected(&h), Some(0));
    // The sample's reviewer has tagged every sentence.
    h.key_press(Key::Tab);
    h.run();
    h.get_by_label("Every sentence in this column has a tag");
    assert_eq!(selected(&h), Some(0));
    // One reviewer: no class to disagree.
    h.key_press(Key::D);
    h.run();
    h.get_by_label_contains("D needs a class: merge the students' files first");
    assert!(
        h.query_by_label("Every sentence in this column has a tag")
            .is_none()
    );
    // A search with no match.
    h.key_press_modifiers(Modifiers::COMMAND, Key::F);
    h.run();
    h.get_by_label("Find").type_text("zebra crossing");
    h.run();
    h.key_press(Key::Enter);
    h.run();
    h.get_by_label("No sentence shown contains “zebra crossing”");
    // A search that finds a sentence clears the message.
    h.key_press(Key::Escape);
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::F);
    h.run();
    h.get_by_label("Find").type_text(" bunker-buster");
    h.run();
    h.key_press(Key::Enter);
    h.run();
    assert_eq!(selected(&h), Some(5));
    assert!(
        h.query_by_label_contains("No sentence shown contains")
            .is_none()
    );
}

/// A toolbar message goes when what it answered is gone: the Find words changed, the next key.
/// Ctrl+3 with two articles says why it shows two.
#[test]
fn toolbar_messages_do_not_go_stale() {
    let (dir, path) = sample_copy();
    let mut h = app(Some(&path), dir.path(), ScriptedDialogs::default());
    h.key_press_modifiers(Modifiers::COMMAND, Key::F);
    h.run();
    h.get_by_label("Find").type_text("zebra");
    h.run();
    h.key_press(Key::Enter);
    h.run();
    h.get_by_label("No sentence shown contains “zebra”");
    for _ in 0..5 {
        h.key_press(Key::Backspace);
    }
    h.run();
    assert!(
        h.query_by_label_contains("No sentence shown contains")
            .is_none(),
        "the message outlived the words it was about"
    );
    h.key_press(Key::Escape);
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::Num3);
    h.run();
    h.get_by_label("3 columns need 3 articles: this project has 2");
    assert_eq!(h.state().workspace.as_ref().unwrap().columns.len(), 2);
    h.key_press(Key::J);
    h.run();
    assert!(
        h.query_by_label_contains("columns need").is_none(),
        "the next key took the message down"
    );
}

/// Ctrl+R (next reviewer) with one reviewer says how to add one.
#[test]
fn next_reviewer_with_one_reviewer_says_how_to_add_one() {
    let (dir, path) = sample_copy();
    let mut h = app(Some(&path), dir.path(), ScriptedDialogs::default());
    h.key_press_modifiers(Modifiers::COMMAND, Key::R);
    h.run();
    h.get_by_label_contains("One reviewer in this project");
}

/// Before any project is open there is no toolbar: a greyed menu item chosen from the keyboard,
/// and its key, say why on the start screen instead of doing nothing at all.
#[test]
fn a_greyed_item_says_why_on_the_start_screen() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = app(None, dir.path(), ScriptedDialogs::default());
    assert!(h.query_by_label("Open a project first.").is_none());
    assert!(
        common::edit_menu_down_to(&mut h, "Undo", 4),
        "↓ reaches the greyed Undo"
    );
    h.key_press(Key::Enter);
    h.run();
    h.get_by_label("Open a project first.");
    // Opening a project leaves the notice behind; closing it does not bring it back.
    h.get_by_label("Open sample project").click();
    h.run();
    assert!(h.query_by_label("Open a project first.").is_none());
    h.key_press_modifiers(Modifiers::COMMAND, Key::W);
    h.run();
    h.get_by_label("Open sample project");
    assert!(h.query_by_label("Open a project first.").is_none());
    // The key of a greyed command says it too.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    h.get_by_label("Open a project first.");
}

/// Help ▸ About Slant says which version this is and where unsaved work is kept, with or
/// without a project open (the Help menu had only the shortcuts).
#[test]
fn help_about_names_the_version_and_where_work_is_kept() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = app(None, dir.path(), ScriptedDialogs::default());
    h.get_by_label("Help").click();
    h.run();
    h.get_by_label("About Slant").click();
    h.run();
    h.get_by_label_contains(concat!("Slant ", env!("CARGO_PKG_VERSION"), ":"));
    h.get_by_label_contains("recovery file within 5 seconds");
    let untitled = dir.path().join("data").join("untitled");
    h.get_by_label_contains(untitled.to_str().unwrap());
    h.key_press(egui::Key::Enter);
    h.run();
    assert!(
        h.query_by_label_contains("Licence").is_none(),
        "Enter closes it"
    );
}
