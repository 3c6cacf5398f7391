//! The real app driven through egui_kittest: widgets found by their labels, clicked and typed
//! into, and the model and the statistics checked after each step.

use crate::common;

use crate::saving::doc_note_before;
use common::{SAMPLE, add_reviewer, app, rivera, sample_copy};

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
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

const NBC_SAYS: &str = "According to NBC News, Israeli officials"; // article 2, sentence 3 (Fact)

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
    let tag = tag_of(&h, 0, 5);
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
    assert_eq!(tag_of(&h, 0, 5), tag, "no letter was taken for a tag key");
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

#[test]
fn a_new_project_asks_for_the_reviewer_then_imports_an_article() {
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("story.txt");
    std::fs::write(
        &article,
        "Storm Hits Coast\nThe storm hit at 5 a.m. Officials said it could worsen.\n",
    )
    .unwrap();
    let saved = dir.path().join("storm.ron");
    let dialogs = ScriptedDialogs {
        import: vec![article],
        save: vec![saved.clone()],
        ..Default::default()
    };
    let mut h = app(None, dir.path(), dialogs);
    h.get_by_label("New project").click();
    h.run();
    h.get_by_label("Your name").type_text("Ana Díaz");
    h.run();
    h.get_by_label("OK").click();
    h.run();
    let doc = h.state().document().unwrap();
    assert_eq!(doc.project.reviewers[0].name, "Ana Díaz");
    assert!(!doc.is_dirty());

    h.get_by_label("File").click();
    h.run();
    h.get_by_label("Import article…").click();
    h.run();
    assert_eq!(
        h.state().document().unwrap().project.articles[0].title,
        "Storm Hits Coast"
    );
    h.get_by_label_contains("Officials said it could worsen.")
        .click();
    h.run();
    h.key_press(Key::S);
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::S); // no file yet: asks where
    h.run();
    let project = store::load(&saved).unwrap();
    let ana = &project.reviewers[0].id;
    assert_eq!(
        project.articles[0].annotation(ana, 2).unwrap().tag,
        Some(Tag::Speculation)
    );
}

#[test]
fn the_shortcut_sheet_opens_with_f1() {
    let (dir, path) = sample_copy();
    let mut h = app(Some(&path), dir.path(), ScriptedDialogs::default());
    assert!(h.query_by_label("Tag as Quote").is_none());
    h.key_press(Key::F1);
    h.run();
    assert!(h.query_by_label("Tag as Quote").is_some());
    h.get_by_label("Close").click();
    h.run();
    assert!(h.query_by_label("Tag as Quote").is_none());
    h.key_press_modifiers(Modifiers::SHIFT, Key::Questionmark); // "?" as typed
    h.run();
    assert!(h.query_by_label("Tag as Quote").is_some());
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

#[test]
fn export_writes_the_chosen_report() {
    let (dir, path) = sample_copy();
    let out = dir.path().join("report.csv");
    let dialogs = ScriptedDialogs {
        export: vec![out.clone(), out.clone()],
        ..Default::default()
    };
    let mut h = app(Some(&path), dir.path(), dialogs);
    h.key_press_modifiers(Modifiers::COMMAND, Key::E);
    h.run();
    h.get_by_label("CSV (spreadsheet)").click();
    h.get_by_label("Open the report when it is written").click(); // no browser in tests
    h.run();
    h.get_by_label("Export…").click();
    h.run();
    let csv = std::fs::read_to_string(&out).unwrap();
    assert!(csv.starts_with(
        "\u{feff}article_id,article_title,sentence,start,end,reviewer,tag,loaded_phrases,note,text,loaded_phrase_offsets,reviewer_id"
    ));
    let rows = csv::Reader::from_reader(csv.trim_start_matches('\u{feff}').as_bytes())
        .records()
        .count();
    assert_eq!(rows, 63, "one row per sentence");
    // The toolbar says where it went.
    h.get_by_label(&format!("Report written to {}", out.display()));
    // The next export starts from the same choices (it went back to HTML, and to opening
    // the report, every time).
    h.key_press_modifiers(Modifiers::COMMAND, Key::E);
    h.run();
    let checked = |h: &Harness<SlantApp>, label: &str| {
        h.get_by_label(label).accesskit_node().toggled() == Some(egui::accesskit::Toggled::True)
    };
    assert!(checked(&h, "CSV (spreadsheet)"));
    assert!(!checked(&h, "HTML (prints to PDF)"));
    assert!(!checked(&h, "Open the report when it is written"));
    // Enter exports, as in the other dialogs (it did nothing).
    std::fs::remove_file(&out).unwrap();
    h.key_press(Key::Enter);
    h.run();
    assert!(out.exists(), "Enter exported");
}

/// Tab (next untagged), D (next disputed) and Find that find nothing say why in the toolbar, instead of seeming to do nothing.
#[test]
fn keys_that_find_nothing_say_so() {
    let (dir, path) = sample_copy();
    let mut h = app(Some(&path), dir.path(), ScriptedDialogs::default());
    h.key_press(Key::J);
    h.run();
    let selected = |h: &Harness<SlantApp>| h.state().workspace.as_ref().unwrap().selected;
    assert_eq!(selected(&h), Some(0));
    // The sample's reviewer has tagged every sentence.
    h.key_press(Key::Tab);
    h.run();
    h.get_by_label("Every sentence in this column has a tag");
    assert_eq!(selected(&h), Some(0));
    // One reviewer: no class to disagree.
    h.key_press(Key::D);
    h.run();
    h.get_by_label_contains("D needs a class: merge the students' files first");
    assert!(
        h.query_by_label("Every sentence in this column has a tag")
            .is_none()
    );
    // A search with no match.
    h.key_press_modifiers(Modifiers::COMMAND, Key::F);
    h.run();
    h.get_by_label("Find").type_text("zebra crossing");
    h.run();
    h.key_press(Key::Enter);
    h.run();
    h.get_by_label("No sentence shown contains “zebra crossing”");
    // A search that finds a sentence clears the message.
    h.key_press(Key::Escape);
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::F);
    h.run();
    h.get_by_label("Find").type_text(" bunker-buster");
    h.run();
    h.key_press(Key::Enter);
    h.run();
    assert_eq!(selected(&h), Some(5));
    assert!(
        h.query_by_label_contains("No sentence shown contains")
            .is_none()
    );
}

