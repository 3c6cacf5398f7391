use super::*;
use crate::command::edits;
use crate::model::{Article, Tag};

pub(super) fn doc(dir: &Path) -> Document {
    let mut p = Project::new("P", Timestamp::UNIX_EPOCH);
    p.add_reviewer("Ann");
    p.articles.push(Article::new("a".into(), "A", "One. Two."));
    let path = dir.join("p.ron");
    store::save(&p, &path).unwrap();
    Document::open(&path, dir.join("untitled")).unwrap()
}

pub(super) fn tag(d: &mut Document, sentence: usize, tag: Tag, now: Instant) {
    let r = d.project.reviewers[0].id.clone();
    let c = edits::set_tag(&d.project, 0, &r, sentence, Some(tag)).unwrap();
    d.apply(format!("Tag as {tag}"), c, now).unwrap();
}

#[test]
fn save_as_proposes_the_files_own_name_and_a_new_project_its_title() {
    let dir = tempfile::tempdir().unwrap();
    let p = Project::new("Two outlets compared", Timestamp::UNIX_EPOCH);
    let d = Document::new(p.clone(), dir.path().join("untitled"));
    assert_eq!(d.suggested_name(), "Two outlets compared.ron");
    let path = dir.path().join("class.ron");
    store::save(&p, &path).unwrap();
    let d = Document::open(&path, dir.path().join("untitled")).unwrap();
    assert_eq!(d.suggested_name(), "class.ron");
}

#[test]
fn a_file_changed_by_another_program_is_not_overwritten_without_asking() {
    let dir = tempfile::tempdir().unwrap();
    let mut d = doc(dir.path());
    let path = d.path().unwrap().to_owned();
    tag(&mut d, 0, Tag::Fact, Instant::now());
    assert!(!d.changed_on_disk());
    // Another copy of Slant saves its own edits.
    let mut theirs = store::load(&path).unwrap();
    theirs.title = "Their edits".into();
    store::save(&theirs, &path).unwrap();
    assert!(d.changed_on_disk());
    let err = d.save().unwrap_err();
    assert!(matches!(err, SaveError::ChangedOnDisk { .. }), "{err}");
    assert_eq!(
        store::load(&path).unwrap().title,
        "Their edits",
        "untouched"
    );
    assert!(d.is_dirty());
    // Saving elsewhere is fine; saying "overwrite" writes it, and later saves go through.
    d.overwrite(&path).unwrap();
    assert!(!d.changed_on_disk() && !d.is_dirty());
    assert_eq!(store::load(&path).unwrap().title, "P");
    tag(&mut d, 1, Tag::Quote, Instant::now());
    d.save().unwrap();
    // A file deleted meanwhile is simply written again.
    std::fs::remove_file(&path).unwrap();
    assert!(!d.changed_on_disk());
}

#[test]
fn a_tag_moves_only_its_articles_revision_on() {
    let dir = tempfile::tempdir().unwrap();
    let mut d = doc(dir.path());
    d.project
        .articles
        .push(Article::new("b".into(), "B", "Three. Four."));
    let mut d = Document::new(d.project.clone(), dir.path().join("untitled"));
    let (a0, b0) = (d.revision(0), d.revision(1));
    tag(&mut d, 0, Tag::Fact, Instant::now());
    assert_eq!(d.revision(1), b0, "the other article is untouched");
    assert!(d.revision(0).any > a0.any && d.revision(0).text == a0.text);
    assert!(d.undo(Instant::now()));
    assert!(d.revision(0).any > a0.any, "undo is a change too");
    let split = crate::command::edits::split_sentence(&d.project, 1, 0, 4);
    if let Some(c) = split {
        d.apply("Split", c, Instant::now()).unwrap();
        assert!(d.revision(1).text > b0.text);
    }
}

#[test]
fn saving_with_nothing_changed_keeps_the_file_and_its_backup() {
    let dir = tempfile::tempdir().unwrap();
    let mut d = doc(dir.path());
    tag(&mut d, 0, Tag::Fact, Instant::now());
    d.save().unwrap();
    let backup = dir.path().join("p.ron.bak");
    let (file, bak) = (
        std::fs::read(dir.path().join("p.ron")).unwrap(),
        std::fs::read(&backup).unwrap(),
    );
    assert_ne!(file, bak, "the backup holds the version before");
    d.save().unwrap();
    assert_eq!(
        std::fs::read(&backup).unwrap(),
        bak,
        "a save with nothing new keeps it"
    );
    assert_eq!(std::fs::read(dir.path().join("p.ron")).unwrap(), file);
    // A file deleted meanwhile is written again.
    std::fs::remove_file(dir.path().join("p.ron")).unwrap();
    d.save().unwrap();
    assert_eq!(std::fs::read(dir.path().join("p.ron")).unwrap(), file);
}

