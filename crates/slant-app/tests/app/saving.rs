//! Saving, closing and opening a project as a person does: the unsaved-changes question, autosave
//! and recovery, files that fail to load or are missing, and where a save went.

use crate::common;

use crate::tagging::{US_BOMBS, tag_of};
use common::{SAMPLE, app, project, rivera, sample_copy};

use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;
use slant_app::dialogs::ScriptedDialogs;
use slant_core::model::Tag;
use slant_core::store;

/// The note of sentence 6 of the first article as the file on disk has it.
pub(crate) fn doc_note_before(path: &std::path::Path) -> Option<String> {
    slant_core::store::load(path).unwrap().articles[0]
        .annotation(&rivera(), 5)
        .and_then(|a| a.note.clone())
}

#[test]
fn closing_with_unsaved_changes_asks_save_discard_or_cancel() {
    let (dir, path) = sample_copy();
    let before = std::fs::read(&path).unwrap();
    let mut h = app(Some(&path), dir.path(), ScriptedDialogs::default());
    h.get_by_label_contains(US_BOMBS).click();
    h.run();
    h.key_press(Key::L);
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::W);
    h.run();
    assert!(h.query_by_label("Save changes?").is_some());
    h.get_by_label("Cancel").click();
    h.run();
    assert!(h.query_by_label("Save changes?").is_none());
    assert!(h.state().document().is_some(), "still open");

    h.key_press_modifiers(Modifiers::COMMAND, Key::W);
    h.run();
    h.get_by_label("Discard").click();
    h.run();
    assert!(h.state().document().is_none());
    assert!(
        h.query_by_label("Open sample project").is_some(),
        "the start screen"
    );
    assert_eq!(
        std::fs::read(&path).unwrap(),
        before,
        "discarded: the file is as it was"
    );
}

/// Save is the default of "Save changes?": Enter right away saves, then closes.
#[test]
fn enter_in_save_changes_saves() {
    let (dir, path) = sample_copy();
    let mut h = app(Some(&path), dir.path(), ScriptedDialogs::default());
    h.get_by_label_contains(US_BOMBS).click();
    h.run();
    h.key_press(Key::Num2);
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::W);
    h.run();
    assert!(h.query_by_label("Save changes?").is_some());
    h.key_press(Key::Enter);
    h.run();
    assert!(h.state().document().is_none(), "closed after saving");
    let saved = slant_core::store::load(&path).unwrap();
    assert_eq!(
        saved.articles[0]
            .annotation(&slant_core::model::ReviewerId::from("m-rivera"), 5)
            .and_then(|a| a.tag),
        Some(slant_core::model::Tag::Quote)
    );
}

#[test]
fn autosaved_work_is_offered_for_recovery_on_the_next_open() {
    let (dir, path) = sample_copy();
    // A crash left a recovery file with one more tag than the project.
    crash_left_a_loaded_tag(dir.path(), &path);

    let mut h = app(Some(&path), dir.path(), ScriptedDialogs::default());
    assert!(h.query_by_label("Recover unsaved work?").is_some());
    h.get_by_label("Recover").click();
    h.run();
    assert_eq!(tag_of(&h, 0, 5), Some(Tag::Loaded));
    assert!(
        h.state().title().starts_with('●'),
        "recovered work is unsaved"
    );
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    assert_eq!(
        store::load(&path).unwrap().articles[0]
            .annotation(&rivera(), 5)
            .unwrap()
            .tag,
        Some(Tag::Loaded)
    );
    assert!(
        slant_core::document::find_recovery(&path, &dir.path().join("data/untitled")).is_none()
    );
}

