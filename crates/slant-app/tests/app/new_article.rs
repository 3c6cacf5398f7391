//! A new article from text, driven through the real app: text pasted or typed into the New
//! article dialog, files dropped on the window, and the dialog's keys (Escape, Cancel, command
//! keys over typed text).

use crate::common;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use common::{app, key_event, project, replace_text, sample_copy};
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use slant_app::SlantApp;
use slant_app::dialogs::ScriptedDialogs;

#[test]
fn pasted_text_becomes_a_new_article_with_an_editable_title() {
    let (dir, path) = sample_copy();
    let mut h = app(Some(&path), dir.path(), ScriptedDialogs::default());
    assert_eq!(project(&h).articles.len(), 2);
    // Ctrl+V with no text box focused: a copy from a PDF, broken mid-sentence.
    h.event(egui::Event::Paste(
        "Storm Knocks Out Power\nThe utility said crews would\nwork overnight.  Officials agreed.\n"
            .into(),
    ));
    h.run();
    h.get_by_label("New article from text");
    replace_text(&mut h, "Article title", "Power cut in the valley");
    h.get_by_label("Add article").click();
    h.run();
    let p = project(&h);
    assert_eq!(p.articles.len(), 3);
    let a = &p.articles[2];
    assert_eq!(a.title, "Power cut in the valley");
    assert_eq!(
        a.text,
        "Storm Knocks Out Power\nThe utility said crews would work overnight. Officials agreed.\n"
    );
    assert_eq!(
        a.original.as_deref(),
        Some(
            "Storm Knocks Out Power\nThe utility said crews would\nwork overnight.  Officials agreed.\n"
        ),
        "the text as pasted is kept"
    );
    assert_eq!(a.sentences.len(), 3);
    assert!(
        h.query_by_label("New article from text").is_none(),
        "closed"
    );
    // One step of undo takes it away again.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(project(&h).articles.len(), 2);
}

#[test]
fn file_menu_opens_an_empty_new_article_dialog_that_can_be_cancelled() {
    let (dir, path) = sample_copy();
    let mut h = app(Some(&path), dir.path(), ScriptedDialogs::default());
    h.get_by_label("File").click();
    h.run();
    h.get_by_label_contains("New article from text…").click();
    h.run();
    // Over nothing typed, Cancel closes at once.
    h.get_by_label("Cancel").click();
    h.run();
    assert!(h.query_by_label("New article from text").is_none());
    h.get_by_label("File").click();
    h.run();
    h.get_by_label_contains("New article from text…").click();
    h.run();
    replace_text(
        &mut h,
        "Article text",
        "Budget Vote Delayed\nThe council put off the vote.",
    );
    discard_the_typed_text(&mut h);
    assert!(h.query_by_label("New article from text").is_none());
    assert_eq!(project(&h).articles.len(), 2, "nothing added");
    assert!(!h.state().document().unwrap().is_dirty());
}

/// Cancel over text the person changed asks first; "Keep editing" keeps every word, and only
/// "Discard text" throws it away (a new user lost a paragraph of edits to one stray click).
#[test]
fn cancel_asks_before_throwing_away_changed_text() {
    let (dir, path) = sample_copy();
    let mut h = app(Some(&path), dir.path(), ScriptedDialogs::default());
    let before = project(&h).articles[0].text.clone();
    h.key_press(Key::F2);
    h.run();
    h.get_by_label("Article text")
        .type_text(" One more sentence.");
    h.run();
    h.get_by_label("Cancel").click();
    h.run();
    h.get_by_label("Throw away the text you wrote here?");
    // Escape answers "keep editing", as it keeps the dialog.
    h.key_press(Key::Escape);
    h.run();
    assert!(
        h.query_by_label("Throw away the text you wrote here?")
            .is_none()
    );
    assert!(h.query_by_label_contains("Edit the text of").is_some());
    h.get_by_label("Cancel").click();
    h.run();
    h.get_by_label("Keep editing").click();
    h.run();
    assert!(
        h.query_by_label("Throw away the text you wrote here?")
            .is_none()
    );
    let typed = |h: &Harness<'_, SlantApp>| {
        h.query_by_label("Article text")
            .and_then(|n| n.value())
            .unwrap_or_default()
    };
    assert!(
        typed(&h).ends_with(" One more sentence."),
        "the edit is kept"
    );
    h.get_by_label("Apply").click();
    h.run();
    assert!(project(&h).articles[0].text.ends_with("One more sentence."));
    // Changed again and cancelled for good: the article keeps the applied text.
    let applied = project(&h).articles[0].text.clone();
    assert_ne!(applied, before);
    h.key_press(Key::F2);
    h.run();
    h.get_by_label("Article text").type_text(" Stray.");
    h.run();
    discard_the_typed_text(&mut h);
    assert!(h.query_by_label_contains("Edit the text of").is_none());
    assert_eq!(project(&h).articles[0].text, applied);
}

