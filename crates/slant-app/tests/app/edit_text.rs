//! Editing an article's text after tagging, driven through the real app: annotations follow their
//! sentences; those that cannot are listed, then placed or discarded; undo keeps the selection,
//! and a note being typed stays with its sentence.

use crate::common;

use common::{app, project, replace_text, rivera, sample_copy};
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use slant_app::SlantApp;
use slant_app::dialogs::ScriptedDialogs;
use slant_core::model::Tag;

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

/// Undoing and redoing a text edit keep the selection on its sentence, as the edit does.
#[test]
fn undo_and_redo_of_a_text_edit_keep_the_selection_on_its_sentence() {
    let (_dir, mut h, before, edited) = sample_without_its_fourth_sentence();
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
    let (_dir, mut h, before, edited) = sample_without_its_fourth_sentence();
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

/// The sample open, its first article as it was, and that article's text without its fourth
/// sentence, for a test to apply by Edit article text….
fn sample_without_its_fourth_sentence() -> (
    tempfile::TempDir,
    Harness<'static, SlantApp>,
    slant_core::model::Article,
    String,
) {
    let (dir, path) = sample_copy();
    let h = app(Some(&path), dir.path(), ScriptedDialogs::default());
    let before = project(&h).articles[0].clone();
    let removed = before.sentence_text(3).to_owned();
    let edited = before.text.replacen(&format!("{removed} "), "", 1);
    (dir, h, before, edited)
}