/// Escape on "Recover unsaved work?" is its Not now: nothing opens, the work stays on disk, and
/// opening the project again asks again (a keyboard user found the dialog had no way out).
#[test]
fn escape_on_recover_opens_nothing_and_keeps_the_work() {
    let (dir, path) = sample_copy();
    crash_left_a_loaded_tag(dir.path(), &path);
    let recovery = path.with_extension("ron.autosave");
    assert!(recovery.exists());
    let mut h = app(Some(&path), dir.path(), ScriptedDialogs::default());
    h.get_by_label("Recover unsaved work?");
    h.get_by_label_contains("Not now (or Escape)");
    h.key_press(Key::Escape);
    h.run();
    assert!(
        h.query_by_label("Recover unsaved work?").is_none(),
        "closed"
    );
    assert!(h.state().document().is_none(), "nothing opened");
    assert!(recovery.exists(), "the work is kept");
    // Opening the project again (this window no longer holds it) asks again.
    let mut again = app(Some(&path), dir.path(), ScriptedDialogs::default());
    again.get_by_label("Recover unsaved work?");
    again.get_by_label("Not now").click();
    again.run();
    assert!(again.state().document().is_none());
    assert!(recovery.exists());
}

#[test]
fn a_file_that_fails_to_load_is_shown_with_its_error_and_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("broken.ron");
    let text = std::fs::read_to_string(SAMPLE)
        .unwrap()
        .replacen("tag: Fact", "tag: Fakt", 1);
    std::fs::write(&path, &text).unwrap();
    let mut h = app(Some(&path), dir.path(), ScriptedDialogs::default());
    assert!(h.state().document().is_none());
    assert!(
        h.query_by_label("This project could not be opened")
            .is_some()
    );
    let error = h.state().load_error.clone().unwrap();
    assert!(
        error.contains("broken.ron:") && error.contains("Fakt"),
        "{error}"
    );
    assert!(error.ends_with("The file was not changed."), "{error}");
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    assert_eq!(std::fs::read_to_string(&path).unwrap(), text);
}

/// A file that is not there is said so in words, with nothing about leaving it unchanged.
#[test]
fn a_missing_file_is_said_to_be_missing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("nope.ron");
    let h = app(Some(&path), dir.path(), ScriptedDialogs::default());
    assert_eq!(
        h.state().load_error.as_deref(),
        Some(format!("{}: there is no such file", path.display()).as_str())
    );
    assert!(!path.exists());
}

/// Ctrl+S says where the project went; the ● of unsaved changes leaves the title.
#[test]
fn saving_says_where() {
    let (dir, path) = sample_copy();
    let mut h = app(Some(&path), dir.path(), ScriptedDialogs::default());
    h.key_press(Key::J);
    h.key_press(Key::Num2);
    h.run();
    assert_eq!(h.state().title(), "● class.ron — Slant");
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    h.get_by_label(&format!("Saved to {}", path.display()));
    assert_eq!(h.state().title(), "class.ron — Slant");
    // Typing a note (the box reached by a click, which is no command) is a change: the message
    // goes with it.
    h.get_by_label("Note").click();
    h.run();
    h.event(egui::Event::Text(" More.".into()));
    h.run();
    assert!(
        h.query_by_label_contains("Saved to").is_none(),
        "Saved to outlived the next change"
    );
}

/// A project never saved, whose app was killed after the autosave, is offered back at the next
/// start; a second project autosaves beside it, never over it.
#[test]
fn an_untitled_project_killed_is_offered_back_at_the_start() {
    let dir = tempfile::tempdir().unwrap();
    let untitled = dir.path().join("data/untitled");
    let mut p = slant_core::model::Project::new("Quick look", jiff::Timestamp::UNIX_EPOCH);
    p.articles.push(slant_core::model::Article::new(
        "a".into(),
        "A",
        "The council met on Monday. It voted.",
    ));
    let mut killed = slant_core::document::Document::new(p, untitled.clone());
    let kept = killed.autosave().unwrap();
    drop(killed);
    let mut h = app(None, dir.path(), ScriptedDialogs::default());
    h.get_by_label("Recover unsaved work?");
    assert!(
        h.query_by_label_contains("“Quick look” was never saved")
            .is_some()
    );
    h.get_by_label("Recover").click();
    h.run();
    let doc = h.state().document().unwrap();
    assert_eq!(doc.project.title, "Quick look");
    assert!(doc.is_dirty());
    // Kept until it is saved, as this window's own file: under the dead window's name another
    // window took it for a crash's and could discard it.
    let taken = doc.recovery_path();
    assert!(taken.exists() && !kept.exists(), "{}", taken.display());
    // Not now: the start screen, the file kept for the next start.
    let mut later = app(None, dir.path(), ScriptedDialogs::default());
    later.get_by_label("Not now").click();
    later.run();
    assert!(later.state().document().is_none());
    assert!(taken.exists());
}

