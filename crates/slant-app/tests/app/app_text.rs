//! Getting text into the app and changing it, driven through the real app: pasting a new
//! article, dropping files on the window, editing an article's text after tagging (annotations
//! follow their sentences; those that cannot are listed, then placed or discarded), and saving
//! over a file another program changed.

use crate::common;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use common::{app, key_event, rivera, sample_copy};
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use slant_app::SlantApp;
use slant_app::dialogs::ScriptedDialogs;
use slant_core::model::{Project, Tag};
use slant_core::store;

fn project<'a>(h: &'a Harness<'_, SlantApp>) -> &'a Project {
    &h.state().document().expect("a project is open").project
}

/// Replaces everything in the focused text box with `text`, as a person selecting all and
/// typing (or pasting) would.
fn replace_text(h: &mut Harness<'_, SlantApp>, label: &str, text: &str) {
    h.get_by_label(label).focus();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.run();
    h.get_by_label(label).type_text(text);
    h.run();
}

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
fn editing_the_text_keeps_tags_on_their_sentences_and_lists_the_rest() {
    let (dir, path) = sample_copy();
    let mut h = app(Some(&path), dir.path(), ScriptedDialogs::default());
    let before = project(&h).articles[0].clone();
    let tags: Vec<Option<Tag>> = (0..before.sentences.len())
        .map(|i| before.annotation(&rivera(), i).and_then(|a| a.tag))
        .collect();
    // Delete sentence 4 and fix a word in sentence 6.
    let removed = before.sentence_text(3).to_owned();
    let edited = before
        .text
        .replacen(&format!("{removed} "), "", 1)
        .replacen("heavy bunker-buster bombs", "heavy bunker-busting bombs", 1);
    assert_ne!(edited, before.text);
    // Sentence 5 is selected: after the edit it is sentence 4, and still selected.
    h.get_by_label_contains(&before.sentence_text(4)[..40])
        .click();
    h.run();
    assert_eq!(h.state().workspace.as_ref().unwrap().selected, Some(4));

    edit_the_text(&mut h, &edited);
    assert_eq!(
        h.state().workspace.as_ref().unwrap().selected,
        Some(3),
        "the selection follows its sentence"
    );

    let after = project(&h).articles[0].clone();
    assert_eq!(after.text, edited);
    assert_eq!(after.sentences.len(), before.sentences.len() - 1);
    for (new, old) in (0..after.sentences.len()).map(|i| (i, if i < 3 { i } else { i + 1 })) {
        assert_eq!(
            after.annotation(&rivera(), new).and_then(|a| a.tag),
            tags[old],
            "sentence {} kept the tag of old sentence {}",
            new + 1,
            old + 1
        );
    }
    assert_eq!(after.unplaced.len(), 1);
    assert_eq!(after.unplaced[0].sentence, removed);
    assert_eq!(after.unplaced[0].annotation.tag, tags[3]);
    h.get_by_label("Without a sentence (1)");

    // Put it on a sentence: select one, then "Put on selected sentence". Its note joins the
    // sentence's; loaded phrases the sentence does not contain stay listed, then are discarded.
    let lost = after.unplaced[0].clone();
    h.get_by_label_contains(&after.sentence_text(2)[..40])
        .click();
    h.run();
    h.get_by_label("Put on selected sentence").click();
    h.run();
    let placed = project(&h).articles[0].clone();
    let target = placed.annotation(&rivera(), 2).unwrap();
    if let Some(note) = &lost.annotation.note {
        assert!(
            target
                .note
                .as_deref()
                .unwrap_or_default()
                .contains(note.as_str())
        );
    }
    let mut steps = 2;
    if let Some(rest) = placed.unplaced.first() {
        assert_eq!(
            rest.annotation,
            Default::default(),
            "only phrases stay listed"
        );
        assert!(!rest.phrases.is_empty());
        h.get_by_label("Discard").click();
        h.run();
        steps += 1;
    }
    assert!(project(&h).articles[0].unplaced.is_empty());
    assert!(h.query_by_label_contains("Without a sentence").is_none());
    // Undo each step: the text and every annotation are as they were.
    for _ in 0..steps {
        h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
        h.run();
    }
    assert_eq!(project(&h).articles[0], before);
}

