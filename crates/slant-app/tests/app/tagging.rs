//! Tagging as a person does it: tag keys and the right-click menu, moving between sentences, undo that shows what it changes, a tag key before the reviewer's name, and loaded phrases dragged across words.

use crate::common::{add_reviewer, app, rivera, sample_copy};

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use slant_app::SlantApp;
use slant_app::dialogs::ScriptedDialogs;
use slant_core::model::Tag;
use slant_core::store;

pub(crate) fn tag_of(h: &Harness<SlantApp>, article: usize, sentence: usize) -> Option<Tag> {
    let doc = h.state().document().expect("a project is open");
    doc.project.articles[article]
        .annotation(&rivera(), sentence)
        .and_then(|a| a.tag)
}

pub(crate) const US_BOMBS: &str = "The U.S. contributed heavy bunker-buster bombs"; // article 1, sentence 6 (Fact)

pub(crate) const NBC_SAYS: &str = "According to NBC News, Israeli officials"; // article 2, sentence 3 (Fact)

#[test]
fn tag_with_keyboard_and_context_menu_then_undo_redo_save_and_reload() {
    let (dir, path) = sample_copy();
    let mut h = app(Some(&path), dir.path(), ScriptedDialogs::default());
    assert_eq!(h.state().title(), "class.ron — Slant");
    assert_eq!(tag_of(&h, 0, 5), Some(Tag::Fact));
    assert!(h.query_by_label("S Speculation: 9 (30%)").is_some());

    // Select a sentence by its text and tag it with the keyboard.
    h.get_by_label_contains(US_BOMBS).click();
    h.run();
    h.key_press(Key::Num3);
    h.run();
    assert_eq!(tag_of(&h, 0, 5), Some(Tag::Speculation));
    assert!(
        h.query_by_label("S Speculation: 10 (33%)").is_some(),
        "statistics follow"
    );
    assert!(h.query_by_label("F Fact: 10 (33%)").is_some());
    assert_eq!(h.state().title(), "● class.ron — Slant", "unsaved mark");

    // Tag another sentence through its context menu.
    h.get_by_label_contains(NBC_SAYS).click_secondary();
    h.run();
    h.get_by_label_contains("Tag as Loaded").click();
    h.run();
    assert_eq!(tag_of(&h, 1, 2), Some(Tag::Loaded));

    // Undo both, redo one.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(tag_of(&h, 1, 2), Some(Tag::Fact));
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(tag_of(&h, 0, 5), Some(Tag::Fact));
    assert_eq!(
        h.state().title(),
        "class.ron — Slant",
        "back to the saved state"
    );
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    h.run();
    assert_eq!(tag_of(&h, 0, 5), Some(Tag::Speculation));

    // Save, and the file holds exactly what the app shows.
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    assert_eq!(h.state().title(), "class.ron — Slant");
    let reloaded = store::load(&path).unwrap();
    assert_eq!(&reloaded, &h.state().document().unwrap().project);
    assert_eq!(
        reloaded.articles[0].annotation(&rivera(), 5).unwrap().tag,
        Some(Tag::Speculation)
    );
    assert!(store::backup_path(&path).exists());
}

#[test]
fn keyboard_moves_between_sentences_and_clears_tags() {
    let (dir, path) = sample_copy();
    let mut h = app(Some(&path), dir.path(), ScriptedDialogs::default());
    h.get_by_label_contains(US_BOMBS).click();
    h.run();
    h.key_press(Key::J);
    h.run();
    assert_eq!(h.state().workspace.as_ref().unwrap().selected, Some(6));
    h.key_press(Key::K);
    h.key_press(Key::K);
    h.run();
    assert_eq!(h.state().workspace.as_ref().unwrap().selected, Some(4));
    h.key_press(Key::Num0);
    h.run();
    assert_eq!(tag_of(&h, 0, 4), None);
    assert!(h.query_by_label("F Fact: 10 (33%)").is_some());
    // Tab goes to the next untagged sentence: the one just cleared, from the top.
    h.key_press(Key::J);
    h.run();
    h.key_press(Key::Tab);
    h.run();
    assert_eq!(h.state().workspace.as_ref().unwrap().selected, Some(4));
    h.key_press(Key::Q);
    h.run();
    assert_eq!(tag_of(&h, 0, 4), Some(Tag::Quote));
}

#[test]
fn a_tag_key_shows_in_the_same_frame() {
    let (dir, path) = sample_copy();
    let mut h = app(Some(&path), dir.path(), ScriptedDialogs::default());
    h.get_by_label_contains(US_BOMBS).click();
    h.run();
    h.key_press(Key::Num3);
    h.step(); // exactly one frame
    assert_eq!(tag_of(&h, 0, 5), Some(Tag::Speculation));
    assert!(
        h.query_by_label("S Speculation: 10 (33%)").is_some(),
        "the panel drawn in that frame"
    );
}