/// Work kept in Slant's data folder (the project's folder could not be written) for a project
/// renamed since: the next start offers it, naming the file it was the work of and saying it is
/// gone, and saving it proposes that file's name (it had said "was never saved").
#[test]
fn work_kept_away_from_a_project_gone_since_is_offered_with_its_name() {
    let (dir, path) = sample_copy();
    std::fs::create_dir(path.with_extension("ron.autosave")).unwrap();
    let untitled = dir.path().join("data/untitled");
    let mut killed = slant_core::document::Document::open(&path, untitled.clone()).unwrap();
    killed
        .add_reviewer("Zoë", std::time::Instant::now())
        .unwrap();
    killed.autosave().unwrap();
    drop(killed);
    std::fs::rename(&path, dir.path().join("class-v2.ron")).unwrap();
    let dialogs = ScriptedDialogs {
        save: vec![dir.path().join("back.ron")],
        ..Default::default()
    };
    let asked = dialogs.asked.clone();
    let mut h = app(None, dir.path(), dialogs);
    h.get_by_label("Recover unsaved work?");
    h.get_by_label_contains("That file is no longer there");
    h.get_by_label_contains("class.ron, autosaved");
    h.get_by_label_contains("(class.ron, no longer there)");
    h.get_by_label("Recover").click();
    h.run();
    assert!(
        h.state()
            .document()
            .unwrap()
            .project
            .find_reviewer("Zoë")
            .is_some()
    );
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    assert_eq!(asked.borrow()[0].suggested_name, "class.ron");
    assert!(store::load(&dir.path().join("back.ron")).is_ok());
    assert_eq!(std::fs::read_dir(&untitled).unwrap().count(), 0);
}

/// Many projects never saved: the start screen scrolls, and an entry Tab reaches below the
/// window's edge is scrolled into sight (the list ran off the window, out of reach).
#[test]
fn a_long_start_screen_scrolls_to_the_entry_the_keyboard_reaches() {
    let dir = tempfile::tempdir().unwrap();
    let untitled = dir.path().join("data/untitled");
    for n in 0..40 {
        let p =
            slant_core::model::Project::new(format!("Lesson {n:02}"), jiff::Timestamp::UNIX_EPOCH);
        slant_core::document::Document::new(p, untitled.clone())
            .autosave()
            .unwrap();
        std::thread::sleep(std::time::Duration::from_millis(2));
    }
    let mut h = app(None, dir.path(), ScriptedDialogs::default());
    h.key_press(Key::Escape);
    h.run();
    h.run();
    let last = "Lesson 00 (never saved)";
    let bottom = |h: &egui_kittest::Harness<'static, slant_app::SlantApp>| {
        h.get_by_label(last).rect().bottom()
    };
    assert!(bottom(&h) > 950.0, "below the window to begin with");
    let reached = (0..60).any(|_| {
        h.key_press(Key::Tab);
        h.run();
        h.get_by_label(last).is_focused()
    });
    assert!(reached);
    h.run();
    assert!(bottom(&h) <= 950.0, "scrolled into sight: {}", bottom(&h));
}

