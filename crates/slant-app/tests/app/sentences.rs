//! Splitting and merging sentences, where the splitter got them wrong: by the right-click menu,
//! and by the keyboard alone (Edit ▸ Split the sentence…, Shift+S; Edit ▸ Merge with the next
//! sentence, Shift+M), with the selection and a note being typed kept on their own sentence.

use crate::common::{
    add_reviewer, app, handout, rivera, sample_copy, student_tags_the_first_sentence, words_refused,
};
use crate::notes::at_the_bunker_buster_sentence;
use crate::tagging::{US_BOMBS, tag_of};

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use slant_app::SlantApp;
use slant_app::dialogs::ScriptedDialogs;
use slant_core::model::Tag;

fn count(h: &Harness<SlantApp>) -> usize {
    h.state().document().unwrap().project.articles[0]
        .sentences
        .len()
}

fn text_of(h: &Harness<SlantApp>, sentence: usize) -> String {
    h.state().document().unwrap().project.articles[0]
        .sentence_text(sentence)
        .to_owned()
}

fn selected(h: &Harness<SlantApp>) -> Option<usize> {
    h.state().workspace.as_ref().unwrap().selected
}

#[test]
fn split_and_merge_from_the_context_menu() {
    let (dir, path) = sample_copy();
    let mut h = app(Some(&path), dir.path(), ScriptedDialogs::default());
    let count = |h: &Harness<SlantApp>| {
        h.state().document().unwrap().project.articles[0]
            .sentences
            .len()
    };
    assert_eq!(count(&h), 30);
    let rect = h.get_by_label_contains(US_BOMBS).rect();
    h.hover_at(rect.center());
    h.run();
    h.get_by_label_contains(US_BOMBS).click_secondary();
    h.run();
    h.get_by_label("Split sentence here").click();
    h.run();
    assert_eq!(count(&h), 31);
    let a = &h.state().document().unwrap().project.articles[0];
    assert!(a.sentence_text(5).starts_with("The U.S."));
    assert_eq!(
        a.annotation(&rivera(), 5).unwrap().tag,
        Some(Tag::Fact),
        "the tag stays with the first part"
    );
    h.get_by_label_contains(a.sentence_text(5))
        .click_secondary();
    h.run();
    h.get_by_label("Merge with next").click();
    h.run();
    assert_eq!(count(&h), 30);
    assert_eq!(
        h.state().document().unwrap().project.articles[0].sentence_text(5),
        US_BOMBS.to_owned() + " to penetrate underground nuclear facilities."
    );
}

/// A student who never touches the mouse mends a sentence: Shift+S, the words the second part
/// starts with, Enter; Shift+M joins them again; each is one undo step.
#[test]
fn split_and_merge_with_the_keyboard_alone() {
    let (_dir, mut h) = at_the_bunker_buster_sentence();
    assert_eq!(selected(&h), Some(5));
    let whole = text_of(&h, 5);
    assert!(whole.starts_with(US_BOMBS), "{whole}");
    h.key_press_modifiers(Modifiers::SHIFT, Key::S);
    h.run();
    h.get_by_label("Split the sentence");
    // The keyboard is in the box at once; the two parts show before anything is split.
    h.event(egui::Event::Text("To Penetrate".into()));
    h.run();
    h.get_by_label(&format!("First: {US_BOMBS}"));
    h.get_by_label("Second: to penetrate underground nuclear facilities.");
    assert_eq!(count(&h), 30, "nothing is split before Enter");
    h.key_press(Key::Enter);
    h.run();
    assert!(h.query_by_label("Split the sentence").is_none());
    assert_eq!(count(&h), 31);
    assert_eq!(text_of(&h, 5), US_BOMBS);
    assert_eq!(
        text_of(&h, 6),
        "to penetrate underground nuclear facilities."
    );
    assert_eq!(selected(&h), Some(5), "the first part stays selected");
    assert_eq!(tag_of(&h, 0, 5), Some(Tag::Fact), "its tag stays with it");
    // The tag keys work at once, on the first part.
    h.key_press(Key::J);
    h.key_press(Key::Num3);
    h.run();
    assert_eq!(tag_of(&h, 0, 6), Some(Tag::Speculation));
    h.key_press(Key::K);
    h.run();
    h.key_press_modifiers(Modifiers::SHIFT, Key::M);
    h.run();
    assert_eq!(count(&h), 30);
    assert_eq!(text_of(&h, 5), whole, "merged back, byte for byte");
    assert_eq!(selected(&h), Some(5));
    assert_eq!(
        h.state().document().unwrap().undo_label(),
        Some("Merge sentences")
    );
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(count(&h), 31, "one undo takes the merge back");
}