/// Cancel over typed text, then "Discard text" in the question it raises.
fn discard_the_typed_text(h: &mut Harness<'static, SlantApp>) {
    h.get_by_label("Cancel").click();
    h.run();
    h.get_by_label("Discard text").click();
    h.run();
}

#[derive(Debug)]
struct Dropped(PathBuf);

impl egui::DroppedFile for Dropped {
    fn path(&self) -> &Path {
        &self.0
    }

    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

#[test]
fn dropped_files_are_imported_and_the_others_explained() {
    let (dir, path) = sample_copy();
    let mut h = app(Some(&path), dir.path(), ScriptedDialogs::default());
    let page = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/data/pages/tabloid.html");
    let notes = dir.path().join("notes.pdf");
    std::fs::write(&notes, b"%PDF-1.7").unwrap();
    let empty = dir.path().join("empty.txt");
    std::fs::write(&empty, b"").unwrap();
    for file in [page, notes.clone(), empty.clone()] {
        h.input_mut().dropped_files.push(Arc::new(Dropped(file)));
    }
    h.run();
    let p = project(&h);
    assert_eq!(p.articles.len(), 3);
    let a = &p.articles[2];
    assert_eq!(
        a.title,
        "Fury as council SCRAPS free parking for nurses at city hospital"
    );
    assert_eq!(a.outlet.as_deref(), Some("Daily Beacon"));
    assert_eq!(
        a.byline.as_deref(),
        Some("Gary Pollard For The Daily Beacon")
    );
    h.get_by_label("Some files were not added");
    h.get_by_label(&format!(
        "{}: Slant adds .txt, .md and .html files as articles (to open a project, use Open… in the File menu)\n{}: the file is empty (no text to import)",
        notes.display(),
        empty.display()
    ));
}

#[test]
fn the_title_follows_the_text_when_the_text_is_replaced() {
    let (dir, path) = sample_copy();
    let mut h = app(Some(&path), dir.path(), ScriptedDialogs::default());
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::N);
    h.run();
    replace_text(
        &mut h,
        "Article text",
        "Storm Knocks Out Power\n\nCrews worked overnight.",
    );
    let title = |h: &Harness<'_, SlantApp>| {
        h.get_by_label("Article title")
            .value()
            .unwrap_or_default()
            .to_string()
    };
    assert_eq!(title(&h), "Storm Knocks Out Power");
    // The whole text replaced by one whose first line is not a headline.
    replace_text(
        &mut h,
        "Article text",
        "The council voted on Monday to close the old library, after a long debate.",
    );
    assert_eq!(
        title(&h),
        "The council voted on Monday to close the old library, after a long debate."
    );
    // A title the person typed stays.
    replace_text(&mut h, "Article title", "Library vote");
    replace_text(&mut h, "Article text", "Something else entirely\n\nMore.");
    assert_eq!(title(&h), "Library vote");
}

/// Escape closes the text dialogs while they hold nothing the person typed (the keyboard is
/// never kept in them), and keeps them open over typed text, which only Cancel throws away.
#[test]
fn escape_closes_the_text_dialogs_unless_text_was_typed() {
    let (dir, path) = sample_copy();
    let mut h = app(Some(&path), dir.path(), ScriptedDialogs::default());
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::N);
    h.run();
    h.get_by_label("New article from text");
    h.key_press(Key::Escape);
    h.run();
    assert!(h.query_by_label("New article from text").is_none());
    h.key_press(Key::F2);
    h.run();
    let editing =
        |h: &Harness<'_, SlantApp>| h.query_by_label_contains("Edit the text of").is_some();
    assert!(editing(&h));
    h.key_press(Key::Escape);
    h.run();
    assert!(!editing(&h), "Escape closed the untouched text");
    h.key_press(Key::F2);
    h.run();
    h.get_by_label("Article text").type_text(" More.");
    h.run();
    h.key_press(Key::Escape);
    h.run();
    h.key_press(Key::Escape);
    h.run();
    assert!(editing(&h), "typed text is not thrown away by Escape");
    assert!(
        h.query_by_label_contains("Escape and a click outside keep this dialog")
            .is_some(),
        "and the dialog says why"
    );
    discard_the_typed_text(&mut h);
    assert!(!editing(&h));
    h.key_press(Key::J);
    h.run();
    assert_eq!(h.state().workspace.as_ref().unwrap().selected, Some(0));
}

