//! The teacher's side of the real app: merging students' files (with the summary to confirm and
//! one undo), the class view's bars and who-tagged-what panel, jumping to disputed sentences, and
//! the answer key.

use crate::common;

use std::path::{Path, PathBuf};

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use slant_app::SlantApp;
use slant_app::dialogs::ScriptedDialogs;
use slant_core::model::Tag;
use slant_core::store;

use common::{ASSIGNMENT, SAMPLE, app, handout, student_tags_the_first_sentence};

/// The annotated sample as the class file, and two students' files made from the assignment:
/// Ann calls every sentence of the first article a Quote, Bo leaves it untagged but for one.
fn class_and_students() -> (tempfile::TempDir, PathBuf, Vec<PathBuf>) {
    let dir = tempfile::tempdir().unwrap();
    let class = dir.path().join("class.ron");
    std::fs::copy(SAMPLE, &class).unwrap();
    let mut students = Vec::new();
    for (name, tag) in [("Ann Lee", Some(Tag::Quote)), ("Bo Park", None)] {
        let mut p = store::load(Path::new(ASSIGNMENT)).unwrap();
        let id = p.add_reviewer(name);
        for s in 0..p.articles[0].sentences.len() {
            p.articles[0].set_tag(&id, s, tag);
        }
        p.articles[0].set_tag(&id, 0, Some(Tag::Loaded));
        // Bo's note has two lines.
        let more = if name == "Bo Park" {
            "\nand the body does not"
        } else {
            ""
        };
        p.articles[0].edit_annotation(&id, 0, |a| {
            a.note = Some(format!("{name}: the headline shouts{more}"))
        });
        let path = dir.path().join(format!("{name}.ron"));
        store::save(&p, &path).unwrap();
        students.push(path);
    }
    (dir, class, students)
}

/// Zed's work on another assignment (a budget story), saved in `dir` as `zed.ron`.
fn another_assignment(dir: &Path) -> (slant_core::model::Project, PathBuf) {
    let mut foreign = slant_core::model::Project::new("Budget", jiff::Timestamp::UNIX_EPOCH);
    foreign.articles.push(slant_core::model::Article::new(
        "budget".into(),
        "City council votes on budget",
        "The council voted. It passed.",
    ));
    let zed = foreign.add_reviewer("Zed");
    foreign.articles[0].set_tag(&zed, 0, Some(Tag::Fact));
    let file = dir.join("zed.ron");
    store::save(&foreign, &file).unwrap();
    (foreign, file)
}

fn reviewers(h: &Harness<SlantApp>) -> usize {
    h.state().document().unwrap().project.reviewers.len()
}

/// File ▸ Merge students' files…
fn open_merge_dialog(h: &mut Harness<'static, SlantApp>) {
    h.get_by_label("File").click();
    h.run();
    h.get_by_label("Merge students' files…").click();
    h.run();
}

/// Opens `class`, merges the students' `files` into it as the teacher does, and saves it.
fn merge_and_save(dir: &Path, class: &Path, files: &[PathBuf]) {
    let dialogs = ScriptedDialogs {
        students: files.to_vec(),
        ..ScriptedDialogs::default()
    };
    let mut h = app(Some(class), dir, dialogs);
    open_merge_dialog(&mut h);
    h.get_by_label("Merge").click();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
}

fn merged_app() -> (tempfile::TempDir, Harness<'static, SlantApp>) {
    let (dir, class, students) = class_and_students();
    let dialogs = ScriptedDialogs {
        students,
        ..ScriptedDialogs::default()
    };
    let mut h = app(Some(&class), dir.path(), dialogs);
    open_merge_dialog(&mut h);
    assert!(
        h.query_by_label_contains("Ann Lee.ron: adds Ann Lee")
            .is_some()
    );
    h.get_by_label("Merge").click();
    h.run();
    (dir, h)
}

#[test]
fn merging_students_asks_first_and_undoes_in_one_step() {
    let (_dir, mut h) = merged_app();
    assert_eq!(reviewers(&h), 3);
    h.get_by_label_contains("Merged: 3 reviewers in this project now");
    let doc = h.state().document().unwrap();
    let ann = doc.project.find_reviewer("Ann Lee").unwrap().id.clone();
    assert_eq!(
        doc.project.articles[0]
            .annotation(&ann, 0)
            .unwrap()
            .note
            .as_deref(),
        Some("Ann Lee: the headline shouts"),
        "notes arrive too"
    );
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(reviewers(&h), 1);
}