/// The project file renamed while the window works on it: the window says so once, the work
/// is autosaved where the next start offers it, naming the old file (beside the old name,
/// opening no file found it).
#[test]
fn a_project_renamed_while_open_is_said_and_its_work_offered_at_the_next_start() {
    let (dir, path) = sample_copy();
    let mut h = app(Some(&path), dir.path(), ScriptedDialogs::default());
    h.key_press(Key::J);
    h.run();
    h.key_press(Key::Q);
    h.run();
    std::fs::rename(&path, dir.path().join("class-v2.ron")).unwrap();
    std::thread::sleep(
        slant_core::document::AUTOSAVE_AFTER + std::time::Duration::from_millis(200),
    );
    h.run();
    h.run();
    h.get_by_label("The project file is gone");
    h.get_by_label_contains("is no longer there (moved, renamed or deleted?)");
    drop(h); // killed
    let h = app(None, dir.path(), ScriptedDialogs::default());
    h.get_by_label("Recover unsaved work?");
    h.get_by_label_contains("That file is no longer there");
    assert!(!path.with_extension("ron.autosave").exists());
}

/// A recovery of a project never saved that cannot be read says so, and what to do: it had
/// advised opening "the project file", which there is none of.
#[test]
fn an_unreadable_recovery_of_a_project_never_saved_says_what_to_do() {
    let dir = tempfile::tempdir().unwrap();
    let untitled = dir.path().join("data/untitled");
    std::fs::create_dir_all(&untitled).unwrap();
    std::fs::write(untitled.join("untitled-1-1-0.ron.autosave"), "").unwrap();
    let mut h = app(None, dir.path(), ScriptedDialogs::default());
    h.get_by_label_contains("“A project” was never saved");
    h.get_by_label("Recover").click();
    h.run();
    h.get_by_label_contains("There is no project file of it");
    assert!(
        h.query_by_label_contains("open it again and choose Discard")
            .is_none()
    );
}