/// A toolbar message goes when what it answered is gone: the Find words changed, the next key.
/// Ctrl+3 with two articles says why it shows two.
#[test]
fn toolbar_messages_do_not_go_stale() {
    let (dir, path) = sample_copy();
    let mut h = app(Some(&path), dir.path(), ScriptedDialogs::default());
    h.key_press_modifiers(Modifiers::COMMAND, Key::F);
    h.run();
    h.get_by_label("Find").type_text("zebra");
    h.run();
    h.key_press(Key::Enter);
    h.run();
    h.get_by_label("No sentence shown contains “zebra”");
    for _ in 0..5 {
        h.key_press(Key::Backspace);
    }
    h.run();
    assert!(
        h.query_by_label_contains("No sentence shown contains")
            .is_none(),
        "the message outlived the words it was about"
    );
    h.key_press(Key::Escape);
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::Num3);
    h.run();
    h.get_by_label("3 columns need 3 articles: this project has 2");
    assert_eq!(h.state().workspace.as_ref().unwrap().columns.len(), 2);
    h.key_press(Key::J);
    h.run();
    assert!(
        h.query_by_label_contains("columns need").is_none(),
        "the next key took the message down"
    );
}

/// The tag-shares chart speaks of columns only when there are several (its bars were numbered
/// "1 1 1 1" under one column).
#[test]
fn the_chart_speaks_of_columns_only_when_there_are_several() {
    let (dir, path) = sample_copy();
    let mut h = app(Some(&path), dir.path(), ScriptedDialogs::default());
    h.get_by_label("Tag shares by column");
    h.key_press_modifiers(Modifiers::COMMAND, Key::Num1);
    h.run();
    assert_eq!(h.state().workspace.as_ref().unwrap().columns.len(), 1);
    h.get_by_label("Tag shares");
    assert!(h.query_by_label("Tag shares by column").is_none());
}

/// The side panel scrolled down to the statistics starts at its top again when J selects the
/// next sentence: its tag buttons and note are what the new selection needs.
#[test]
fn a_new_selection_shows_the_side_panel_from_its_top() {
    let (dir, path) = sample_copy();
    let mut h = app(Some(&path), dir.path(), ScriptedDialogs::default());
    h.set_size(egui::vec2(1500.0, 480.0));
    h.key_press(Key::J);
    h.run();
    let top_of = |h: &Harness<SlantApp>, label: &str| h.get_by_label(label).rect().top();
    let at_top = top_of(&h, "F Fact");
    // The wheel over the panel, as a reader scrolls to the statistics.
    let panel = h.get_by_label("30 of 30 tagged").rect().center();
    h.hover_at(panel);
    for _ in 0..10 {
        h.event(egui::Event::MouseWheel {
            unit: egui::MouseWheelUnit::Point,
            delta: egui::vec2(0.0, -120.0),
            phase: egui::TouchPhase::Move,
            source: egui::MouseWheelSource::Wheel,
            modifiers: Modifiers::NONE,
        });
        // The label under the pointer opens its tooltip over a few frames.
        h.run_steps(8);
    }
    assert!(
        top_of(&h, "F Fact") < at_top - 100.0,
        "the wheel scrolled the panel"
    );
    h.key_press(Key::J);
    h.run();
    assert_eq!(h.state().workspace.as_ref().unwrap().selected, Some(1));
    assert!(
        (top_of(&h, "F Fact") - at_top).abs() < 1.0,
        "the tag buttons are back in view"
    );
}