/// Merging files the class already holds says so and changes nothing: no Merge button, no
/// unsaved change (a teacher saw "Merged" and a changed title for a merge that added nothing).
#[test]
fn merging_files_the_class_already_holds_changes_nothing() {
    let (dir, class, students) = class_and_students();
    merge_and_save(dir.path(), &class, &students);
    let merging = ScriptedDialogs {
        students,
        ..ScriptedDialogs::default()
    };
    let mut h = app(Some(&class), dir.path(), merging);
    open_merge_dialog(&mut h);
    h.get_by_label_contains("Nothing to merge");
    h.get_by_label_contains("Ann Lee.ron: Ann Lee is already here with these tags");
    assert!(h.query_by_label("Merge").is_none());
    assert!(!h.state().document().unwrap().is_dirty());
    assert_eq!(reviewers(&h), 3);
}

/// Ann hands in again with a changed tag: the summary says she is already here, and "Replace
/// earlier work" puts her newer tags in her place, so the class counts her once.
#[test]
fn a_newer_hand_in_replaces_the_earlier_one_when_the_teacher_says_so() {
    let (dir, class, students) = class_and_students();
    let ann_file = students[0].clone();
    merge_and_save(dir.path(), &class, std::slice::from_ref(&ann_file));
    assert_eq!(store::load(&class).unwrap().reviewers.len(), 2);
    let merging_ann = || ScriptedDialogs {
        students: vec![ann_file.clone()],
        ..ScriptedDialogs::default()
    };
    let mut newer = store::load(&ann_file).unwrap();
    let ann = newer.find_reviewer("Ann Lee").unwrap().id.clone();
    newer.articles[0].set_tag(&ann, 1, Some(Tag::Fact));
    store::save(&newer, &ann_file).unwrap();
    let mut h = app(Some(&class), dir.path(), merging_ann());
    open_merge_dialog(&mut h);
    h.get_by_label_contains("Ann Lee is already here with other tags");
    h.get_by_label("Replace earlier work").click();
    h.run();
    assert_eq!(reviewers(&h), 2, "Ann counts once");
    let doc = h.state().document().unwrap();
    assert_eq!(
        doc.project.articles[0]
            .annotation(&ann, 1)
            .and_then(|a| a.tag),
        Some(Tag::Fact)
    );
}

/// A file of another assignment is refused, even chosen after one that brings its article
/// along with the class's own: every file is measured against the class as it was.
#[test]
fn a_file_of_another_assignment_is_refused_whatever_comes_before_it() {
    let (dir, class, students) = class_and_students();
    let (foreign, foreign_file) = another_assignment(dir.path());
    let mut mixed = store::load(&students[0]).unwrap();
    let mut budget = foreign.articles[0].clone();
    budget.annotations.clear();
    mixed.articles.push(budget);
    let mixed_file = dir.path().join("mixed.ron");
    store::save(&mixed, &mixed_file).unwrap();
    let dialogs = ScriptedDialogs {
        students: vec![mixed_file, foreign_file],
        ..ScriptedDialogs::default()
    };
    let mut h = app(Some(&class), dir.path(), dialogs);
    let before = h.state().document().unwrap().project.clone();
    open_merge_dialog(&mut h);
    h.get_by_label("These files cannot be merged");
    h.get_by_label_contains("zed.ron shares no article with the class project");
    assert_eq!(h.state().document().unwrap().project, before);
}