/// Every project never saved that a crash left is on the start screen, not only the newest one
/// the start offers (a helper with three found one offered per start, the others out of reach).
#[test]
fn the_start_screen_lists_all_the_work_never_saved() {
    let dir = tempfile::tempdir().unwrap();
    let untitled = dir.path().join("data/untitled");
    for title in ["First lesson", "Second lesson"] {
        let mut p = slant_core::model::Project::new(title, jiff::Timestamp::UNIX_EPOCH);
        p.articles.push(slant_core::model::Article::new(
            "a".into(),
            "A",
            "The council met on Monday. It voted.",
        ));
        let mut killed = slant_core::document::Document::new(p, untitled.clone());
        killed.autosave().unwrap();
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    let mut h = app(None, dir.path(), ScriptedDialogs::default());
    h.get_by_label_contains("“Second lesson” was never saved");
    h.key_press(Key::Escape);
    h.run();
    h.run();
    h.get_by_label("Unsaved work to recover");
    // Discarded, it leaves the list at once (it stayed until the pointer moved).
    h.get_by_label("Second lesson (never saved)").click();
    h.run();
    h.get_by_label("Discard").click();
    h.run();
    assert!(h.query_by_label("Second lesson (never saved)").is_none());
    h.get_by_label("First lesson (never saved)").click();
    h.run();
    h.get_by_label_contains("“First lesson” was never saved");
    h.get_by_label("Recover").click();
    h.run();
    assert_eq!(h.state().document().unwrap().project.title, "First lesson");
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

/// A file another program writes while it is open here is said in the toolbar within a second,
/// not only when a save finds out; once this window has written over it, the notice goes.
#[test]
fn a_file_changed_by_another_program_is_said_while_it_is_open() {
    let notice = "Another program changed this project's file since it was opened here: Save asks before writing over it.";
    let (dir, path) = sample_copy();
    let mut h = app(Some(&path), dir.path(), ScriptedDialogs::default());
    assert!(h.query_by_label(notice).is_none());
    let mut theirs = store::load(&path).unwrap();
    theirs.title = "Merged by a script".into();
    store::save(&theirs, &path).unwrap();
    std::thread::sleep(std::time::Duration::from_millis(1100));
    h.run();
    h.get_by_label(notice);
    h.key_press(Key::J);
    h.run();
    h.key_press(Key::Num1);
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    h.get_by_label("Overwrite").click();
    h.run();
    std::thread::sleep(std::time::Duration::from_millis(1100));
    h.run();
    assert!(h.query_by_label(notice).is_none());
}

/// The start screen's recent list says which project has unsaved work waiting (a crash left it),
/// before the person opens it; opening it offers the work back.
#[test]
fn the_recent_list_says_which_project_has_work_to_recover() {
    let (dir, path) = sample_copy();
    let mut h = app(Some(&path), dir.path(), ScriptedDialogs::default());
    h.key_press_modifiers(Modifiers::COMMAND, Key::W);
    h.run();
    let name = "Netanyahu presses Trump on Iran: two outlets compared (class.ron)";
    h.get_by_label(name);
    // Another window's work, killed before it was saved.
    crash_left_a_loaded_tag(dir.path(), &path);
    the_entry_offers_its_recovery(&mut h, name);
}

/// A crash's work autosaved before the project file was written again (a copy, a sync tool) is
/// still offered, saying so: it was passed over, and the next save deleted it.
#[test]
fn work_autosaved_before_the_file_was_written_again_is_still_offered() {
    let (dir, path) = sample_copy();
    crash_left_a_loaded_tag(dir.path(), &path);
    std::fs::File::options()
        .write(true)
        .open(&path)
        .unwrap()
        .set_modified(std::time::SystemTime::now() + std::time::Duration::from_secs(60))
        .unwrap();
    let h = app(Some(&path), dir.path(), ScriptedDialogs::default());
    h.get_by_label("Recover unsaved work?");
    h.get_by_label_contains("Another program or a copy wrote the file after this work began");
    h.get_by_label_contains("kept beside it as class.ron.bak");
}

/// A colleague's version replaced the file while the window worked; the window autosaved after
/// that and was killed. Reopened, Recover says the file was written meanwhile, and Ctrl+S asks
/// before replacing the colleague's version (a hostile pass lost an added article this way).
#[test]
fn a_file_replaced_while_the_window_worked_is_not_saved_over_after_recovery() {
    let (dir, path) = sample_copy();
    let mut doc = slant_core::document::Document::open(&path, dir.path().join("u")).unwrap();
    let command =
        slant_core::command::edits::set_tag(&doc.project, 0, &rivera(), 5, Some(Tag::Loaded))
            .unwrap();
    doc.apply("Tag as Loaded", command, std::time::Instant::now())
        .unwrap();
    let mut theirs = slant_core::store::load(&path).unwrap();
    theirs.title = "Their version".into();
    let tmp = dir.path().join("theirs.ron");
    slant_core::store::save(&theirs, &tmp).unwrap();
    std::fs::rename(&tmp, &path).unwrap();
    doc.autosave().unwrap();
    drop(doc); // killed
    let mut h = app(Some(&path), dir.path(), ScriptedDialogs::default());
    h.get_by_label_contains("Another program or a copy wrote the file after this work began");
    h.get_by_label("Recover").click();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    h.get_by_label("Overwrite");
    assert_eq!(
        slant_core::store::load(&path).unwrap().title,
        "Their version",
        "the colleague's version is not replaced unasked"
    );
}

/// A student's copy of an assignment, killed before its first save, left its recovery beside
/// the handout: the handout's entry says so, since opening it offers that work back.
#[test]
fn the_recent_list_says_a_handout_has_a_students_work_to_recover() {
    let (dir, handout) = common::handout();
    let mut h = app(Some(&handout), dir.path(), ScriptedDialogs::default());
    h.get_by_label("Cancel").click(); // "Who is tagging?": a teacher looking at the handout
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::W);
    h.run();
    let name = "Netanyahu presses Trump on Iran: two outlets compared (homework.ron)";
    h.get_by_label(name);
    {
        let mut doc = slant_core::document::Document::open(&handout, dir.path().join("u")).unwrap();
        doc.add_reviewer("Eve", std::time::Instant::now()).unwrap();
        doc.autosave().unwrap();
    } // killed before the student's first save
    the_entry_offers_its_recovery(&mut h, name);
}

/// After a key press (the list is named again), the start screen's entry `name` says unsaved
/// work waits, and clicking it offers that work back.
fn the_entry_offers_its_recovery(
    h: &mut egui_kittest::Harness<'_, slant_app::SlantApp>,
    name: &str,
) {
    h.key_press(Key::Tab);
    h.run();
    h.get_by_label(&format!("{name}: unsaved work to recover"))
        .click();
    h.run();
    h.get_by_label("Recover unsaved work?");
    // Behind the question, the list named again: the file is this window's, not another's.
    h.key_press(Key::Tab);
    h.run();
    assert!(
        h.query_by_label(&format!("{name}: open in another window"))
            .is_none()
    );
}

/// What a window killed before it saved leaves: a recovery file of `path` with sentence 6 of
/// the first article tagged Loaded by M. Rivera.
fn crash_left_a_loaded_tag(dir: &std::path::Path, path: &std::path::Path) {
    let mut doc = slant_core::document::Document::open(path, dir.join("u")).unwrap();
    let command =
        slant_core::command::edits::set_tag(&doc.project, 0, &rivera(), 5, Some(Tag::Loaded))
            .unwrap();
    doc.apply("Tag as Loaded", command, std::time::Instant::now())
        .unwrap();
    doc.autosave().unwrap();
}

/// A recovery file that cannot be read (cut short, garbage): Recover says the project itself is
/// untouched and how to open it; opening it again and choosing Discard does.
#[test]
fn a_damaged_recovery_file_says_how_to_open_the_project() {
    let (dir, path) = sample_copy();
    std::fs::write(
        dir.path().join("class.ron.autosave"),
        "(format_version: 5, arti",
    )
    .unwrap();
    let mut h = app(Some(&path), dir.path(), ScriptedDialogs::default());
    h.get_by_label("Recover").click();
    h.run();
    h.get_by_label_contains(
        "The project file itself was not changed: open it again and choose Discard",
    );
    let mut h = app(Some(&path), dir.path(), ScriptedDialogs::default());
    h.get_by_label("Discard").click();
    h.run();
    assert_eq!(h.state().document().unwrap().project.articles.len(), 2);
}

/// Where the recovery file cannot be written beside the project (a read-only share; here a
/// folder in its place), the autosave goes to Slant's data folder and the window says so once,
/// with what to do: opening the project after a crash would not find that work.
#[test]
fn an_autosave_that_cannot_go_beside_the_project_says_where_it_went() {
    let (dir, path) = sample_copy();
    std::fs::create_dir(dir.path().join("class.ron.autosave")).unwrap();
    let mut h = app(Some(&path), dir.path(), ScriptedDialogs::default());
    h.key_press(Key::J);
    h.run();
    h.key_press(Key::Q);
    h.run();
    std::thread::sleep(
        slant_core::document::AUTOSAVE_AFTER + std::time::Duration::from_millis(200),
    );
    h.run();
    h.run();
    assert!(h.query_by_label("Autosave failed").is_none(), "failed");
    assert!(
        h.state().title().starts_with('●'),
        "tagged: {}",
        h.state().title()
    );
    h.get_by_label("Autosave cannot go beside the project");
    h.get_by_label_contains("opening the project still offers it back");
    let tagged: Vec<_> = (0..3).map(|s| tag_of(&h, 0, s)).collect();
    assert!(tagged.contains(&Some(Tag::Quote)), "{tagged:?}");
    drop(h); // killed

    // Opening the project again offers the work kept away from it, and saving takes it in.
    let mut h = app(Some(&path), dir.path(), ScriptedDialogs::default());
    h.get_by_label("Recover unsaved work?");
    h.get_by_label("Recover").click();
    h.run();
    assert_eq!((0..3).map(|s| tag_of(&h, 0, s)).collect::<Vec<_>>(), tagged);
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    let untitled = dir.path().join("data/untitled");
    assert!(slant_core::document::find_recovery(&path, &untitled).is_none());
    assert_eq!(
        std::fs::read_dir(&untitled).map_or(0, |d| d.count()),
        0,
        "nothing left to offer as a project never saved"
    );
}