/// Words that are not in the sentence, or only inside a word, or at its very start, are said
/// so as they are typed and again at Enter, and nothing is split; Escape closes the dialog.
#[test]
fn the_split_dialog_says_what_it_cannot_split() {
    let (_dir, mut h) = at_the_bunker_buster_sentence();
    // Said as the words are typed, before Enter.
    h.key_press_modifiers(Modifiers::SHIFT, Key::S);
    h.run();
    h.event(egui::Event::Text("zebra".into()));
    h.run();
    h.get_by_label("“zebra” is not in this sentence as whole words.");
    h.key_press(Key::Escape);
    h.run();
    h.key_press(Key::Escape);
    h.run();
    for (typed, why) in [
        ("zebra", "is not in this sentence as whole words."),
        ("unker-buster", "is not in this sentence as whole words."),
        (
            "The U.S.",
            "is where the sentence starts: type words that come later in it.",
        ),
    ] {
        words_refused(
            &mut h,
            |h| h.key_press_modifiers(Modifiers::SHIFT, Key::S),
            typed,
            &format!("“{typed}” {why}"),
            "Split the sentence",
        );
    }
    assert_eq!(count(&h), 30);
}

/// The Edit menu lists both, with their keys, for a person who looks there first; merging the
/// last sentence says why nothing happened.
#[test]
fn the_edit_menu_splits_and_merges() {
    let (dir, path) = sample_copy();
    let mut h = app(Some(&path), dir.path(), ScriptedDialogs::default());
    h.key_press(Key::J);
    h.run();
    h.get_by_label("Edit").click();
    h.run();
    h.get_by_label_contains("Merge with the next sentence")
        .click();
    h.run();
    assert_eq!(count(&h), 29);
    h.get_by_label("Edit").click();
    h.run();
    h.get_by_label_contains("Split the sentence…").click();
    h.run();
    h.get_by_label("Split the sentence");
    h.key_press(Key::Escape);
    h.run();
    h.key_press(Key::Escape);
    h.run();
    for _ in 0..40 {
        h.key_press(Key::J);
    }
    h.run();
    assert_eq!(selected(&h), Some(28));
    h.key_press_modifiers(Modifiers::SHIFT, Key::M);
    h.run();
    assert_eq!(count(&h), 29);
    h.get_by_label_contains("no sentence after it to merge with");
}

/// A split above the selected sentence renumbers it: the selection, and the next tag key, stay
/// on the sentence the person chose, and so does a note being typed.
#[test]
fn a_split_above_the_selection_keeps_the_selection_and_the_note_on_their_sentence() {
    let (_dir, mut h) = at_the_bunker_buster_sentence();
    let chosen = text_of(&h, 5);
    // A note is being typed on sentence 6 when sentence 1 is split from the right-click menu.
    h.key_press(Key::N);
    h.run();
    h.event(egui::Event::Text("check the tonnage".into()));
    h.run();
    const SECOND: &str = "In a high-stakes meeting at President";
    let rect = h.get_by_label_contains(SECOND).rect();
    h.hover_at(rect.center());
    h.run();
    h.get_by_label_contains(SECOND).click_secondary();
    h.run();
    h.get_by_label("Split sentence here").click();
    h.run();
    assert_eq!(count(&h), 31, "the second sentence split in two");
    assert_eq!(text_of(&h, 6), chosen);
    assert_eq!(selected(&h), Some(6), "the selection followed its sentence");
    let article = &h.state().document().unwrap().project.articles[0];
    assert_eq!(
        article
            .annotation(&rivera(), 6)
            .and_then(|a| a.note.as_deref()),
        Some("check the tonnage"),
        "the note went to the sentence it was typed for"
    );
    h.key_press(Key::Escape);
    h.run();
    h.key_press(Key::Num4);
    h.run();
    assert_eq!(tag_of(&h, 0, 6), Some(Tag::Loaded));
    // The split undone (after the tag), the sentence it changed is selected and named, as
    // every undo does.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(count(&h), 30);
    assert_eq!(selected(&h), Some(1));
    h.get_by_label("Undone: Split sentence (sentence 2)");
}

/// In an assignment the sentences are the teacher's: the menu items are greyed and say why, and
/// the keys do nothing.
#[test]
fn an_assignment_keeps_its_sentences_from_the_keyboard_too() {
    let (dir, handout) = handout();
    let mut h = student_tags_the_first_sentence(&handout, dir.path(), ScriptedDialogs::default());
    h.get_by_label("Edit").click();
    h.run();
    for item in ["Split the sentence…", "Merge with the next sentence"] {
        assert!(
            h.get_by_label_contains(item).accesskit_node().is_disabled(),
            "{item} is off in an assignment"
        );
    }
    h.get_by_label_contains("Merge with the next sentence")
        .hover();
    for _ in 0..20 {
        h.step();
    }
    assert!(
        h.query_by_label_contains("This project is locked")
            .is_some()
    );
    h.key_press(Key::Escape);
    h.run();
    let before = count(&h);
    h.key_press_modifiers(Modifiers::SHIFT, Key::M);
    h.run();
    h.key_press_modifiers(Modifiers::SHIFT, Key::S);
    h.run();
    assert!(h.query_by_label("Split the sentence").is_none());
    assert_eq!(count(&h), before);
    // The keys say why in the toolbar, rather than failing with an error.
    h.get_by_label_contains("This project is locked");
    assert!(h.query_by_label("That edit could not be made").is_none());
}

