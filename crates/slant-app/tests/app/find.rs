//! The find bar: typed text selects the next matching sentence, and the keys go back to the
//! sentences when it closes.

use crate::common;

use common::{app, sample_copy};

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use slant_app::SlantApp;
use slant_app::dialogs::ScriptedDialogs;

#[test]
fn find_selects_the_next_matching_sentence() {
    let (dir, path) = sample_copy();
    let mut h = app(Some(&path), dir.path(), ScriptedDialogs::default());
    h.key_press_modifiers(Modifiers::COMMAND, Key::F);
    h.run();
    h.get_by_label("Find").type_text("bunker-buster");
    h.run();
    h.get_by_label("Next").click();
    h.run();
    let ws = h.state().workspace.as_ref().unwrap();
    assert_eq!((ws.focus, ws.selected), (0, Some(5)));
}

#[test]
fn escape_closes_the_find_bar_and_gives_the_keys_back() {
    let (dir, path) = sample_copy();
    let mut h = app(Some(&path), dir.path(), ScriptedDialogs::default());
    h.key_press_modifiers(Modifiers::COMMAND, Key::F);
    h.run();
    h.get_by_label("Find").type_text("bunker-buster");
    h.run();
    // Enter finds the next match and keeps the box for another Enter…
    h.key_press(Key::Enter);
    h.run();
    assert_eq!(h.state().workspace.as_ref().unwrap().selected, Some(5));
    // … and Escape closes the bar: J moves the selection again.
    h.key_press(Key::Escape);
    h.run();
    assert!(h.query_by_label("Find").is_none(), "the find bar is closed");
    h.key_press(Key::J);
    h.run();
    assert_eq!(h.state().workspace.as_ref().unwrap().selected, Some(6));
}

/// Ctrl+Z typed in the Find box undoes the typing there, never the tag made before.
#[test]
fn undo_in_the_find_box_leaves_the_project_alone() {
    let (dir, path) = sample_copy();
    let mut h = app(Some(&path), dir.path(), ScriptedDialogs::default());
    h.key_press(Key::J);
    h.key_press(Key::Num2);
    h.run();
    let label = |h: &Harness<SlantApp>| {
        h.state()
            .document()
            .unwrap()
            .undo_label()
            .map(str::to_owned)
    };
    assert_eq!(label(&h).as_deref(), Some("Tag as Quote"));
    h.key_press_modifiers(Modifiers::COMMAND, Key::F);
    h.run();
    h.get_by_label("Find").type_text("Iran");
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(
        label(&h).as_deref(),
        Some("Tag as Quote"),
        "the tag is not undone"
    );
    h.key_press(Key::Escape);
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_ne!(
        label(&h).as_deref(),
        Some("Tag as Quote"),
        "out of the box, Ctrl+Z undoes the tag"
    );
}
