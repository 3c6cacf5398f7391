//! Notes as a person types them: the box never keeps the keyboard, a note belongs to whoever
//! typed it, and a note being typed is an unsaved change.

use crate::common::{add_reviewer, app, key_event, rivera, sample_copy, words_refused};
use crate::saving::doc_note_before;
use crate::tagging::NBC_SAYS;

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use slant_app::SlantApp;
use slant_app::dialogs::ScriptedDialogs;
use slant_core::model::{ReviewerId, Tag};

const US_BOMBS: &str = "The U.S. contributed heavy bunker-buster bombs"; // article 1, sentence 6

pub(crate) fn note_of(
    h: &Harness<SlantApp>,
    reviewer: &ReviewerId,
    sentence: usize,
) -> Option<String> {
    h.state().document().unwrap().project.articles[0]
        .annotation(reviewer, sentence)
        .and_then(|a| a.note.clone())
}

pub(crate) fn tag_of(h: &Harness<SlantApp>, sentence: usize) -> Option<Tag> {
    h.state().document().unwrap().project.articles[0]
        .annotation(&rivera(), sentence)
        .and_then(|a| a.tag)
}

/// Selects the U.S.-bombs sentence, presses N and types `text` into the note box.
fn type_note(h: &mut Harness<SlantApp>, text: &str) {
    h.get_by_label_contains(US_BOMBS).click();
    h.run();
    h.key_press(Key::N);
    h.run();
    h.get_by_label("Note").type_text(text);
    h.run();
}

/// The sample open with the bunker-buster sentence (sentence 6, index 5) selected by keys.
pub(crate) fn at_the_bunker_buster_sentence() -> (tempfile::TempDir, Harness<'static, SlantApp>) {
    let (dir, path) = sample_copy();
    let mut h = app(Some(&path), dir.path(), ScriptedDialogs::default());
    for _ in 0..6 {
        h.key_press(Key::J);
    }
    h.run();
    (dir, h)
}