/// A new split dialog has no history: Ctrl+Z in its box never brings back the words typed in
/// an earlier one that was cancelled (Enter would have split there).
#[test]
fn ctrl_z_in_a_new_split_dialog_brings_back_nothing() {
    let (_dir, mut h) = at_the_bunker_buster_sentence();
    h.key_press_modifiers(Modifiers::SHIFT, Key::S);
    h.run();
    for word in ["to", " ", "penetrate"] {
        h.event(egui::Event::Text(word.into()));
        for _ in 0..3 {
            h.step();
        }
    }
    h.run();
    // Cancelled by its button, from the keyboard.
    h.key_press(Key::Tab);
    h.run();
    h.key_press(Key::Tab);
    h.run();
    h.key_press(Key::Enter);
    h.run();
    assert!(h.query_by_label("Split the sentence").is_none());
    h.key_press_modifiers(Modifiers::SHIFT, Key::S);
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    h.key_press(Key::Enter);
    h.run();
    assert_eq!(count(&h), 30, "nothing was split");
    assert!(h.query_by_label_contains("Second:").is_none());
}

/// A split or merge is said in the toolbar, and so is a tag a merge could not keep; undoing it
/// selects the sentence it changed and names it.
#[test]
fn a_merge_says_what_it_dropped_and_undo_shows_where() {
    let (_dir, mut h) = at_the_bunker_buster_sentence();
    // Sentence 6 is a Fact; sentence 7 is tagged Speculation first.
    h.key_press(Key::J);
    h.key_press(Key::Num3);
    h.run();
    h.key_press(Key::K);
    h.run();
    h.key_press_modifiers(Modifiers::SHIFT, Key::M);
    h.run();
    h.get_by_label_contains(
        "Merged sentences 6 and 7; it keeps the first one's tag: Fact, not Speculation",
    );
    // Away from it, then undo: the sentence it changed is selected and named.
    for _ in 0..10 {
        h.key_press(Key::J);
    }
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    h.get_by_label("Undone: Merge sentences (sentence 6)");
    assert_eq!(selected(&h), Some(5));
    assert_eq!(count(&h), 30);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Y);
    h.run();
    h.get_by_label("Redone: Merge sentences (sentence 6)");
    assert_eq!(selected(&h), Some(5));
    assert_eq!(count(&h), 29);
}

/// A greyed menu item stays in the keyboard's path: ↓ reaches Split in a locked assignment's
/// Edit menu, and Enter on it says why it is greyed instead of skipping it in silence.
#[test]
fn a_greyed_item_is_reached_by_the_keyboard_and_says_why() {
    let (dir, handout) = handout();
    let mut h = student_tags_the_first_sentence(&handout, dir.path(), ScriptedDialogs::default());
    let before = count(&h);
    assert!(
        crate::common::edit_menu_down_to(&mut h, "Split the sentence…", 12),
        "↓ reaches the greyed item"
    );
    assert!(
        h.get_by_label_contains("Split the sentence…")
            .accesskit_node()
            .is_disabled(),
        "and it is still reported unavailable"
    );
    h.key_press(Key::Enter);
    h.run();
    h.get_by_label_contains("This project is locked");
    assert!(h.query_by_label("Split the sentence").is_none());
    assert_eq!(count(&h), before);
}

/// In a file of several reviewers a merge names every reviewer's tag it could not keep, not only
/// the current one's (a classmate's Quote went without a word).
#[test]
fn a_merge_names_other_reviewers_lost_tags_too() {
    let (_dir, mut h) = at_the_bunker_buster_sentence();
    add_reviewer(&mut h, "Kim");
    h.key_press(Key::Num2);
    h.key_press(Key::J);
    h.key_press(Key::Num4);
    h.key_press(Key::K);
    h.run();
    // Back to M. Rivera, whose sentences 6 and 7 are both Fact.
    h.key_press_modifiers(Modifiers::COMMAND, Key::R);
    h.run();
    assert_eq!(selected(&h), Some(5));
    h.key_press_modifiers(Modifiers::SHIFT, Key::M);
    h.run();
    h.get_by_label_contains("it keeps the first one's tag: Kim’s Quote, not Loaded");
}