/// Undo and redo show what they change: the sentence is selected (and so scrolled to), and the
/// toolbar says what was undone, even when the change was far out of view.
#[test]
fn undo_shows_the_sentence_it_changes() {
    let (dir, path) = sample_copy();
    let mut h = app(Some(&path), dir.path(), ScriptedDialogs::default());
    h.key_press(Key::J);
    h.key_press(Key::Num2);
    h.run();
    for _ in 0..20 {
        h.key_press(Key::J);
    }
    h.run();
    let selected = |h: &Harness<SlantApp>| h.state().workspace.as_ref().unwrap().selected;
    assert_eq!(selected(&h), Some(20));
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(
        selected(&h),
        Some(0),
        "undo went to the sentence it changed"
    );
    h.get_by_label("Undone: Tag as Quote (sentence 1)");
    let tag = project_tag(&h, 0);
    assert_ne!(tag, Some(Tag::Quote));
    for _ in 0..5 {
        h.key_press(Key::J);
    }
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    h.run();
    assert_eq!(selected(&h), Some(0));
    h.get_by_label("Redone: Tag as Quote (sentence 1)");
    assert_eq!(project_tag(&h, 0), Some(Tag::Quote));
    // Another reviewer's tag, undone while M. Rivera tags, is said to be theirs.
    add_reviewer(&mut h, "Sam");
    h.key_press(Key::J);
    h.key_press(Key::Num3);
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::R);
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run_steps(12);
    h.get_by_label("Undone: Tag as Speculation (sentence 2; Sam’s tags, not yours)");
}

fn project_tag(h: &Harness<SlantApp>, sentence: usize) -> Option<Tag> {
    h.state().document().unwrap().project.articles[0]
        .annotation(&slant_core::model::ReviewerId::from("m-rivera"), sentence)
        .and_then(|a| a.tag)
}

/// A tag key pressed before anyone said who is tagging asks for the name, and then tags: the key
/// is not lost to the question (seen in the real window: Cancel, 1, a name, Enter, no tag).
#[test]
fn a_tag_key_before_the_name_tags_once_the_name_is_given() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.ron");
    let mut p = slant_core::model::Project::new("P", jiff::Timestamp::UNIX_EPOCH);
    p.articles.push(slant_core::model::Article::new(
        "a".into(),
        "A",
        "The council met on Monday. It voted.",
    ));
    slant_core::store::save(&p, &path).unwrap();
    let mut h = app(Some(&path), dir.path(), ScriptedDialogs::default());
    h.get_by_label("Cancel").click();
    h.run();
    h.key_press(Key::J);
    h.run();
    h.key_press(Key::Num1);
    h.run();
    h.get_by_label("Your name").type_text("Ann");
    h.run();
    h.key_press(Key::Enter);
    h.run();
    let doc = h.state().document().unwrap();
    let ann = &doc.project.reviewers[0].id;
    assert_eq!(
        doc.project.articles[0]
            .annotation(ann, 0)
            .and_then(|a| a.tag),
        Some(slant_core::model::Tag::Fact)
    );
}

#[test]
fn dragging_across_words_marks_a_loaded_phrase_and_again_unmarks_it() {
    let (dir, path) = sample_copy();
    let mut h = app(Some(&path), dir.path(), ScriptedDialogs::default());
    let phrases = |h: &Harness<SlantApp>| {
        let a = &h.state().document().unwrap().project.articles[0];
        a.annotation(&rivera(), 5).map_or(vec![], |x| {
            x.loaded_phrases
                .iter()
                .map(|p| a.slice(*p).to_owned())
                .collect::<Vec<_>>()
        })
    };
    assert!(phrases(&h).is_empty());
    let rect = h.get_by_label_contains(US_BOMBS).rect();
    let (from, to) = (
        rect.left_center() + egui::vec2(60.0, 0.0),
        rect.left_center() + egui::vec2(200.0, 0.0),
    );
    let drag = |h: &mut Harness<SlantApp>| {
        h.hover_at(from);
        h.run();
        h.drag_at(from);
        h.run();
        for k in 1..=8 {
            h.hover_at(from + (to - from) * (k as f32 / 8.0));
            h.run();
        }
        h.drop_at(to);
        h.run();
    };
    drag(&mut h);
    let marked = phrases(&h);
    assert_eq!(marked.len(), 1, "{marked:?}");
    let sentence = "The U.S. contributed heavy bunker-buster bombs to penetrate underground nuclear facilities.";
    let words: Vec<&str> = sentence.split(' ').collect();
    let phrase_words: Vec<&str> = marked[0].split(' ').collect();
    assert!(phrase_words.len() >= 2, "{marked:?}");
    assert!(
        words
            .windows(phrase_words.len())
            .any(|w| w == phrase_words.as_slice()),
        "whole words: {marked:?}"
    );
    assert_eq!(
        h.state().document().unwrap().undo_label(),
        Some("Mark loaded phrase")
    );
    drag(&mut h);
    assert!(phrases(&h).is_empty(), "the same drag unmarks it");
}