#[test]
fn dirty_follows_the_undo_stack() {
    let dir = tempfile::tempdir().unwrap();
    let mut d = doc(dir.path());
    let t = Instant::now();
    assert!(!d.is_dirty());
    tag(&mut d, 0, Tag::Fact, t);
    assert!(d.is_dirty());
    assert_eq!(d.undo_label(), Some("Tag as Fact"));
    assert!(d.undo(t));
    assert!(!d.is_dirty(), "back where it was saved");
    assert_eq!(d.redo_label(), Some("Tag as Fact"));
    assert!(d.redo(t));
    d.save().unwrap();
    assert!(!d.is_dirty());
    assert!(d.undo(t));
    assert!(d.is_dirty());
    tag(&mut d, 1, Tag::Quote, t); // the saved state is now unreachable
    assert!(d.is_dirty());
    assert!(d.undo(t) && d.is_dirty());
}

/// A locked assignment of one article, saved as `homework.ron` in `dir`.
pub(super) fn locked_handout(dir: &Path) -> PathBuf {
    let mut p = Project::new("Homework", Timestamp::UNIX_EPOCH);
    p.articles.push(Article::new("a".into(), "A", "One. Two."));
    p.sentences = crate::model::SentenceLock::Locked;
    let handout = dir.join("homework.ron");
    store::save(&p, &handout).unwrap();
    handout
}

#[test]
fn a_students_copy_never_replaces_the_assignment_whatever_file_is_picked() {
    let dir = tempfile::tempdir().unwrap();
    let handout = locked_handout(dir.path());
    let before = std::fs::read(&handout).unwrap();
    let mut d = Document::open(&handout, dir.path().join("untitled")).unwrap();
    let t = Instant::now();
    d.add_reviewer("Sam Lee", t).unwrap();
    tag(&mut d, 0, Tag::Fact, t);
    assert_eq!(d.suggested_name(), "homework - Sam Lee.ron");
    let another_way = dir.path().join(".").join("homework.ron");
    for path in [&handout, &another_way] {
        assert!(matches!(d.save_as(path), Err(SaveError::Assignment { .. })));
        assert!(matches!(
            d.overwrite(path),
            Err(SaveError::Assignment { .. })
        ));
    }
    assert_eq!(std::fs::read(&handout).unwrap(), before, "untouched");
    assert!(d.is_dirty(), "the work is still to be saved");
    d.save_as(&dir.path().join("homework - Sam Lee.ron"))
        .unwrap();
    assert!(!d.is_dirty());
}

#[test]
fn a_students_copy_is_named_as_their_report_is() {
    let dir = tempfile::tempdir().unwrap();
    let handout = locked_handout(dir.path());
    let mut d = Document::open(&handout, dir.path().join("untitled")).unwrap();
    d.add_reviewer("<i>Ann</i>: a/b?", Instant::now()).unwrap();
    assert_eq!(d.suggested_name(), "homework - -i-Ann--i- - a-b-.ron");
    assert_eq!(
        d.suggested_name(),
        format!(
            "{}.ron",
            store::file_stem_for("homework - <i>Ann</i>: a/b?")
        )
    );
}