#[test]
fn the_class_view_shows_bars_who_tagged_what_and_jumps_to_disputes() {
    let (_dir, mut h) = merged_app();
    assert!(h.query_by_label_contains("Class: F").is_none());
    h.key_press(Key::C);
    h.run();
    assert!(h.state().settings.class_view);
    let bars = h.query_all_by_label_contains("Class: F").count();
    assert!(bars > 10, "a bar per sentence in view: {bars}");
    // Each bar sits before its sentence's first word, one line high, even where the sentence
    // starts a wrapped line (it once stretched from the end of the line above across the
    // column).
    for bar in h.query_all_by_label_contains("Class: F") {
        let r = bar.rect();
        assert!(
            r.height() < 30.0 && r.width() < 40.0,
            "a bar of {:.0}×{:.0}",
            r.width(),
            r.height()
        );
    }
    // The headline: everyone said Loaded.
    assert!(
        h.query_by_label_contains("Class: F 0 · Q 0 · S 0 · L 3 · untagged 0 · agreement 100%")
            .is_some()
    );
    // D jumps to the first sentence the class split on, and the panel says who said what.
    h.key_press(Key::D);
    h.run();
    let selected = h.state().workspace.as_ref().unwrap().selected;
    assert_eq!(selected, Some(1), "sentence 2: Fact, Quote, untagged");
    assert!(h.query_by_label("Who tagged sentence 2 how").is_some());
    assert!(h.query_by_label("Ann Lee: Quote").is_some());
    assert!(h.query_by_label("Bo Park: untagged").is_some());
    assert!(
        h.query_by_label_contains("Most disputed, most first")
            .is_some()
    );
    // Its button in the list says who left it untagged too.
    h.get_by_label("Sentence 2: F 1 · Q 1 · untagged 1");
    assert!(
        h.query_by_label_contains("This article (“").is_some(),
        "the article's figure is named as the article's, not the sentence's"
    );
    assert!(
        h.query_by_label_contains("Disputed sentence 1 of ")
            .is_some(),
        "the toolbar says where D stands"
    );
    // The headline's notes are shown with their author.
    h.key_press(Key::K);
    h.run();
    assert!(
        h.query_by_label_contains("“Ann Lee: the headline shouts”")
            .is_some()
    );
    // A note stands indented under its author, every line of it (its second line ran flush
    // left, into the heading below).
    let name = h.get_by_label("Bo Park: Loaded").rect();
    let note = h
        .get_by_label_contains("Bo Park: the headline shouts\nand the body does not”")
        .rect();
    assert!(
        note.left() >= name.left() + 8.0,
        "the note's lines start at {:.0}, its author at {:.0}",
        note.left(),
        name.left()
    );
}

/// With nobody tagging, the greyed answer-key item says what to do first.
#[test]
fn a_greyed_menu_item_says_why() {
    let (dir, class, students) = class_and_students();
    merge_and_save(dir.path(), &class, &students);
    // Reopened, a class file has nobody tagging.
    let mut h = app(Some(&class), dir.path(), ScriptedDialogs::default());
    h.get_by_label("Edit").click();
    h.run();
    h.get_by_label("Use this reviewer's tags as the answer key")
        .hover();
    for _ in 0..20 {
        h.step();
    }
    assert!(
        h.query_by_label_contains("Choose a reviewer in the toolbar first")
            .is_some()
    );
}

/// A student's own copy has one reviewer: nobody to score, so the answer key is not offered
/// (a student made herself the key of the teacher's assignment with one click).
#[test]
fn a_student_cannot_make_her_own_tags_the_answer_key() {
    let (dir, handout) = handout();
    let mut h = student_tags_the_first_sentence(&handout, dir.path(), ScriptedDialogs::default());
    h.get_by_label("Edit").click();
    h.run();
    let item = h.get_by_label("Use this reviewer's tags as the answer key");
    assert!(item.accesskit_node().is_disabled());
    item.hover();
    for _ in 0..20 {
        h.step();
    }
    assert!(
        h.query_by_label_contains("with one reviewer there is nobody to score")
            .is_some()
    );
    assert!(h.state().document().unwrap().project.answer_key.is_none());
}

