//! Suggested tags in the real app: ghost badges, reasons in the panel, Enter and X, "Accept all
//! suggested quotes", undo, the counts in the statistics, and a teacher's word lists taking
//! effect while the app runs.

use crate::common;

use std::path::{Path, PathBuf};

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use slant_app::SlantApp;
use slant_app::dialogs::ScriptedDialogs;
use slant_core::model::{Annotation, ReviewerId, Tag, Verdict};
use slant_core::store;

use common::app;

const ASSIGNMENT: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../sample_projects/netanyahu_trump_assignment.ron"
);

/// The untagged assignment with one student, Sam Lee, in a fresh folder.
fn assignment() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("homework.ron");
    let mut project = store::load(Path::new(ASSIGNMENT)).unwrap();
    project.add_reviewer("Sam Lee");
    store::save(&project, &path).unwrap();
    (dir, path)
}

fn sam() -> ReviewerId {
    ReviewerId::from("sam-lee")
}

fn annotation(h: &Harness<SlantApp>, article: usize, sentence: usize) -> Option<Annotation> {
    let doc = h.state().document().expect("a project is open");
    doc.project.articles[article]
        .annotation(&sam(), sentence)
        .cloned()
}

/// The NBC article (column 2): sentence 5 is a quotation from "one U.S. official", sentence 7
/// says the meeting was "reportedly scheduled".
const OFFICIAL_QUOTE: &str = "This isn’t just about defense";
const REPORTEDLY: &str = "The timing of the meeting, reportedly scheduled";

fn ghosts(h: &Harness<SlantApp>, tag: Tag) -> usize {
    h.query_all_by_label(&format!("Suggested {}", tag.label()))
        .count()
}

#[test]
fn enter_accepts_x_dismisses_and_both_undo_and_count() {
    let (dir, path) = assignment();
    let mut h = app(Some(&path), dir.path(), ScriptedDialogs::default());
    let quotes_before = ghosts(&h, Tag::Quote);
    assert!(
        quotes_before >= 10,
        "ghost badges are drawn: {quotes_before}"
    );
    assert!(ghosts(&h, Tag::Speculation) >= 5);

    // The panel gives the reasons; Enter takes the suggestion.
    h.get_by_label_contains(OFFICIAL_QUOTE).click();
    h.run();
    assert!(h.query_by_label("Suggested: Quote").is_some());
    assert!(
        h.query_by_label_contains("inside quotation marks")
            .is_some(),
        "the reason is shown"
    );
    assert!(
        h.query_by_label_contains("“told” to one U.S. official")
            .is_some(),
        "and who said it"
    );
    h.key_press(Key::Enter);
    h.run();
    let a = annotation(&h, 1, 4).expect("annotated");
    assert_eq!(a.tag, Some(Tag::Quote));
    assert_eq!(a.suggestion, Some(Verdict::Accepted(Tag::Quote)));
    assert_eq!(ghosts(&h, Tag::Quote), quotes_before - 1);
    assert!(
        h.query_by_label("Suggestions: 1 accepted, 0 dismissed")
            .is_some(),
        "the statistics count it"
    );

    // Undo puts the sentence back as it was, ghost and all.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(annotation(&h, 1, 4), None);
    assert_eq!(ghosts(&h, Tag::Quote), quotes_before);

    // X dismisses a suggestion without tagging; it stays dismissed.
    let speculation_before = ghosts(&h, Tag::Speculation);
    h.get_by_label_contains(REPORTEDLY).click();
    h.run();
    h.key_press(Key::X);
    h.run();
    let a = annotation(&h, 1, 6).expect("the dismissal is stored");
    assert_eq!(a.tag, None);
    assert_eq!(a.suggestion, Some(Verdict::Rejected(Tag::Speculation)));
    assert_eq!(ghosts(&h, Tag::Speculation), speculation_before - 1);
    assert!(
        h.query_by_label("Suggestions: 0 accepted, 1 dismissed")
            .is_some()
    );
    // Enter on a dismissed sentence does nothing.
    h.key_press(Key::Enter);
    h.run();
    assert_eq!(annotation(&h, 1, 6).unwrap().tag, None);

    // The verdicts are saved with the project.
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    let saved = store::load(&path).unwrap();
    assert_eq!(
        saved.articles[1].annotation(&sam(), 6).unwrap().suggestion,
        Some(Verdict::Rejected(Tag::Speculation))
    );
}