#[test]
fn synced_scrolling_moves_the_other_column() {
    let (dir, path) = sample_copy();
    let offsets = |h: &Harness<SlantApp>| -> Vec<f32> {
        h.state()
            .workspace
            .as_ref()
            .unwrap()
            .columns
            .iter()
            .map(|c| c.offset)
            .collect()
    };
    // Not synced: the other column stays where it is.
    let mut h = app(Some(&path), dir.path(), ScriptedDialogs::default());
    h.state_mut().request(slant_app::Action::Select {
        column: 0,
        sentence: 29,
    });
    h.run_steps(60);
    let apart = offsets(&h);
    assert!(apart[0] > 100.0 && apart[1] == 0.0, "{apart:?}");
    // Closed first: one file is open in one window at a time.
    drop(h);

    let mut h = app(Some(&path), dir.path(), ScriptedDialogs::default());
    h.state_mut().request(slant_app::Action::ToggleSyncedScroll);
    h.run();
    assert_eq!(offsets(&h), [0.0, 0.0]);
    // Scroll the first column by selecting its last sentence, as a reader would by keyboard.
    h.state_mut().request(slant_app::Action::Select {
        column: 0,
        sentence: 29,
    });
    h.run_steps(60); // the scroll animates over several frames
    let after = offsets(&h);
    assert!(after[0] > 100.0, "{after:?}");
    assert!(after[1] > 100.0, "the other column follows: {after:?}");
}

#[test]
fn view_and_reviewer_controls_have_keys_too() {
    let (dir, path) = sample_copy();
    let mut h = app(Some(&path), dir.path(), ScriptedDialogs::default());
    let ws = |h: &Harness<SlantApp>| -> (usize, Vec<usize>) {
        let w = h.state().workspace.as_ref().unwrap();
        (
            w.columns.len(),
            w.columns.iter().map(|c| c.article).collect(),
        )
    };
    assert_eq!(ws(&h), (2, vec![0, 1]));
    h.key_press_modifiers(Modifiers::COMMAND, Key::Num1);
    h.run();
    assert_eq!(ws(&h), (1, vec![0]));
    h.key_press_modifiers(Modifiers::ALT, Key::ArrowRight);
    h.run();
    assert_eq!(ws(&h), (1, vec![1]), "the next article in the column");
    assert_eq!(
        tag_of(&h, 0, 5),
        Some(Tag::Fact),
        "no tag was changed by the 1 in Ctrl+1"
    );
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::D);
    h.run();
    assert!(h.state().settings.dark);
    h.key_press_modifiers(Modifiers::COMMAND, Key::L);
    h.run();
    assert!(h.state().settings.synced_scroll);
    // A second reviewer, then Ctrl+R switches between them.
    h.get_by_label("Edit").click();
    h.run();
    h.get_by_label("Add reviewer…").click();
    h.run();
    h.get_by_label("Add a reviewer");
    h.get_by_label("Your name").type_text("Sam");
    h.run();
    h.get_by_label("OK").click();
    h.run();
    let reviewer = |h: &Harness<SlantApp>| {
        h.state()
            .workspace
            .as_ref()
            .unwrap()
            .reviewer
            .clone()
            .unwrap()
    };
    assert_eq!(reviewer(&h).as_str(), "sam");
    h.key_press_modifiers(Modifiers::COMMAND, Key::R);
    h.run();
    assert_eq!(reviewer(&h).as_str(), "m-rivera");
}

#[test]
fn the_next_project_opens_at_its_top_not_where_the_last_one_was_scrolled() {
    let (dir, path) = sample_copy();
    let second = dir.path().join("second.ron");
    std::fs::copy(SAMPLE, &second).unwrap();
    let dialogs = ScriptedDialogs {
        open: vec![second.clone()],
        ..ScriptedDialogs::default()
    };
    let mut h = app(Some(&path), dir.path(), dialogs);
    // Down the first column by keyboard, as a reader goes: J thirty times.
    for _ in 0..30 {
        h.key_press(Key::J);
        h.run_steps(2);
    }
    h.run_steps(60); // the scroll animates over several frames
    let offset = |h: &Harness<SlantApp>| h.state().workspace.as_ref().unwrap().columns[0].offset;
    assert!(offset(&h) > 100.0, "scrolled: {}", offset(&h));
    h.key_press_modifiers(Modifiers::COMMAND, Key::O);
    h.run_steps(5);
    assert_eq!(
        h.state().workspace.as_ref().unwrap().doc.path(),
        Some(second.as_path()),
        "the second project is open"
    );
    h.run_steps(30);
    assert_eq!(offset(&h), 0.0, "its headline is in view");
}

/// Ctrl+R (next reviewer) with one reviewer says how to add one.
#[test]
fn next_reviewer_with_one_reviewer_says_how_to_add_one() {
    let (dir, path) = sample_copy();
    let mut h = app(Some(&path), dir.path(), ScriptedDialogs::default());
    h.key_press_modifiers(Modifiers::COMMAND, Key::R);
    h.run();
    h.get_by_label_contains("One reviewer in this project");
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