#[test]
fn the_answer_key_is_set_from_the_edit_menu_and_scores_the_student() {
    let (_dir, mut h) = merged_app();
    h.get_by_label("Edit").click();
    h.run();
    h.get_by_label("Use this reviewer's tags as the answer key")
        .click();
    h.run();
    let key = h.state().document().unwrap().project.answer_key.clone();
    assert_eq!(key.as_ref().map(|k| k.as_str()), Some("m-rivera"));
    assert!(
        h.query_all_by_role(egui::accesskit::Role::ComboBox)
            .any(|n| n
                .accesskit_node()
                .value()
                .is_some_and(|v| v == "M. Rivera (answer key)")),
        "the toolbar's reviewer says whose tags are the key"
    );
    h.key_press(Key::C);
    h.run();
    // With nobody tagging, the teacher reads every student's score.
    assert!(
        h.query_by_label("Against the key (M. Rivera), this article")
            .is_some()
    );
    let expected = {
        let project = &h.state().document().unwrap().project;
        let ann = project
            .reviewers
            .iter()
            .find(|r| r.name == "Ann Lee")
            .unwrap();
        let score = slant_core::agreement::score(
            &project.articles[0],
            project.answer_key.as_ref().unwrap(),
            (&ann.id, &ann.name),
        );
        format!("Ann Lee: {} of {} agree", score.agreed(), score.compared)
    };
    assert!(
        h.query_by_label_contains(&expected).is_some(),
        "every student's score without choosing who is tagging: {expected}"
    );
    assert!(h.query_by_label_contains("Mixed up").is_none());
    h.key_press_modifiers(Modifiers::COMMAND, Key::R);
    h.run();
    h.key_press(Key::J);
    h.run();
    assert!(h.query_by_label("M. Rivera (key): Loaded").is_some());
    assert!(
        h.query_by_label_contains("Mixed up: Fact as Quote")
            .is_some()
    );
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(
        h.state().document().unwrap().project.answer_key,
        None,
        "undoable"
    );
}

#[test]
fn a_student_opens_the_assignment_and_saves_their_own_file() {
    let (dir, handout) = handout();
    let before = std::fs::read(&handout).unwrap();
    let mine = dir.path().join("homework - Sam Lee.ron");
    let dialogs = ScriptedDialogs {
        save: vec![mine.clone()],
        ..ScriptedDialogs::default()
    };
    let mut h = student_tags_the_first_sentence(&handout, dir.path(), dialogs);
    // The sentences are the teacher's: splitting and merging are off.
    h.get_by_label_contains("In a high-stakes meeting at President")
        .click_secondary();
    h.run();
    for item in ["Split sentence here", "Merge with next"] {
        assert!(
            h.get_by_label(item).accesskit_node().is_disabled(),
            "{item} is off in an assignment"
        );
    }
    h.key_press(Key::Escape);
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    assert_eq!(
        std::fs::read(&handout).unwrap(),
        before,
        "the teacher's file is untouched"
    );
    let saved = store::load(&mine).expect("the student's own file");
    let sam = saved.find_reviewer("Sam Lee").unwrap().id.clone();
    assert_eq!(
        saved.articles[0].annotation(&sam, 0).unwrap().tag,
        Some(Tag::Loaded)
    );
    assert_eq!(h.state().title(), "homework - Sam Lee.ron — Slant");
}

#[test]
fn a_student_who_picks_the_assignment_file_to_save_over_is_refused() {
    let (dir, handout) = handout();
    let before = std::fs::read(&handout).unwrap();
    // The student picks the teacher's file in the save dialog.
    let dialogs = ScriptedDialogs {
        save: vec![handout.clone()],
        ..ScriptedDialogs::default()
    };
    let mut h = student_tags_the_first_sentence(&handout, dir.path(), dialogs);
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    assert_eq!(
        std::fs::read(&handout).unwrap(),
        before,
        "the teacher's file is untouched"
    );
    assert!(
        h.query_by_label_contains("this is the teacher's assignment")
            .is_some(),
        "the student is told why"
    );
    assert!(
        h.state().document().unwrap().is_dirty(),
        "the work is still open, unsaved"
    );
}