#[test]
fn accept_all_suggested_quotes_is_one_step_of_undo_and_skips_tagged_sentences() {
    let (dir, path) = assignment();
    let mut h = app(Some(&path), dir.path(), ScriptedDialogs::default());
    // The reviewer's own call stands: tag one suggested quote as Fact first.
    h.get_by_label_contains(OFFICIAL_QUOTE).click();
    h.run();
    h.key_press(Key::F);
    h.run();
    let button = h
        .query_by_label_contains("Accept all suggested quotes (")
        .expect("the button names how many");
    let label = button.accesskit_node().label().unwrap_or_default();
    let n: usize = label
        .trim_start_matches("Accept all suggested quotes (")
        .trim_end_matches(')')
        .parse()
        .unwrap();
    assert!(n >= 10, "{label}");
    let in_view = ghosts(&h, Tag::Quote);
    button.click();
    h.run();
    let article = |h: &Harness<SlantApp>| h.state().document().unwrap().project.articles[1].clone();
    let quotes = |h: &Harness<SlantApp>| {
        (0..article(h).sentences.len())
            .filter(|&i| article(h).annotation(&sam(), i).and_then(|a| a.tag) == Some(Tag::Quote))
            .count()
    };
    assert_eq!(quotes(&h), n);
    assert_eq!(
        annotation(&h, 1, 4).unwrap().tag,
        Some(Tag::Fact),
        "left alone"
    );
    let a = article(&h);
    let found =
        slant_core::cues::find(&a.text, &a.sentences, slant_core::cues::Lexicons::builtin());
    let suggested: Vec<usize> = slant_core::cues::suggest_all(&a.text, &a.sentences, &found)
        .iter()
        .enumerate()
        .filter(|(_, s)| s.as_ref().is_some_and(|s| s.tag == Tag::Quote))
        .map(|(i, _)| i)
        .collect();
    assert_eq!(
        suggested.len(),
        n + 1,
        "every suggested quote but the one tagged Fact"
    );
    assert!(
        suggested
            .iter()
            .all(|&i| a.annotation(&sam(), i).and_then(|x| x.tag).is_some())
    );
    assert!(ghosts(&h, Tag::Quote) < in_view, "their badges are gone");
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    // The undo scrolls to the first sentence it changed, and says how many it changed.
    h.run_steps(12);
    assert_eq!(quotes(&h), 0, "one undo takes them all back");
    let first = suggested.iter().find(|&&i| i != 4).unwrap() + 1;
    h.get_by_label(&format!(
        "Undone: Accept all suggested quotes ({n} sentences from sentence {first})"
    ));
    assert_eq!(annotation(&h, 1, 4).unwrap().tag, Some(Tag::Fact));
}

#[test]
fn clicking_a_ghost_badge_accepts_it_and_h_underlines_cues() {
    let (dir, path) = assignment();
    let mut h = app(Some(&path), dir.path(), ScriptedDialogs::default());
    let before = ghosts(&h, Tag::Speculation);
    h.query_all_by_label("Suggested Speculation")
        .next()
        .unwrap()
        .click();
    h.run();
    assert_eq!(ghosts(&h, Tag::Speculation), before - 1);
    let tagged: usize = h
        .state()
        .document()
        .unwrap()
        .project
        .articles
        .iter()
        .map(|a| {
            (0..a.sentences.len())
                .filter(|&i| a.annotation(&sam(), i).is_some())
                .count()
        })
        .sum();
    assert_eq!(tagged, 1);
    assert!(!h.state().settings.cue_highlights);
    h.key_press(Key::H);
    h.run();
    assert!(h.state().settings.cue_highlights);
    // Suggestions can be turned off from the View menu.
    h.get_by_label("View").click();
    h.run();
    h.get_by_label("Suggested tags").click();
    h.run();
    assert_eq!(ghosts(&h, Tag::Quote), 0);
}