/// The loaded phrases of the first article's sentence `sentence`, as the text has them.
pub(crate) fn phrases_of(h: &Harness<SlantApp>, sentence: usize) -> Vec<String> {
    let article = &h.state().document().unwrap().project.articles[0];
    article
        .annotation(&rivera(), sentence)
        .map(|a| {
            a.loaded_phrases
                .iter()
                .map(|s| article.slice(*s).to_owned())
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn escape_leaves_the_note_box_and_the_tagging_keys_work_at_once() {
    let (dir, path) = sample_copy();
    let mut h = app(Some(&path), dir.path(), ScriptedDialogs::default());
    type_note(&mut h, "Named actor, checkable.");
    h.key_press(Key::Escape);
    h.run();
    h.key_press(Key::J);
    h.key_press(Key::Num2);
    h.run();
    assert_eq!(
        note_of(&h, &rivera(), 5).as_deref(),
        Some("Named actor, checkable."),
        "the note keeps what was typed, and no key after Escape"
    );
    assert_eq!(
        tag_of(&h, 6),
        Some(Tag::Quote),
        "J and 2 tagged the next sentence"
    );
    assert_eq!(
        h.state().document().unwrap().undo_label(),
        Some("Tag as Quote")
    );
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(
        h.state().document().unwrap().undo_label(),
        Some("Edit note"),
        "the whole note is one undo step"
    );
}

#[test]
fn a_click_elsewhere_leaves_the_note_box() {
    let (dir, path) = sample_copy();
    let mut h = app(Some(&path), dir.path(), ScriptedDialogs::default());
    type_note(&mut h, "Checkable.");
    h.get_by_label_contains("According to NBC News, Israeli officials")
        .click();
    h.run();
    h.key_press(Key::Num3);
    h.run();
    assert_eq!(note_of(&h, &rivera(), 5).as_deref(), Some("Checkable."));
    let doc = h.state().document().unwrap();
    let nbc = doc.project.articles[1].annotation(&rivera(), 2).unwrap();
    assert_eq!(nbc.tag, Some(Tag::Speculation));
    assert_eq!(nbc.note, None, "no key went into a note");
}

#[test]
fn a_note_being_typed_is_unsaved_and_quitting_asks() {
    let (dir, path) = sample_copy();
    let mut h = app(Some(&path), dir.path(), ScriptedDialogs::default());
    type_note(&mut h, "Half a thought");
    assert_eq!(
        h.state().title(),
        "● class.ron — Slant",
        "typing is an unsaved change"
    );
    h.key_press_modifiers(Modifiers::COMMAND, Key::Q);
    h.run();
    assert!(
        h.query_by_label("Save changes?").is_some(),
        "Ctrl+Q asks instead of losing the note"
    );
    h.get_by_label("Save").click();
    h.run();
    let saved = slant_core::store::load(&path).unwrap();
    assert_eq!(
        saved.articles[0]
            .annotation(&rivera(), 5)
            .and_then(|a| a.note.as_deref()),
        Some("Half a thought")
    );
}

#[test]
fn a_note_stays_with_its_reviewer_when_another_is_added() {
    let (dir, path) = sample_copy();
    let mut h = app(Some(&path), dir.path(), ScriptedDialogs::default());
    type_note(&mut h, "Rivera's reading");
    h.get_by_label("Edit").click();
    h.run();
    h.get_by_label("Add reviewer…").click();
    h.run();
    h.get_by_label("Your name").type_text("Bo");
    h.run();
    h.key_press(Key::Enter);
    h.run();
    let bo = h
        .state()
        .document()
        .unwrap()
        .project
        .find_reviewer("Bo")
        .expect("Bo was added")
        .id
        .clone();
    assert_eq!(
        note_of(&h, &rivera(), 5).as_deref(),
        Some("Rivera's reading")
    );
    assert_eq!(
        note_of(&h, &bo, 5),
        None,
        "the new reviewer has no one else's note"
    );
    // Bo's own note goes to Bo.
    h.key_press(Key::N);
    h.run();
    h.get_by_label("Note").type_text("Bo's");
    h.run();
    h.key_press(Key::Escape);
    h.run();
    assert_eq!(note_of(&h, &bo, 5).as_deref(), Some("Bo's"));
    assert_eq!(
        note_of(&h, &rivera(), 5).as_deref(),
        Some("Rivera's reading")
    );
}

#[test]
fn the_new_project_dialog_leaves_the_title_box_its_typing() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = app(None, dir.path(), ScriptedDialogs::default());
    h.key_press_modifiers(Modifiers::COMMAND, Key::N);
    h.run();
    let title = || egui::accesskit::Role::TextInput;
    h.get_by_role_and_label(title(), "Project title").click();
    h.run();
    h.get_by_role_and_label(title(), "Project title")
        .type_text(" for class 9B");
    h.run();
    h.get_by_label("Your name").click();
    h.run();
    h.get_by_label("Your name").type_text("Ann");
    h.run();
    h.key_press(Key::Enter);
    h.run();
    let doc = h.state().document().expect("the project was created");
    assert_eq!(doc.project.title, "Untitled project for class 9B");
    assert_eq!(doc.project.reviewers[0].name, "Ann");
}

#[test]
fn n_types_after_the_note_already_there_not_where_another_notes_cursor_was() {
    let (dir, path) = sample_copy();
    let mut h = app(Some(&path), dir.path(), ScriptedDialogs::default());
    // A note typed on one sentence leaves its cursor after three characters…
    type_note(&mut h, "ZZZ");
    h.key_press(Key::Escape);
    h.run();
    // … and N on another sentence with a longer note types at that note's end.
    h.key_press(Key::K);
    h.key_press(Key::K);
    h.run();
    let before = note_of(&h, &rivera(), 3).expect("sentence 4 has a note");
    h.key_press(Key::N);
    h.run();
    h.get_by_label("Note").type_text("QQ");
    h.run();
    h.key_press(Key::Escape);
    h.run();
    assert_eq!(note_of(&h, &rivera(), 3), Some(format!("{before}QQ")));
    assert_eq!(note_of(&h, &rivera(), 5).as_deref(), Some("ZZZ"));
}

/// Tab out of the note box, or Shift+Tab onto the controls, leaves focus on a button, which
/// shows it: J and the tag keys still work, and a sentence never takes the focus unseen.
#[test]
fn tab_out_of_the_note_box_keeps_the_tagging_keys() {
    let (dir, path) = sample_copy();
    let mut h = app(Some(&path), dir.path(), ScriptedDialogs::default());
    type_note(&mut h, "Named actor.");
    h.key_press(Key::Tab);
    h.run();
    h.key_press(Key::J);
    h.key_press(Key::Num2);
    h.run();
    assert_eq!(note_of(&h, &rivera(), 5).as_deref(), Some("Named actor."));
    assert_eq!(
        tag_of(&h, 6),
        Some(Tag::Quote),
        "J and 2 tagged the next sentence"
    );
    for _ in 0..3 {
        h.key_press_modifiers(Modifiers::SHIFT, Key::Tab);
        h.run();
    }
    h.key_press(Key::J);
    h.key_press(Key::S);
    h.run();
    assert_eq!(
        h.state().workspace.as_ref().unwrap().selected,
        Some(7),
        "J after Shift+Tab"
    );
    assert_eq!(tag_of(&h, 7), Some(Tag::Speculation));
}

/// P marks a loaded phrase without the mouse: the typed words of the selected sentence become a
/// phrase, words that are not there are said so in the dialog, and the same words again unmark.
#[test]
fn p_marks_a_loaded_phrase_from_the_keyboard() {
    let (_dir, mut h) = at_the_bunker_buster_sentence();
    let phrases = |h: &Harness<SlantApp>| phrases_of(h, 5);
    let before = phrases(&h);
    assert!(!before.iter().any(|p| p == "heavy bunker-buster"));
    h.key_press(Key::P);
    h.run();
    h.get_by_label("Mark a loaded phrase");
    // The keyboard is in the box at once.
    h.event(egui::Event::Text("Heavy Bunker-Buster".into()));
    h.run();
    h.key_press(Key::Enter);
    h.run();
    assert!(h.query_by_label("Mark a loaded phrase").is_none());
    let after = phrases(&h);
    assert!(
        after.iter().any(|p| p == "heavy bunker-buster"),
        "marked as the sentence has it: {after:?}"
    );
    // Words not there, or only inside other words, are said so.
    for typed in ["zebra", "unker-buster"] {
        words_refused(
            &mut h,
            |h| h.key_press(Key::P),
            typed,
            &format!("“{typed}” is not in this sentence as whole words."),
            "Mark a loaded phrase",
        );
    }
    // Words over a marked phrase join it, never unmark it.
    h.key_press(Key::P);
    h.run();
    h.event(egui::Event::Text("bunker-buster bombs".into()));
    h.run();
    h.key_press(Key::Enter);
    h.run();
    let joined = phrases(&h);
    assert!(
        joined.iter().any(|p| p == "heavy bunker-buster bombs"),
        "{joined:?}"
    );
    assert!(!joined.iter().any(|p| p == "heavy bunker-buster"));
    h.key_press(Key::P);
    h.run();
    h.event(egui::Event::Text("heavy bunker-buster bombs".into()));
    h.run();
    h.key_press(Key::Enter);
    h.run();
    assert_eq!(phrases(&h), before, "the same words again unmark them");
    assert_eq!(
        h.state().document().unwrap().undo_label(),
        Some("Unmark loaded phrase")
    );
}

/// Types `text` as a keyboard does: each letter a key press and then its text.
fn type_keys(h: &mut Harness<SlantApp>, text: &str) {
    for c in text.chars() {
        if let Some(key) = egui::Key::from_name(&c.to_string()) {
            h.key_press(key);
        }
        h.event(egui::Event::Text(c.to_string()));
        h.run();
    }
}

/// Ctrl+R typed in the note box keeps the keyboard in the note box (now the other reviewer's):
/// the letters typed next are text, never tags; the first reviewer's note keeps what was typed.
#[test]
fn next_reviewer_from_the_note_box_keeps_typing_text() {
    let (dir, path) = sample_copy();
    let mut h = app(Some(&path), dir.path(), ScriptedDialogs::default());
    add_reviewer(&mut h, "Kim");
    let kim = ReviewerId::from("kim");
    h.key_press_modifiers(Modifiers::COMMAND, Key::R);
    h.run();
    type_note(&mut h, "abc");
    h.key_press_modifiers(Modifiers::COMMAND, Key::R);
    h.run();
    type_keys(&mut h, "slow");
    h.key_press(Key::Escape);
    h.run();
    assert_eq!(note_of(&h, &rivera(), 5).as_deref(), Some("abc"));
    let article = &h.state().document().unwrap().project.articles[0];
    assert_eq!(
        article.annotation(&kim, 5).and_then(|a| a.tag),
        None,
        "no letter became a tag of Kim's"
    );
    assert_eq!(note_of(&h, &kim, 5).as_deref(), Some("slow"));
}

/// With a menu open (F10), letters are the menu's: S does not tag the sentence behind it.
#[test]
fn letters_with_a_menu_open_tag_nothing() {
    let (dir, path) = sample_copy();
    let mut h = app(Some(&path), dir.path(), ScriptedDialogs::default());
    h.key_press(Key::J);
    h.run();
    let before = h
        .state()
        .document()
        .unwrap()
        .undo_label()
        .map(str::to_owned);
    h.key_press(Key::F10);
    h.run();
    h.key_press(Key::S);
    h.key_press(Key::Num4);
    h.run();
    assert_eq!(
        h.state()
            .document()
            .unwrap()
            .undo_label()
            .map(str::to_owned),
        before,
        "nothing tagged behind the menu"
    );
    h.key_press(Key::Escape);
    h.run();
    h.key_press(Key::S);
    h.run();
    assert_eq!(
        h.state().document().unwrap().undo_label(),
        Some("Tag as Speculation")
    );
}

/// Enter finishes a note (the keys after it tag again); Shift+Enter starts a new line in it.
#[test]
fn enter_leaves_the_note_box_and_shift_enter_starts_a_line() {
    let (dir, path) = sample_copy();
    let mut h = app(Some(&path), dir.path(), ScriptedDialogs::default());
    type_note(&mut h, "Named actor");
    // Shift pressed and let go within the frame, as xdotool and fast hands do: the Enter event
    // carries Shift, the frame's modifiers do not.
    h.input_mut()
        .events
        .push(key_event(Key::Enter, Modifiers::SHIFT));
    h.run();
    h.event(egui::Event::Text("checkable".into()));
    h.run();
    h.key_press(Key::Enter);
    h.run();
    type_keys(&mut h, "j2");
    assert_eq!(
        note_of(&h, &rivera(), 5).as_deref(),
        Some("Named actor\ncheckable"),
        "the note keeps its two lines and nothing typed after Enter"
    );
    assert_eq!(
        tag_of(&h, 6),
        Some(Tag::Quote),
        "J and 2 tagged the next sentence"
    );
}

/// After the dialog says the words are not in the sentence, the keyboard edits them where they
/// end, as before: new letters follow the last and Backspace takes the last (seen in the real
/// window: "zz", Enter, then a b c d gave "zzbcda").
#[test]
fn after_words_not_found_the_keyboard_goes_on_at_their_end() {
    let (_dir, mut h) = at_the_bunker_buster_sentence();
    h.key_press(Key::P);
    h.run();
    type_keys(&mut h, "zebra");
    h.run();
    h.key_press(Key::Enter);
    h.run();
    h.get_by_label("“zebra” is not in this sentence as whole words.");
    // The message goes with the first letter; the box stays the same box, its cursor at the end.
    type_keys(&mut h, "ic");
    h.run();
    h.key_press(Key::Backspace);
    h.run();
    type_keys(&mut h, "n");
    h.run();
    assert_eq!(
        h.get_by_label("Words to mark").value().as_deref(),
        Some("zebrain")
    );
}

/// Emoji typed into a note (or pasted in an article) are drawn, not as empty boxes: the app's
/// fonts hold them (egui's black-and-white emoji fonts). Faces newer than those fonts (🙂, 🤔)
/// still show as a box; the note keeps them byte for byte either way.
#[test]
fn the_apps_fonts_draw_common_emoji() {
    let (dir, path) = sample_copy();
    let h = app(Some(&path), dir.path(), ScriptedDialogs::default());
    let font = egui::FontId::proportional(14.0);
    for emoji in ['🚀', '👍', '❤', '😀', '😂', '🔥', '✅', '⚠', '🎉'] {
        assert!(
            h.ctx.fonts_mut(|f| f.has_glyph(&font, emoji)),
            "{emoji} has no glyph"
        );
    }
}

#[test]
fn a_note_typed_in_the_panel_is_stored_and_undoable() {
    let (dir, path) = sample_copy();
    let mut h = app(Some(&path), dir.path(), ScriptedDialogs::default());
    h.get_by_label_contains(US_BOMBS).click();
    h.run();
    h.get_by_label("Note").focus();
    h.run();
    h.get_by_label("Note")
        .type_text("Checkable: named actor and weapon.");
    h.run();
    h.get_by_label_contains(NBC_SAYS).click(); // leaving the box stores the note
    h.run();
    let doc = h.state().document().unwrap();
    let note = doc.project.articles[0]
        .annotation(&rivera(), 5)
        .unwrap()
        .note
        .clone();
    assert_eq!(note.as_deref(), Some("Checkable: named actor and weapon."));
    assert_eq!(doc.undo_label(), Some("Edit note"));
}

/// A dialog opened and closed in the middle of a note (Ctrl+W then Escape, F1 then Escape)
/// gives the keyboard back to the note: in the real window the next letters were taken as
/// tag keys, and `s` re-tagged the sentence while the person thought they were typing.
#[test]
fn a_dialog_in_the_middle_of_a_note_gives_the_keyboard_back_to_it() {
    let (dir, path) = sample_copy();
    let mut h = app(Some(&path), dir.path(), ScriptedDialogs::default());
    h.get_by_label_contains(US_BOMBS).click();
    h.run();
    let tag = tag_of(&h, 5);
    h.key_press(Key::N);
    h.run();
    h.event(egui::Event::Text("first".into()));
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::W);
    h.run();
    h.get_by_label("Save changes?");
    h.key_press(Key::Escape);
    h.run();
    h.event(egui::Event::Text(" sq".into()));
    h.run();
    h.key_press(Key::F1);
    h.run();
    h.key_press(Key::Escape);
    h.run();
    h.event(egui::Event::Text(" end".into()));
    h.run();
    h.key_press(Key::Enter);
    h.run();
    assert_eq!(tag_of(&h, 5), tag, "no letter was taken for a tag key");
    let doc = h.state().document().unwrap();
    let note = doc.project.articles[0]
        .annotation(&rivera(), 5)
        .unwrap()
        .note
        .clone();
    assert!(
        note.as_deref().is_some_and(|n| n.ends_with("first sq end")),
        "{note:?}"
    );
    // One note typed through two dialogs is one edit: one undo takes it all back (it took
    // three, one per piece).
    let before = doc_note_before(&path);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    let doc = h.state().document().unwrap();
    assert_eq!(
        doc.project.articles[0]
            .annotation(&rivera(), 5)
            .and_then(|a| a.note.clone()),
        before
    );
}

/// F10 in the middle of a note: when the menus close (Escape), or when the dialog an item
/// opened closes (one Escape), the keyboard is back in the note, so the letters typed next are
/// the note's and never tags or commands (an "m" typed on turned compare mode on).
#[test]
fn f10_over_a_note_gives_the_keyboard_back_to_it() {
    let (dir, path) = sample_copy();
    let mut h = app(Some(&path), dir.path(), ScriptedDialogs::default());
    type_note(&mut h, "abc");
    h.key_press(Key::F10);
    h.run();
    h.key_press(Key::Escape);
    h.run();
    h.run();
    type_keys(&mut h, "dm");
    // Through a menu item's dialog: Edit ▸ Split the sentence…, then Escape.
    h.key_press(Key::F10);
    h.run();
    h.key_press(Key::Tab);
    h.run();
    h.get_by_label_contains("Split the sentence…").click();
    h.run();
    h.get_by_label("Split the sentence");
    h.key_press(Key::Escape);
    h.run();
    assert!(h.query_by_label("Split the sentence").is_none());
    h.run();
    type_keys(&mut h, "q");
    h.key_press(Key::Escape);
    h.run();
    assert_eq!(note_of(&h, &rivera(), 5).as_deref(), Some("abcdmq"));
    assert!(!h.state().settings.compare, "m was typed, not pressed");
    assert_eq!(tag_of(&h, 5), Some(Tag::Fact), "q tagged nothing");
}