/// Reopened from the student's own file, the copy no longer knows the handout it came from: a
/// handout is still never written over by work with a reviewer in it, nor another
/// assignment's; a teacher's project without reviewers may replace one, and the student's own
/// file stays theirs.
#[test]
fn work_with_a_reviewer_never_replaces_any_handout() {
    let dir = tempfile::tempdir().unwrap();
    let handout = locked_handout(dir.path());
    let before = std::fs::read(&handout).unwrap();
    let mut d = Document::open(&handout, dir.path().join("untitled")).unwrap();
    let t = Instant::now();
    d.add_reviewer("Sam Lee", t).unwrap();
    let mine = dir.path().join("mine.ron");
    d.save_as(&mine).unwrap();
    let mut reopened = Document::open(&mine, dir.path().join("untitled")).unwrap();
    assert_eq!(reopened.assignment(), None);
    assert!(matches!(
        reopened.save_as(&handout),
        Err(SaveError::Assignment { .. })
    ));
    assert!(matches!(
        reopened.overwrite(&handout),
        Err(SaveError::Assignment { .. })
    ));
    assert_eq!(std::fs::read(&handout).unwrap(), before, "untouched");
    reopened.save_as(&mine).unwrap();
    // Any project with a reviewer in it is refused; a handout's teacher, with nobody's tags,
    // is not.
    let plain = doc(dir.path());
    assert!(plain.refuses(&handout).is_some());
    let mut teacher = Document::open(&handout, dir.path().join("untitled")).unwrap();
    teacher.save_as(&dir.path().join("copy.ron")).unwrap();
    assert!(teacher.refuses(&handout).is_none());
    assert!(reopened.refuses(&dir.path().join("p.ron")).is_none());
}

/// A note typed on after a dialog is the rest of the same edit: one undo takes both pieces
/// back; not after a save (undo must still reach the saved state in a step), nor at another
/// sentence.
#[test]
fn a_continuing_edit_joins_the_last_one_unless_saved_or_elsewhere() {
    let dir = tempfile::tempdir().unwrap();
    let mut d = doc(dir.path());
    let now = Instant::now();
    let r = d.project.reviewers[0].id.clone();
    let note = |d: &Document, s: usize| {
        d.project.articles[0]
            .annotation(&r, s)
            .and_then(|a| a.note.clone())
    };
    let set = |d: &mut Document, s: usize, text: &str, continuing: bool| {
        let c = edits::set_note(&d.project, 0, &r, s, text).unwrap();
        if continuing {
            d.apply_continuing("Edit note", c, now).unwrap();
        } else {
            d.apply("Edit note", c, now).unwrap();
        }
    };
    set(&mut d, 0, "first", false);
    set(&mut d, 0, "first and more", true);
    assert_eq!(note(&d, 0).as_deref(), Some("first and more"));
    assert!(d.undo(now));
    assert_eq!(note(&d, 0), None, "one undo took both pieces back");
    assert!(!d.undo(now));

    // At another sentence: its own step.
    set(&mut d, 0, "one", false);
    set(&mut d, 1, "two", true);
    assert!(d.undo(now));
    assert_eq!(note(&d, 0).as_deref(), Some("one"));
    assert!(d.undo(now));

    // After a save: its own step, so undo comes back to what was saved.
    set(&mut d, 0, "saved", false);
    d.save().unwrap();
    set(&mut d, 0, "saved and more", true);
    assert!(d.undo(now));
    assert_eq!(note(&d, 0).as_deref(), Some("saved"));
    assert!(!d.is_dirty());
}

/// Before a save, whether the target is a handout is read from the start of a file Slant wrote
/// where that says so (a project with a reviewer), not from the whole file; anything else is
/// read whole.
#[test]
fn a_project_listing_a_reviewer_is_known_from_its_start() {
    let dir = tempfile::tempdir().unwrap();
    let handout = locked_handout(dir.path());
    let text = std::fs::read_to_string(&handout).unwrap();
    assert!(!super::lists_reviewers(&text), "a handout lists nobody");
    let mut d = Document::open(&handout, dir.path().join("untitled")).unwrap();
    d.add_reviewer("Sam Lee", Instant::now()).unwrap();
    let mine = dir.path().join("mine.ron");
    d.save_as(&mine).unwrap();
    let text = std::fs::read_to_string(&mine).unwrap();
    assert!(super::lists_reviewers(&text));
    // Only the first 64 KiB are read: the rest may be anything.
    let mut cut = text.into_bytes();
    cut.truncate(cut.len() / 2);
    std::fs::write(&mine, &cut).unwrap();
    assert!(super::header_names_reviewers(&mine));
    assert!(!is_handout(&mine));
    // A title that mentions reviewers is no list of them.
    let tricky = "(\n  title: \"the\\n  reviewers: [(x)]\",\n  reviewers: [],\n  articles: [],\n)";
    assert!(!super::lists_reviewers(tricky));
    // Fields in another order (a hand-edited file) are left to the full read.
    let reordered = "(\n  articles: [],\n  reviewers: [\n    (id: \"a\", name: \"A\"),\n  ],\n)";
    assert!(!super::lists_reviewers(reordered));
    assert!(is_handout(&handout));
}