/// A student's copy killed before its first save (the autosave ran, Ctrl+S never did): opening
/// the assignment again offers the work, Enter recovers it, and Ctrl+S asks where to save it, as
/// before the crash, proposing the student's own file. Before, the autosave went to a folder
/// nothing looked in, and the next session's autosave replaced it; then, once recovered, Ctrl+S
/// wrote to the assignment's folder without asking (on a read-only share: "Could not save").
#[test]
fn a_students_work_killed_before_the_first_save_is_offered_on_the_next_open() {
    let (dir, handout) = handout();
    let before = std::fs::read(&handout).unwrap();
    {
        let mut doc = slant_core::document::Document::open(&handout, dir.path().join("u")).unwrap();
        let now = std::time::Instant::now();
        let eve = doc.add_reviewer("Eve", now).unwrap();
        let command =
            slant_core::command::edits::set_tag(&doc.project, 0, &eve, 3, Some(Tag::Speculation))
                .unwrap();
        doc.apply("Tag as Speculation", command, now).unwrap();
        doc.autosave().unwrap();
    } // killed
    let mine = dir.path().join("homework - Eve.ron");
    let dialogs = ScriptedDialogs {
        save: vec![mine.clone()],
        ..Default::default()
    };
    let asked = dialogs.asked.clone();
    let mut h = app(Some(&handout), dir.path(), dialogs);
    assert!(
        h.query_by_label_contains(&mine.display().to_string())
            .is_some(),
        "the student's file is named"
    );
    h.key_press(Key::Enter);
    h.run();
    let doc = h.state().document().expect("recovered");
    let eve = doc.project.find_reviewer("Eve").unwrap().id.clone();
    assert_eq!(
        doc.project.articles[0].annotation(&eve, 3).unwrap().tag,
        Some(Tag::Speculation)
    );
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    let asked = asked.borrow();
    assert_eq!(asked.len(), 1, "Ctrl+S asks where");
    assert_eq!(asked[0].suggested_name, "homework - Eve.ron");
    assert!(
        store::load(&mine).is_ok(),
        "saved as the student's own file"
    );
    assert_eq!(std::fs::read(&handout).unwrap(), before);
}

/// The class view left on by a teacher shows a student's own file without class bars: one
/// reviewer is no class, and the panel says how to get one.
#[test]
fn the_class_view_shows_no_bars_without_a_class() {
    let (dir, _class, students) = class_and_students();
    let mut h = app(Some(&students[0]), dir.path(), ScriptedDialogs::default());
    h.key_press(Key::C);
    h.run();
    assert!(h.state().settings.class_view);
    assert_eq!(h.query_all_by_label_contains("Class: F").count(), 0);
    assert!(
        h.query_by_label_contains("Merge the students' files (File menu")
            .is_some()
    );
}

/// A teacher who left the class view on and then opens a student's own file sees that student's
/// work, not the teacher's hint about merging a class.
#[test]
fn the_class_view_left_on_says_nothing_of_a_class_in_a_students_file() {
    let (dir, class, students) = class_and_students();
    let dialogs = ScriptedDialogs {
        open: vec![students[0].clone()],
        ..ScriptedDialogs::default()
    };
    let mut h = app(Some(&class), dir.path(), dialogs);
    h.key_press(Key::C);
    h.run();
    assert!(h.query_by_label("Class").is_some(), "the class panel");
    h.key_press_modifiers(Modifiers::COMMAND, Key::O);
    h.run();
    assert_eq!(
        h.state().document().and_then(|d| d.path()),
        Some(students[0].as_path())
    );
    assert!(h.state().settings.class_view, "still on");
    assert!(h.query_by_label("Class").is_none(), "no class panel");
    assert!(
        h.query_by_label_contains("Merge the students' files")
            .is_none()
    );
}

/// A class file of the assignment with Ann Lee and Bo Park as reviewers: Ann called the headline
/// a Quote, Bo a Loaded sentence (when `bo_tags`). The file, Ann and Bo.
pub(crate) fn class_of_ann_and_bo(
    dir: &Path,
    bo_tags: bool,
) -> (
    PathBuf,
    slant_core::model::ReviewerId,
    slant_core::model::ReviewerId,
) {
    let class = dir.join("class.ron");
    let mut p = store::load(Path::new(ASSIGNMENT)).unwrap();
    let ann = p.add_reviewer("Ann Lee");
    let bo = p.add_reviewer("Bo Park");
    p.articles[0].set_tag(&ann, 0, Some(Tag::Quote));
    if bo_tags {
        p.articles[0].set_tag(&bo, 0, Some(Tag::Loaded));
    }
    store::save(&p, &class).unwrap();
    (class, ann, bo)
}