#[test]
fn saving_over_a_file_changed_on_disk_asks_first() {
    let (dir, path) = sample_copy();
    let mut h = app(Some(&path), dir.path(), ScriptedDialogs::default());
    h.key_press(Key::J);
    h.run();
    h.key_press(Key::Num1);
    h.run();
    assert!(h.state().document().unwrap().is_dirty());
    // Another copy of Slant saves the same file meanwhile.
    let mut theirs = store::load(&path).unwrap();
    theirs.title = "Edited elsewhere".into();
    store::save(&theirs, &path).unwrap();

    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    h.get_by_label("The file changed on disk");
    assert_eq!(
        store::load(&path).unwrap().title,
        "Edited elsewhere",
        "not overwritten"
    );
    h.get_by_label("Cancel").click();
    h.run();
    assert!(h.state().document().unwrap().is_dirty(), "still unsaved");

    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    h.get_by_label("Overwrite").click();
    h.run();
    let saved = store::load(&path).unwrap();
    assert_eq!(saved.title, project(&h).title);
    assert_eq!(
        saved.articles[0]
            .annotation(&rivera(), 0)
            .and_then(|a| a.tag),
        Some(Tag::Fact)
    );
    assert!(!h.state().document().unwrap().is_dirty());
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

/// Ctrl+Z typed in the Edit text dialog undoes the typing, not the tag behind the dialog.
#[test]
fn undo_in_a_text_dialog_leaves_the_project_alone() {
    let (dir, path) = sample_copy();
    let mut h = app(Some(&path), dir.path(), ScriptedDialogs::default());
    h.key_press(Key::J);
    h.key_press(Key::Num2);
    h.run();
    h.key_press(Key::F2);
    h.run();
    h.get_by_label("Article text").type_text("EEE");
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    let tag = project(&h).articles[0]
        .annotation(&rivera(), 0)
        .and_then(|a| a.tag);
    assert_eq!(tag, Some(Tag::Quote), "the tag behind the dialog stays");
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

/// A listed annotation put on a sentence with another tag: the sentence keeps its tag, the
/// listed tag stays listed, and the toolbar says so (it used to vanish, with the file saved
/// without it).
#[test]
fn a_listed_tag_put_on_a_tagged_sentence_stays_listed() {
    let (dir, path) = sample_copy();
    let mut h = app(Some(&path), dir.path(), ScriptedDialogs::default());
    let before = project(&h).articles[0].clone();
    let headline_tag = before.annotation(&rivera(), 0).and_then(|a| a.tag);
    let second_tag = before.annotation(&rivera(), 1).and_then(|a| a.tag);
    assert!(headline_tag.is_some() && second_tag.is_some() && headline_tag != second_tag);
    let headline = before.sentence_text(0).to_owned();
    let edited = before
        .text
        .replacen(&headline, "", 1)
        .trim_start()
        .to_owned();
    edit_the_text(&mut h, &edited);
    let after = project(&h).articles[0].clone();
    assert_eq!(after.unplaced.len(), 1);
    h.get_by_label_contains(&after.sentence_text(0)[..40])
        .click();
    h.run();
    h.get_by_label("Put on selected sentence").click();
    h.run();
    let placed = project(&h).articles[0].clone();
    assert_eq!(
        placed.annotation(&rivera(), 0).and_then(|a| a.tag),
        second_tag
    );
    assert_eq!(placed.unplaced.len(), 1);
    assert_eq!(placed.unplaced[0].annotation.tag, headline_tag);
    assert!(
        h.query_by_label_contains("keeps its tag").is_some(),
        "the toolbar says why"
    );
}

/// Work saved here and then written over by another window is not left without a word: quitting
/// asks, as for unsaved changes, and Save offers to replace the other version.
#[test]
fn quitting_after_another_window_wrote_over_this_ones_work_asks() {
    let (dir, path) = sample_copy();
    let mut h = app(Some(&path), dir.path(), ScriptedDialogs::default());
    h.key_press(Key::J);
    h.run();
    h.key_press(Key::Num2);
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    assert!(!h.state().document().unwrap().is_dirty());
    // Another window, opened on the same file before this one saved, chooses Overwrite.
    let mut theirs = store::load(&path).unwrap();
    theirs.title = "The other window's".into();
    store::save(&theirs, &path).unwrap();
    h.key_press_modifiers(Modifiers::COMMAND, Key::Q);
    h.run();
    assert!(
        h.query_by_label_contains("this window's work is no longer in the file")
            .is_some()
    );
    h.get_by_label("Save").click();
    h.run();
    h.get_by_label("The file changed on disk");
    h.get_by_label("Overwrite").click();
    h.run();
    assert_eq!(
        store::load(&path).unwrap().articles[0]
            .annotation(&rivera(), 0)
            .and_then(|a| a.tag),
        Some(Tag::Quote)
    );
}

/// Undoing and redoing a text edit keep the selection on its sentence, as the edit does.
#[test]
fn undo_and_redo_of_a_text_edit_keep_the_selection_on_its_sentence() {
    let (dir, path) = sample_copy();
    let mut h = app(Some(&path), dir.path(), ScriptedDialogs::default());
    let before = project(&h).articles[0].clone();
    let removed = before.sentence_text(3).to_owned();
    let edited = before.text.replacen(&format!("{removed} "), "", 1);
    h.get_by_label_contains(&before.sentence_text(4)[..40])
        .click();
    h.run();
    edit_the_text(&mut h, &edited);
    let selected = |h: &Harness<'_, SlantApp>| h.state().workspace.as_ref().unwrap().selected;
    assert_eq!(selected(&h), Some(3));
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(project(&h).articles[0].text, before.text);
    assert_eq!(selected(&h), Some(4), "undo: back on the same sentence");
    h.key_press_modifiers(Modifiers::COMMAND, Key::Y);
    h.run();
    assert_eq!(selected(&h), Some(3), "redo: still on it");
}

/// A note box open on a sentence that the text edit then deletes does not take the keyboard
/// afterwards: the next sentence selected gets the tag key, not a stray letter in its note.
#[test]
fn a_note_open_on_a_sentence_the_edit_deletes_does_not_take_the_next_keys() {
    let (dir, path) = sample_copy();
    let mut h = app(Some(&path), dir.path(), ScriptedDialogs::default());
    let before = project(&h).articles[0].clone();
    // A sentence with only a tag: cleared, it loses nothing when deleted, so no message shows.
    let k = (1..before.sentences.len() - 1)
        .find(|&i| {
            before.annotation(&rivera(), i).is_some_and(|a| {
                a.note.is_none() && a.loaded_phrases.is_empty() && a.suggestion.is_none()
            }) && before.sentence_text(i).len() > 40
                && before
                    .text
                    .contains(&format!("{} ", before.sentence_text(i)))
        })
        .expect("a sentence with only a tag");
    let removed = before.sentence_text(k).to_owned();
    let edited = before.text.replacen(&format!("{removed} "), "", 1);
    h.get_by_label_contains(&removed[..40]).click();
    h.run();
    h.key_press(Key::Num0);
    h.run();
    assert!(project(&h).articles[0].annotation(&rivera(), k).is_none());
    h.key_press(Key::N);
    h.run();
    h.key_press(Key::F2);
    h.run();
    replace_text(&mut h, "Article text", &edited);
    h.get_by_label("Apply").click();
    h.run();
    assert!(
        h.query_by_label("Some annotations lost their sentence")
            .is_none()
    );
    h.key_press(Key::J);
    h.run();
    let selected = h.state().workspace.as_ref().unwrap().selected.unwrap();
    let note = |h: &Harness<'_, SlantApp>| {
        project(h).articles[0]
            .annotation(&rivera(), selected)
            .and_then(|a| a.note.clone())
    };
    let note_before = note(&h);
    h.key_press(Key::S);
    h.run();
    h.key_press(Key::J);
    h.run();
    let after = project(&h).articles[0]
        .annotation(&rivera(), selected)
        .unwrap();
    assert_eq!(
        after.tag,
        Some(Tag::Speculation),
        "S tagged the selected sentence"
    );
    assert_eq!(note(&h), note_before, "nothing was typed into its note");
}

/// Edit ▸ Edit article text…, the whole text replaced by `edited`, Apply, and OK to the message
/// that some annotations lost their sentence.
fn edit_the_text(h: &mut Harness<'static, SlantApp>, edited: &str) {
    h.get_by_label("Edit").click();
    h.run();
    h.get_by_label_contains("Edit article text…").click();
    h.run();
    replace_text(h, "Article text", edited);
    h.get_by_label("Apply").click();
    h.run();
    h.get_by_label("Some annotations lost their sentence");
    h.get_by_label("OK").click();
    h.run();
}

/// F2 pressed in the middle of a note (it works while typing), a sentence above deleted in the
/// dialog: the note typed stays with its sentence, now one place up, and no other sentence gets
/// it.
#[test]
fn a_note_being_typed_when_the_text_is_edited_stays_with_its_sentence() {
    let (dir, path) = sample_copy();
    let mut h = app(Some(&path), dir.path(), ScriptedDialogs::default());
    let before = project(&h).articles[0].clone();
    let removed = before.sentence_text(3).to_owned();
    let edited = before.text.replacen(&format!("{removed} "), "", 1);
    let chosen = before.sentence_text(5).to_owned();
    h.get_by_label_contains(&chosen[..40]).click();
    h.run();
    h.key_press(Key::N);
    h.run();
    h.get_by_label("Note").type_text("check the tonnage");
    h.run();
    h.key_press(Key::F2);
    h.run();
    replace_text(&mut h, "Article text", &edited);
    h.get_by_label("Apply").click();
    h.run();
    if h.query_by_label("OK").is_some() {
        h.get_by_label("OK").click();
        h.run();
    }
    h.key_press(Key::Escape);
    h.run();
    let a = &project(&h).articles[0];
    let with_note: Vec<(usize, String)> = (0..a.sentences.len())
        .filter_map(|s| {
            a.annotation(&rivera(), s)
                .and_then(|x| x.note.clone())
                .filter(|n| n.contains("tonnage"))
                .map(|n| (s, n))
        })
        .collect();
    assert_eq!(with_note, [(4, "check the tonnage".to_owned())]);
    assert_eq!(a.sentence_text(4), chosen);
}