/// Ctrl+Shift+N opens ready to type (the text box has the keyboard); a command key pressed
/// over typed text (F1, Ctrl+Shift+L, Ctrl+O, Ctrl+Q) neither acts nor replaces the dialog, and
/// Escape keeps a title typed alone.
#[test]
fn command_keys_in_a_dialog_keep_the_typing() {
    let (dir, path) = sample_copy();
    let mut h = app(Some(&path), dir.path(), ScriptedDialogs::default());
    // An unsaved tag, so that a quit would ask "Save changes?" in the dialog's place.
    h.key_press(Key::J);
    h.key_press(Key::Num2);
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::N);
    h.run();
    // Typed with no click: the keyboard is already in the text box.
    h.event(egui::Event::Text("Storm closes the port.".into()));
    h.run();
    let typed = |h: &Harness<'_, SlantApp>| {
        h.query_by_label("Article text")
            .and_then(|n| n.value())
            .unwrap_or_default()
    };
    assert_eq!(typed(&h), "Storm closes the port.");
    for (modifiers, key) in [
        (Modifiers::NONE, Key::F1),
        (Modifiers::COMMAND | Modifiers::SHIFT, Key::L),
        (Modifiers::COMMAND | Modifiers::SHIFT, Key::N),
        (Modifiers::COMMAND, Key::O),
        (Modifiers::COMMAND, Key::Q),
    ] {
        h.key_press_modifiers(modifiers, key);
        h.run();
        assert!(
            h.query_by_label("New article from text").is_some(),
            "{modifiers:?} {key:?} replaced the dialog"
        );
        assert_eq!(typed(&h), "Storm closes the port.", "after {key:?}");
    }
    // egui's own Ctrl+Q would close the window behind the dialog, whatever Slant's table says.
    h.event(key_event(Key::Q, Modifiers::COMMAND));
    h.step();
    let closing = h.output().viewport_output.values().any(|v| {
        v.commands
            .iter()
            .any(|c| matches!(c, egui::ViewportCommand::Close))
    });
    assert!(!closing, "Ctrl+Q in a dialog closed the window");
    h.run();
    discard_the_typed_text(&mut h);
    // A title typed alone is work too.
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::N);
    h.run();
    h.get_by_label("Article title").type_text("Port closed");
    h.run();
    h.key_press(Key::Escape);
    h.run();
    h.key_press(Key::Escape);
    h.run();
    assert!(
        h.query_by_label("New article from text").is_some(),
        "Escape threw away a typed title"
    );
}

/// Text that tidies to nothing (a soft hyphen) cannot be added as an article: the button stays
/// off, and a click on it neither adds an article nor crashes.
#[test]
fn text_that_tidies_to_nothing_is_no_article() {
    let (dir, path) = sample_copy();
    let mut h = app(Some(&path), dir.path(), ScriptedDialogs::default());
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::N);
    h.run();
    h.event(egui::Event::Text("\u{ad}".into()));
    h.run();
    h.get_by_label("Add article").click();
    h.run();
    assert_eq!(project(&h).articles.len(), 2);
    assert!(h.query_by_label("New article from text").is_some());
}

/// An article added, a third column shown for it, then the addition undone: two columns show
/// the two articles left (the third column stayed, showing the second article twice).
#[test]
fn undoing_an_added_article_takes_its_column_away() {
    let (dir, path) = sample_copy();
    let mut h = app(Some(&path), dir.path(), ScriptedDialogs::default());
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::N);
    h.run();
    h.event(egui::Event::Text(
        "Storm closes the port.\n\nShips wait offshore.".into(),
    ));
    h.run();
    h.get_by_label("Add article").click();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::Num3);
    h.run();
    let shown = |h: &Harness<'_, SlantApp>| -> Vec<usize> {
        let ws = h.state().workspace.as_ref().unwrap();
        ws.columns.iter().map(|c| c.article).collect()
    };
    assert_eq!(shown(&h).len(), 3);
    assert_eq!(h.state().document().unwrap().project.articles.len(), 3);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(h.state().document().unwrap().project.articles.len(), 2);
    assert_eq!(shown(&h), [0, 1]);
}