/// A class file holding two students' work: opened, nobody is tagging yet, so the teacher's
/// tag key asks who is tagging and names the reviewers, instead of changing Ann's tags (she was
/// once chosen because she came first). Typing a name already there picks that reviewer,
/// not a second person of the same name.
#[test]
fn a_tag_key_in_a_class_file_asks_who_is_tagging_before_it_changes_anyones_tags() {
    let dir = tempfile::tempdir().unwrap();
    let (class, ann, bo) = class_of_ann_and_bo(dir.path(), false);
    let tag_of = |h: &Harness<SlantApp>, who: &slant_core::model::ReviewerId| {
        let doc = h.state().document().unwrap();
        doc.project.articles[0]
            .annotation(who, 0)
            .and_then(|a| a.tag)
    };

    let mut h = app(Some(&class), dir.path(), ScriptedDialogs::default());
    assert!(h.query_by_label_contains("2 reviewers' work").is_some());
    h.key_press(Key::J);
    h.run();
    h.key_press(Key::F);
    h.run();
    h.get_by_label("Who is tagging?");
    h.get_by_label("Then the sentence is tagged Fact.");
    assert!(h.query_by_label_contains("Nobody is tagging yet").is_some());
    assert_eq!(tag_of(&h, &ann), Some(Tag::Quote), "Ann's tag untouched");
    h.get_by_label("Bo Park").click();
    h.run();
    assert!(h.query_by_label("Who is tagging?").is_none());
    assert_eq!(
        tag_of(&h, &bo),
        Some(Tag::Fact),
        "the key waited for the answer"
    );
    assert_eq!(tag_of(&h, &ann), Some(Tag::Quote));
    // Back to nobody from the toolbar: the next tag key asks again.
    h.get_by_label("Reviewer").click();
    h.run();
    h.get_by_label("Nobody (a tag key asks who)").click();
    h.run();
    h.key_press(Key::Q);
    h.run();
    h.get_by_label("Who is tagging?");
    h.get_by_label("Then the sentence is tagged Quote.");
    assert_eq!(tag_of(&h, &bo), Some(Tag::Fact));
    h.key_press(Key::Escape);
    h.run();
    drop(h);

    let mut h = app(Some(&class), dir.path(), ScriptedDialogs::default());
    h.key_press(Key::J);
    h.run();
    h.key_press(Key::S);
    h.run();
    h.get_by_label("Your name").type_text("ann  lee ");
    h.run();
    h.key_press(Key::Enter);
    h.run();
    assert_eq!(reviewers(&h), 2, "Ann came back, nobody was added");
    assert_eq!(tag_of(&h, &ann), Some(Tag::Speculation));
    assert_eq!(tag_of(&h, &bo), None);
}

/// In a class file with nobody tagging, Tab (next untagged: untagged by whom?) asks who is
/// tagging and then goes on; undoing the adding of a reviewer who was tagging leaves nobody
/// tagging, so the next tag key asks again instead of tagging as a reviewer the project no
/// longer has.
#[test]
fn tab_asks_who_and_an_undone_reviewer_is_no_longer_tagging() {
    let dir = tempfile::tempdir().unwrap();
    let (class, _, _) = class_of_ann_and_bo(dir.path(), false);
    let mut h = app(Some(&class), dir.path(), ScriptedDialogs::default());
    h.key_press(Key::Tab);
    h.run();
    h.get_by_label("Then the next sentence they have not tagged is selected.");
    h.get_by_label("Ann Lee").click();
    h.run();
    assert_eq!(
        h.state().workspace.as_ref().unwrap().selected,
        Some(1),
        "Ann's first untagged sentence"
    );
    // A new reviewer, then their adding undone.
    common::add_reviewer(&mut h, "Cy Ng");
    assert_eq!(reviewers(&h), 3);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(reviewers(&h), 2);
    h.key_press(Key::F);
    h.run();
    h.get_by_label("Who is tagging?");
    let doc = h.state().document().unwrap();
    assert!(
        doc.project.articles[0]
            .annotations
            .keys()
            .all(|r| doc.project.reviewer(r).is_some()),
        "no tag under a reviewer the project no longer has"
    );
}

/// A new reviewer dialog has no typing history: Ctrl+Z in its name box never brings back a name
/// typed in an earlier one that was cancelled (OK would have added that person).
#[test]
fn ctrl_z_in_a_new_reviewer_dialog_brings_back_nothing() {
    let (dir, path) = common::sample_copy();
    let mut h = app(Some(&path), dir.path(), ScriptedDialogs::default());
    let open = |h: &mut Harness<'static, SlantApp>| {
        h.get_by_label("Edit").click();
        h.run();
        h.get_by_label("Add reviewer…").click();
        h.run();
    };
    open(&mut h);
    h.get_by_label("Your name").type_text("Kim Cancelled");
    h.run();
    h.get_by_label("Cancel").click();
    h.run();
    assert!(h.query_by_label("Your name").is_none());
    open(&mut h);
    h.get_by_label("Your name").focus();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(h.get_by_label("Your name").value().as_deref(), Some(""));
}

