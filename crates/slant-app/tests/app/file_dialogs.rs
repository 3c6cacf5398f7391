//! Where no desktop portal runs, the system's file dialog answers nothing at once: Slant shows
//! its own instead of doing nothing, and never fails without a message.

use crate::common::app;

use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;
use slant_app::dialogs::ScriptedDialogs;

fn no_portal() -> ScriptedDialogs {
    ScriptedDialogs {
        no_portal: true,
        ..Default::default()
    }
}

#[test]
fn ctrl_s_without_a_portal_saves_through_slants_own_dialog() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = app(None, dir.path(), no_portal());
    h.get_by_label("New project").click();
    h.run();
    h.get_by_label("Your name").type_text("Ann");
    h.run();
    h.key_press(Key::Enter);
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    assert!(
        h.query_by_label("Save project").is_some(),
        "Slant's dialog is open"
    );
    h.get_by_role_and_label(Role::TextInput, "Folder").focus();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.get_by_role_and_label(Role::TextInput, "Folder")
        .type_text(dir.path().to_str().unwrap());
    h.key_press(Key::Enter);
    h.run();
    h.get_by_role_and_label(Role::TextInput, "File name")
        .focus();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.get_by_role_and_label(Role::TextInput, "File name")
        .type_text("week 3");
    h.run();
    h.get_by_label("Save here").click();
    h.run();
    let saved = dir.path().join("week 3.ron");
    assert!(saved.exists(), "saved where the dialog said");
    assert_eq!(h.state().title(), "week 3.ron — Slant");
}

#[test]
fn quitting_a_never_saved_project_says_discard_deletes_it_and_save_asks_where() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = app(None, dir.path(), no_portal());
    h.get_by_label("New project").click();
    h.run();
    h.get_by_label("Your name").type_text("Ann");
    h.run();
    h.key_press(Key::Enter);
    h.run();
    h.get_by_label("Edit").click();
    h.run();
    h.get_by_label("Add reviewer…").click();
    h.run();
    h.get_by_label("Your name").type_text("Bo");
    h.run();
    h.key_press(Key::Enter);
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::Q);
    h.run();
    assert!(
        h.query_by_label_contains("has never been saved: discarding it deletes the only copy")
            .is_some()
    );
    assert!(h.query_by_label("Discard the project").is_some());
    h.get_by_label("Save").click();
    h.run();
    assert!(
        h.query_by_label("Save project").is_some(),
        "Save asks where, in Slant's dialog"
    );
    h.get_by_role_and_label(Role::TextInput, "Folder").focus();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.get_by_role_and_label(Role::TextInput, "Folder")
        .type_text(dir.path().to_str().unwrap());
    h.key_press(Key::Enter);
    h.run();
    h.get_by_label("Save here").click();
    h.run();
    assert!(
        dir.path().join("Untitled project.ron").exists(),
        "saved under the proposed name"
    );
}