#[test]
fn a_teachers_word_list_takes_effect_at_once_and_follows_edits() {
    let (dir, path) = assignment();
    let lists = dir.path().join("class-lists");
    std::fs::create_dir(&lists).unwrap();
    std::fs::write(
        lists.join("loaded_class.txt"),
        "# our class list\ngreen light\n",
    )
    .unwrap();
    let dialogs = ScriptedDialogs {
        folder: vec![lists.clone()],
        ..ScriptedDialogs::default()
    };
    let mut h = app(Some(&path), dir.path(), dialogs);
    h.get_by_label_contains("Netanyahu pressed for U.S. support")
        .click();
    h.run();
    assert!(
        h.query_by_label_contains("Loaded word: green light")
            .is_none()
    );
    h.get_by_label("View").click();
    h.run();
    h.get_by_label("Teacher's word lists…").click();
    h.run();
    assert!(
        h.query_by_label_contains("Loaded word: green light")
            .is_some(),
        "the list applies as soon as it is chosen"
    );
    assert_eq!(
        h.state().settings.lexicon_folder.as_deref(),
        Some(lists.as_path())
    );
    // Editing the file changes the cues without reopening anything.
    std::fs::write(lists.join("loaded_class.txt"), "green light\npressed\n").unwrap();
    std::thread::sleep(std::time::Duration::from_millis(900));
    h.run();
    assert!(h.query_by_label_contains("Loaded word: pressed").is_some());
    // A broken file is named with its line and the rest still work.
    std::fs::write(lists.join("hedges_bad.txt"), "* nope\n").unwrap();
    std::thread::sleep(std::time::Duration::from_millis(900));
    h.run();
    assert!(
        h.query_by_label_contains("hedges_bad.txt:1:").is_some(),
        "the problem is shown with file and line"
    );
    assert!(h.query_by_label_contains("Loaded word: pressed").is_some());
}

/// A message that comes while a dialog holds typed text (a teacher's word list broke, an
/// autosave failed) shows at once, and the dialog comes back with the text when it is closed:
/// before, the message replaced the dialog and the pasted article was gone.
#[test]
fn a_message_over_a_dialog_with_typed_text_gives_the_text_back() {
    let (dir, path) = assignment();
    let lists = dir.path().join("class-lists");
    std::fs::create_dir(&lists).unwrap();
    std::fs::write(lists.join("loaded_class.txt"), "green light\n").unwrap();
    let dialogs = ScriptedDialogs {
        folder: vec![lists.clone()],
        ..ScriptedDialogs::default()
    };
    let mut h = app(Some(&path), dir.path(), dialogs);
    h.get_by_label("View").click();
    h.run();
    h.get_by_label("Teacher's word lists…").click();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::N);
    h.run();
    h.get_by_label("Article text")
        .type_text("Storm closes the port. Ships wait outside.");
    h.run();
    std::fs::write(lists.join("hedges_bad.txt"), "* nope\n").unwrap();
    std::thread::sleep(std::time::Duration::from_millis(900));
    h.run();
    h.get_by_label("Some word lists were not used");
    // The window's close button while the message covers the dialog: the typed text is still
    // work, so the window stays.
    h.input_mut()
        .viewports
        .entry(egui::ViewportId::ROOT)
        .or_default()
        .events
        .push(egui::ViewportEvent::Close);
    h.step();
    let cancelled = h.output().viewport_output.values().any(|v| {
        v.commands
            .iter()
            .any(|c| matches!(c, egui::ViewportCommand::CancelClose))
    });
    assert!(cancelled, "the close was refused");
    h.run();
    h.get_by_label("OK").click();
    h.run();
    assert_eq!(
        h.query_by_label("Article text").and_then(|n| n.value()),
        Some("Storm closes the port. Ships wait outside.".to_owned()),
        "the dialog and its text came back"
    );
}

/// Tab in the note box leaves it for the articles, as Enter does: egui handed the keyboard to
/// the panel's "Accept all suggested quotes" button, and the next Enter tagged eight sentences
/// at once, some out of sight (found in the real window).
#[test]
fn tab_out_of_a_note_then_enter_tags_no_crowd() {
    let (dir, path) = assignment();
    let mut h = app(Some(&path), dir.path(), ScriptedDialogs::default());
    h.key_press(Key::J);
    h.run();
    h.key_press(Key::N);
    h.run();
    h.event(egui::Event::Text("Check the source".into()));
    h.run();
    h.key_press(Key::Tab);
    h.run();
    assert_eq!(
        h.ctx.memory(|m| m.focused()),
        None,
        "Tab gave the keyboard back to the articles, not to a panel button"
    );
    h.key_press(Key::Enter);
    h.run();
    let doc = h.state().document().unwrap();
    let tagged: usize = doc
        .project
        .articles
        .iter()
        .map(|a| {
            (0..a.sentences.len())
                .filter(|&s| a.annotation(&sam(), s).is_some_and(|x| x.tag.is_some()))
                .count()
        })
        .sum();
    assert!(tagged <= 1, "{tagged} sentences tagged by Tab then Enter");
    assert_eq!(
        annotation(&h, 0, 0).and_then(|a| a.note).as_deref(),
        Some("Check the source"),
        "the note was kept"
    );
}