/// A handout copy never worked on (the student saved their work under another name) is said
/// to hold nothing, rather than "every reviewer is already here".
#[test]
fn merging_a_blank_handout_says_it_holds_no_work() {
    let (dir, class, _) = class_and_students();
    let blank = dir.path().join("Cy Diaz.ron");
    std::fs::copy(ASSIGNMENT, &blank).unwrap();
    let merging = ScriptedDialogs {
        students: vec![blank],
        ..ScriptedDialogs::default()
    };
    let mut h = app(Some(&class), dir.path(), merging);
    open_merge_dialog(&mut h);
    h.get_by_label_contains("Nothing to merge");
    h.get_by_label_contains(
        "Cy Diaz.ron holds no tags or notes: nothing of it is merged. Was the work saved under another name?",
    );
    assert!(h.query_by_label_contains("Every reviewer").is_none());
    assert!(!h.state().document().unwrap().is_dirty());
}

/// A student's file whose window stopped before saving: the merge dialog says that work is not
/// in it, and how to bring it in.
#[test]
fn merging_a_file_with_unsaved_work_beside_it_says_so() {
    let (dir, class, students) = class_and_students();
    let bo = students[1].clone();
    std::fs::copy(&bo, dir.path().join("Bo Park.ron.autosave")).unwrap();
    let merging = ScriptedDialogs {
        students,
        ..ScriptedDialogs::default()
    };
    let mut h = app(Some(&class), dir.path(), merging);
    open_merge_dialog(&mut h);
    h.get_by_label_contains(
        "Bo Park.ron: a Slant window stopped without saving work on it, which is not merged.",
    );
    assert!(
        h.query_by_label_contains("Ann Lee.ron: a Slant window")
            .is_none()
    );
}

/// A merge refused for one file keeps the files ticked in Slant's own dialog: the teacher
/// unticks the bad one and merges the rest, not ticking a class's files all over again (a
/// teacher found every box cleared in the real window). The message says how.
#[test]
fn a_refused_merge_keeps_its_files_ticked_and_says_how_to_go_on() {
    let (dir, class, students) = class_and_students();
    another_assignment(dir.path());
    let dialogs = ScriptedDialogs {
        no_portal: true,
        ..ScriptedDialogs::default()
    };
    let mut h = app(Some(&class), dir.path(), dialogs);
    let ticked = |h: &Harness<'static, SlantApp>, label: &str| {
        h.get_by_label(label).accesskit_node().toggled() == Some(egui::accesskit::Toggled::True)
    };
    let before = reviewers(&h);
    open_merge_dialog(&mut h);
    for label in ["Ann Lee.ron", "Bo Park.ron", "zed.ron"] {
        h.get_by_label(label).click();
        h.run();
    }
    h.get_by_label("Merge these files").click();
    h.run();
    h.get_by_label("These files cannot be merged");
    h.get_by_label_contains("untick zed.ron to merge the others");
    h.key_press(Key::Enter);
    h.run();
    assert!(h.query_by_label("These files cannot be merged").is_none());
    open_merge_dialog(&mut h);
    for label in ["Ann Lee.ron", "Bo Park.ron", "zed.ron"] {
        assert!(ticked(&h, label), "{label} is ticked again");
    }
    h.get_by_label("zed.ron").click();
    h.run();
    h.get_by_label("Merge these files").click();
    h.run();
    h.get_by_label("Merge").click();
    h.run();
    assert_eq!(reviewers(&h), before + students.len());
}

/// Closing a student's copy before its first save says it is the student's copy of the
/// assignment that was never saved, naming the file it came from: a teacher read "“class” has
/// never been saved" with homework.ron open, which that file had been.
#[test]
fn closing_a_students_unsaved_copy_says_whose_copy_of_what() {
    let (dir, handout) = handout();
    let mut h = student_tags_the_first_sentence(&handout, dir.path(), ScriptedDialogs::default());
    h.key_press_modifiers(Modifiers::COMMAND, Key::W);
    h.run();
    h.get_by_label("Save changes?");
    h.get_by_label_contains("Your copy of “");
    h.get_by_label_contains("(from homework.ron) has never been saved");
}
