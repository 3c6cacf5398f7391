//! Helpers shared by the app tests: a copy of a sample project and the real app in a harness.

#![allow(dead_code)] // each test file uses its own share of these

use std::path::{Path, PathBuf};

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use slant_app::dialogs::ScriptedDialogs;
use slant_app::{AppOptions, SlantApp};
use slant_core::model::Project;

pub const SAMPLE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../sample_projects/netanyahu_trump_annotated.ron"
);

/// The sample's class assignment: the same articles, locked, with no reviewer.
pub const ASSIGNMENT: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../sample_projects/netanyahu_trump_assignment.ron"
);

/// A copy of the annotated sample in a fresh folder.
pub fn sample_copy() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("class.ron");
    std::fs::copy(SAMPLE, &path).unwrap();
    (dir, path)
}

/// A copy of the teacher's assignment, as a student saves it from an e-mail: `homework.ron`.
pub fn handout() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("homework.ron");
    std::fs::copy(ASSIGNMENT, &path).unwrap();
    (dir, path)
}

/// Opens a words dialog with `open`, types `typed`, presses Enter, and checks that the dialog
/// says `message` and leaves with two Escapes (the box, then the dialog titled `heading`).
pub fn words_refused(
    h: &mut Harness<'static, SlantApp>,
    open: impl Fn(&mut Harness<'static, SlantApp>),
    typed: &str,
    message: &str,
    heading: &str,
) {
    open(h);
    h.run();
    h.event(egui::Event::Text(typed.into()));
    h.run();
    h.key_press(egui::Key::Enter);
    h.run();
    h.get_by_label(message);
    h.key_press(egui::Key::Escape);
    h.run();
    h.key_press(egui::Key::Escape);
    h.run();
    assert!(h.query_by_label(heading).is_none());
}

pub fn app(
    open: Option<&Path>,
    data: &Path,
    dialogs: ScriptedDialogs,
) -> Harness<'static, SlantApp> {
    let options = AppOptions {
        open: open.map(Path::to_owned),
        dialogs: Box::new(dialogs),
        data_dir: data.join("data"),
    };
    // Keys typed faster than a frame are read one command a frame: six take six frames.
    let mut harness = Harness::builder()
        .with_size([1500.0, 950.0])
        .with_max_steps(12)
        .build_eframe(move |cc| SlantApp::new(cc, options));
    harness.run();
    harness
}

/// A key press as its event, with the key's own modifiers (which may differ from the frame's:
/// Shift let go within the frame).
pub fn key_event(key: egui::Key, modifiers: egui::Modifiers) -> egui::Event {
    egui::Event::Key {
        key,
        physical_key: None,
        pressed: true,
        repeat: false,
        modifiers,
    }
}

/// Presses `keys` faster than a frame: all in the next frame, as fast typing sends them
/// (kittest's `key_press` gives each key a frame of its own).
pub fn press_in_one_frame(h: &mut Harness<'static, SlantApp>, keys: &[egui::Key]) {
    for &key in keys {
        h.input_mut()
            .events
            .push(key_event(key, egui::Modifiers::NONE));
    }
}

/// Types `text` faster than a frame, as a keyboard sends it: each letter's press, then its
/// character, all in the next frame.
pub fn type_in_one_frame(h: &mut Harness<'static, SlantApp>, text: &str) {
    for c in text.chars() {
        let events = &mut h.input_mut().events;
        if let Some(key) = egui::Key::from_name(&c.to_ascii_uppercase().to_string()) {
            events.push(key_event(key, egui::Modifiers::NONE));
        }
        events.push(egui::Event::Text(c.to_string()));
    }
}

/// Adds a reviewer as a person does: Edit ▸ Add reviewer…, the name typed, OK.
pub fn add_reviewer(h: &mut Harness<'static, SlantApp>, name: &str) {
    h.get_by_label("Edit").click();
    h.run();
    h.get_by_label("Add reviewer…").click();
    h.run();
    h.get_by_label("Your name").type_text(name);
    h.run();
    h.get_by_label("OK").click();
    h.run();
}

/// Sam Lee opens the handout, gives their name and tags the first sentence Loaded.
pub fn student_tags_the_first_sentence(
    handout: &Path,
    data: &Path,
    dialogs: ScriptedDialogs,
) -> Harness<'static, SlantApp> {
    let mut h = app(Some(handout), data, dialogs);
    h.get_by_label("Your name").type_text("Sam Lee");
    h.run();
    h.get_by_label("OK").click();
    h.run();
    h.key_press(egui::Key::J);
    h.run();
    h.key_press(egui::Key::L);
    h.run();
    h
}

/// The sample project's reviewer, M. Rivera.
pub fn rivera() -> slant_core::model::ReviewerId {
    slant_core::model::ReviewerId::from("m-rivera")
}

pub fn project<'a>(h: &'a Harness<'_, SlantApp>) -> &'a Project {
    &h.state().document().expect("a project is open").project
}

/// Replaces everything in the focused text box with `text`, as a person selecting all and
/// typing (or pasting) would.
pub fn replace_text(h: &mut Harness<'_, SlantApp>, label: &str, text: &str) {
    h.get_by_label(label).focus();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.run();
    h.get_by_label(label).type_text(text);
    h.run();
}

/// Opens the Edit menu with F10 then Tab, as the keyboard does, and presses ↓ until the item
/// whose label contains `item` has the keyboard (at most `within` presses). True when it does.
pub fn edit_menu_down_to(h: &mut Harness<'static, SlantApp>, item: &str, within: usize) -> bool {
    h.key_press(Key::F10);
    h.run();
    h.key_press(Key::Tab);
    h.run();
    (0..within).any(|_| {
        h.key_press(Key::ArrowDown);
        h.run();
        h.get_by_label_contains(item).is_focused()
    })
}
