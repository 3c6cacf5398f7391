//! Work that was never saved survives a crash: every change is written to a recovery file
//! beside the project within [`AUTOSAVE_AFTER`], and opening the project again offers it. A
//! student's copy not saved yet keeps its recovery beside the assignment, under the name its
//! first save will take. Where that folder cannot be written (a teacher's read-only share), the
//! recovery goes to the folder for projects never saved, naming the project it belongs to, and
//! opening that project still offers it.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant, SystemTime};

use super::claim::resolve;
use super::{DiskStamp, Document};
use crate::model::Project;
use crate::store::{self, LoadError, SaveError};

mod find;
pub use find::{find_recovery, find_student_recovery, find_untitled_recoveries};

/// How long unsaved changes may wait before they are written to the recovery file: what a
/// crash can cost. A write is a few milliseconds; at 30 seconds a student who was killed
/// mid-note found the last half minute's tags gone with nothing offered back.
pub const AUTOSAVE_AFTER: Duration = Duration::from_secs(5);

/// A recovery file found beside a project: work a window autosaved and never saved.
#[derive(Debug, Clone, PartialEq)]
pub struct Recovery {
    pub path: PathBuf,
    pub modified: SystemTime,
    /// The project file was written by another program (a copy, a sync tool, `slant add` on
    /// another account) since the window read the file this work was built on: recovering
    /// shows the work, and saving it asks before replacing that file.
    pub project_written_since: bool,
    /// The project file as the window last read or saved it, when the recovery file says.
    based_on: Option<DiskStamp>,
    /// For work kept in Slant's data folder that opening no file finds any more (the project
    /// moved, renamed or deleted, its folder gone): the file it was the work of.
    pub belongs_to: Option<PathBuf>,
}

impl Document {
    /// Opens the recovery file of `path` in place of the project: the recovered edits count as
    /// unsaved, and saving writes them to `path`.
    pub fn recover(
        path: &Path,
        recovery: &Recovery,
        untitled_dir: PathBuf,
    ) -> Result<Document, LoadError> {
        let project = store::load(&recovery.path)?;
        let mut doc = Document::new(project, untitled_dir);
        doc.path = Some(path.to_owned());
        // The file as the work knew it: written since, saving asks before replacing it.
        doc.on_disk = recovery.based_on.or_else(|| DiskStamp::of(path));
        doc.saved_depth = None;
        Ok(doc)
    }

    /// Opens the recovery file of a project that was never saved: the work counts as unsaved,
    /// and goes on being autosaved to that file, renamed as this process's, until it is saved
    /// somewhere.
    pub fn recover_untitled(
        recovery: &Recovery,
        untitled_dir: PathBuf,
    ) -> Result<Document, LoadError> {
        let project = store::load(&recovery.path)?;
        let mut doc = Document::new(project, untitled_dir);
        // Taken over under a name of this process's own: under the name of the process that
        // died, another window took this live work for a crash's, offered it and could discard
        // it. Where it cannot be renamed, it goes on under its old name.
        let mine = doc.untitled_dir.join(&doc.untitled_file);
        if std::fs::rename(&recovery.path, &mine).is_err()
            && let Some(name) = recovery.path.file_name()
        {
            doc.untitled_file = name.to_string_lossy().into_owned();
        }
        // Saved under its old name, where the person chooses.
        doc.suggested_name = recovery
            .belongs_to
            .as_deref()
            .and_then(Path::file_name)
            .map(|n| n.to_string_lossy().into_owned());
        doc.saved_depth = None;
        Ok(doc)
    }

    /// Where unsaved changes are written: `NAME.ron.autosave` beside the project, or a file of
    /// its own in the untitled folder for a project never saved.
    pub fn recovery_path(&self) -> PathBuf {
        match self.project_file() {
            Some(file) => recovery_path_for(&file),
            None => self.untitled_dir.join(&self.untitled_file),
        }
    }

    /// Where unsaved changes go when [`Self::recovery_path`]'s folder cannot be written: the
    /// folder for projects never saved, under a name of the project's own, so that opening the
    /// project finds it there ([`find_recovery`]).
    fn fallback_path(&self) -> PathBuf {
        match self.project_file() {
            Some(file) => elsewhere_path(&self.untitled_dir, &file),
            None => self.untitled_dir.join(&self.untitled_file),
        }
    }

    /// The file this document's work belongs to: its own, or, for a student's copy not saved
    /// yet, the name its first save will take beside the assignment, where opening the
    /// assignment again finds it ([`find_student_recovery`]).
    fn project_file(&self) -> Option<PathBuf> {
        match (&self.path, &self.assignment, &self.suggested_name) {
            (Some(p), _, _) => Some(p.clone()),
            (None, Some(assignment), Some(name)) => Some(assignment.with_file_name(name)),
            _ => None,
        }
    }

    /// True when changes have waited [`AUTOSAVE_AFTER`] without being written anywhere.
    pub fn autosave_due(&self, now: Instant) -> bool {
        self.unsaved_since
            .is_some_and(|t| now.duration_since(t) >= AUTOSAVE_AFTER)
    }

    /// Writes the project to its recovery file (atomically); the project file is untouched.
    /// Where that folder cannot be written (a teacher's read-only share), the recovery goes to
    /// the folder for projects never saved, rather than nowhere.
    pub fn autosave(&mut self) -> Result<PathBuf, SaveError> {
        let written = self.write_recovery_of(&self.project);
        self.autosaved(written)
    }

    /// Writes `project` (this document's project with work in progress applied, such as a note
    /// being typed) to the recovery file, without making that work an undo step.
    pub fn autosave_with(&mut self, project: &Project) -> Result<PathBuf, SaveError> {
        let written = self.write_recovery_of(project);
        self.autosaved(written)
    }

    /// Writes `project` where this document's recovery goes, recording the project file as
    /// this window knows it, so that a recovery can tell whether another program wrote the file
    /// since. Borrows the document only to read it: the project is never copied to be written.
    fn write_recovery_of(&self, project: &Project) -> Result<PathBuf, SaveError> {
        let path = self.recovery_path();
        let fallback = self.fallback_path();
        let base = self.path.as_ref().and(self.on_disk);
        let untitled = path.starts_with(&self.untitled_dir);
        // A project file moved, renamed or deleted while it was open: beside its old name the
        // work is found by opening no file, so it goes where the start screen offers it.
        let gone = self.path.as_ref().is_some_and(|p| !p.exists());
        let beside = (!gone).then(|| write_recovery(&path, project, base, None, untitled));
        match beside {
            Some(Ok(())) => {
                // An earlier one written away from the project is older than this one.
                if fallback != path {
                    let _ = std::fs::remove_file(&fallback);
                }
                Ok(path)
            }
            Some(Err(e)) if fallback == path => Err(e),
            _ => {
                if gone {
                    // This window's own, older than what is written now.
                    let _ = std::fs::remove_file(&path);
                }
                let belongs_to = self.project_file().map(|f| resolve(&f));
                write_recovery(&fallback, project, base, belongs_to.as_deref(), true)
                    .map(|()| fallback)
            }
        }
    }

    fn autosaved(&mut self, written: Result<PathBuf, SaveError>) -> Result<PathBuf, SaveError> {
        match written {
            Ok(path) => {
                self.unsaved_since = None;
                Ok(path)
            }
            Err(e) => Err(self.autosave_failed(e)),
        }
    }

    /// A failed autosave is tried again after [`AUTOSAVE_AFTER`], not on the next frame: a full
    /// disk or a pulled drive would otherwise fail, and be reported, many times a second.
    fn autosave_failed(&mut self, e: SaveError) -> SaveError {
        self.unsaved_since = Some(Instant::now());
        e
    }

    /// Called when the user discards unsaved changes (close without saving).
    pub fn discard_recovery(&self) {
        self.remove_recovery();
    }

    /// Removes this document's recovery files, beside the project and away from it.
    pub(super) fn remove_recovery(&self) {
        let _ = std::fs::remove_file(self.recovery_path());
        let _ = std::fs::remove_file(self.fallback_path());
    }
}

/// Writes a recovery file. Only the folder for projects never saved is made when missing: a
/// project's folder renamed or removed while it was open is not made again empty (the work then
/// went to a folder of the old name, apart from the project).
/// `belongs_to` names the project file of a recovery written away from it.
fn write_recovery(
    path: &Path,
    project: &Project,
    base: Option<DiskStamp>,
    belongs_to: Option<&Path>,
    make_dir: bool,
) -> Result<(), SaveError> {
    if make_dir && let Some(dir) = path.parent() {
        let _ = std::fs::create_dir_all(dir);
    }
    let mut text = store::to_ron(project)?;
    // Comments to RON: the file loads as any project.
    if let Some(file) = belongs_to {
        text.push_str(&format!("{PROJECT_MARK}{}\n", file.display()));
    }
    if let Some(base) = base {
        text.push_str(&format!("{BASE_MARK}{}\n", base.to_line()));
    }
    store::write_atomic(path, text.as_bytes(), store::Backup::None).map_err(|source| {
        SaveError::Write {
            path: path.to_owned(),
            source,
        }
    })
}

/// The last line of a recovery file of a saved project: the project file as the window knew it.
const BASE_MARK: &str = "// Slant autosave of the file as last read: ";

/// A line of a recovery file written away from its project: the project file it belongs to.
const PROJECT_MARK: &str = "// Slant autosave of the project: ";

/// What the last lines of a recovery file say: the project file it belongs to, when written
/// away from it, and that file as the work knew it.
#[derive(Default)]
struct Trailer {
    belongs_to: Option<PathBuf>,
    based_on: Option<DiskStamp>,
}

fn trailer(recovery: &Path) -> Trailer {
    use std::io::{Read, Seek, SeekFrom};
    let read = || {
        let mut file = std::fs::File::open(recovery).ok()?;
        let len = file.metadata().ok()?.len();
        file.seek(SeekFrom::Start(len.saturating_sub(8192))).ok()?;
        let mut tail = Vec::new();
        file.read_to_end(&mut tail).ok()?;
        Some(String::from_utf8_lossy(&tail).into_owned())
    };
    let mut found = Trailer::default();
    let tail = read().unwrap_or_default();
    for line in tail.lines().rev().take(2) {
        if let Some(stamp) = line.strip_prefix(BASE_MARK) {
            found.based_on = DiskStamp::from_line(stamp);
        } else if let Some(file) = line.strip_prefix(PROJECT_MARK) {
            found.belongs_to = Some(PathBuf::from(file));
        }
    }
    found
}

/// `NAME.ron.autosave` beside the project file itself: a project reached through a symbolic
/// link autosaves beside the file it links to, where opening it by any path finds the work (it
/// was left beside the link, and a command on the real file saved over it).
pub fn recovery_path_for(project: &Path) -> PathBuf {
    let project = resolve(project);
    let mut name = project.file_name().unwrap_or_default().to_os_string();
    name.push(".autosave");
    project.with_file_name(name)
}

/// The recovery of `project` written in `untitled_dir` because the project's folder could not be
/// written: one name per project file (its name and a hash of its whole path), so that each
/// autosave replaces the last.
fn elsewhere_path(untitled_dir: &Path, project: &Path) -> PathBuf {
    let project = resolve(project);
    let stem: String = project
        .file_stem()
        .unwrap_or_default()
        .to_string_lossy()
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '-' {
                c
            } else {
                '_'
            }
        })
        .take(40)
        .collect();
    let hash = super::claim::fnv1a(&project);
    untitled_dir.join(format!("{ELSEWHERE}{stem}-{hash:016x}.ron.autosave"))
}

/// How the name of a recovery written away from its project starts.
const ELSEWHERE: &str = "elsewhere-";

/// A recovery file name for a project never saved, its own for each project (the time, this
/// process and a count), so that neither a second window nor the next project replaces it.
pub(super) fn untitled_file_name() -> String {
    static OPENED: AtomicU64 = AtomicU64::new(0);
    let n = OPENED.fetch_add(1, Ordering::Relaxed);
    let ms = SystemTime::now()
        .duration_since(SystemTime::UNIX_EPOCH)
        .map_or(0, |d| d.as_millis());
    format!("untitled-{ms}-{}-{n}.ron.autosave", std::process::id())
}

#[cfg(test)]
mod tests {
    use super::super::tests::{doc, locked_handout, tag};
    use super::*;
    use crate::model::Tag;
    use jiff::Timestamp;

    #[test]
    fn autosave_after_a_few_seconds_to_a_recovery_file_then_recover() {
        let dir = tempfile::tempdir().unwrap();
        let mut d = doc(dir.path());
        let t0 = Instant::now();
        assert!(!d.autosave_due(t0 + AUTOSAVE_AFTER));
        tag(&mut d, 0, Tag::Loaded, t0);
        assert!(!d.autosave_due(t0 + AUTOSAVE_AFTER - Duration::from_millis(100)));
        assert!(d.autosave_due(t0 + AUTOSAVE_AFTER));
        let saved_before = std::fs::read(dir.path().join("p.ron")).unwrap();
        let recovery = d.autosave().unwrap();
        assert_eq!(recovery, dir.path().join("p.ron.autosave"));
        assert!(!d.autosave_due(t0 + AUTOSAVE_AFTER * 2));
        assert_eq!(
            std::fs::read(dir.path().join("p.ron")).unwrap(),
            saved_before,
            "project untouched"
        );

        // The app "crashes"; the next open finds the recovery file.
        let path = dir.path().join("p.ron");
        let found = find_recovery(&path, &dir.path().join("untitled")).unwrap();
        let recovered = Document::recover(&path, &found, dir.path().join("untitled")).unwrap();
        assert!(recovered.is_dirty());
        let r = &recovered.project.reviewers[0].id;
        assert_eq!(
            recovered.project.articles[0].annotation(r, 0).unwrap().tag,
            Some(Tag::Loaded)
        );

        // Saving removes the recovery file.
        d.save().unwrap();
        assert_eq!(find_recovery(&path, &dir.path().join("untitled")), None);
    }

    /// Work autosaved before the project file was written again (a copy, a sync tool) is still
    /// found, and said to be older; so is work autosaved through a link to the project.
    #[test]
    fn a_recovery_older_than_its_project_or_made_through_a_link_is_found() {
        let dir = tempfile::tempdir().unwrap();
        let mut d = doc(dir.path());
        tag(&mut d, 0, Tag::Loaded, Instant::now());
        let autosaved = d.autosave().unwrap();
        let path = dir.path().join("p.ron");
        assert!(
            !find_recovery(&path, &dir.path().join("untitled"))
                .unwrap()
                .project_written_since
        );
        let later = std::time::SystemTime::now() + Duration::from_secs(60);
        std::fs::File::options()
            .write(true)
            .open(&path)
            .unwrap()
            .set_modified(later)
            .unwrap();
        let found = find_recovery(&path, &dir.path().join("untitled")).expect("still offered");
        assert!(found.project_written_since);
        assert_eq!(found.path, autosaved);
        #[cfg(unix)]
        {
            let link = dir.path().join("link.ron");
            std::os::unix::fs::symlink(&path, &link).unwrap();
            assert_eq!(recovery_path_for(&link), recovery_path_for(&path));
            assert!(find_recovery(&link, &dir.path().join("untitled")).is_some());
        }
    }

    /// Another program writes the project while a window works on it, and the window then
    /// autosaves and is killed: the recovery is newer than the file, yet the file changed since
    /// the work began. It is said so, and saving the recovered work asks before replacing the
    /// file (a hostile pass lost a colleague's added article this way, without a word).
    #[test]
    fn a_file_written_while_the_window_worked_is_said_and_not_saved_over() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("p.ron");
        let mut d = doc(dir.path());
        tag(&mut d, 0, Tag::Loaded, Instant::now());
        // A colleague's version replaces the file (another program's atomic save).
        let mut theirs = store::load(&path).unwrap();
        theirs.title = "their version".into();
        let tmp = dir.path().join("theirs.ron");
        store::save(&theirs, &tmp).unwrap();
        std::fs::rename(&tmp, &path).unwrap();
        d.autosave().unwrap();
        let found = find_recovery(&path, &dir.path().join("untitled")).unwrap();
        assert!(found.modified >= std::fs::metadata(&path).unwrap().modified().unwrap());
        assert!(
            found.project_written_since,
            "the file changed since the work began"
        );
        let mut recovered = Document::recover(&path, &found, dir.path().join("untitled")).unwrap();
        assert!(matches!(
            recovered.save(),
            Err(SaveError::ChangedOnDisk { .. })
        ));
        assert_eq!(store::load(&path).unwrap().title, "their version");
        // The file as the work knew it: nothing said, and saving goes ahead.
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("p.ron");
        let mut d = doc(dir.path());
        tag(&mut d, 0, Tag::Loaded, Instant::now());
        d.autosave().unwrap();
        let found = find_recovery(&path, &dir.path().join("untitled")).unwrap();
        assert!(!found.project_written_since);
        let mut recovered = Document::recover(&path, &found, dir.path().join("untitled")).unwrap();
        recovered.save().unwrap();
        assert_eq!(find_recovery(&path, &dir.path().join("untitled")), None);
    }

    /// A project's folder renamed while it is open is not made again by the autosave: the
    /// work goes to the folder for projects never saved, and saving says the folder is gone.
    #[test]
    fn a_folder_renamed_while_open_is_not_made_again() {
        let top = tempfile::tempdir().unwrap();
        let dir = top.path().join("class");
        std::fs::create_dir(&dir).unwrap();
        doc(&dir);
        let untitled = top.path().join("untitled");
        let mut d = Document::open(&dir.join("p.ron"), untitled.clone()).unwrap();
        tag(&mut d, 0, Tag::Loaded, Instant::now());
        std::fs::rename(&dir, top.path().join("renamed")).unwrap();
        let autosaved = d.autosave().unwrap();
        assert!(!dir.exists(), "the old folder is not made again");
        assert!(autosaved.starts_with(&untitled), "{}", autosaved.display());
        let e = d.save().unwrap_err().to_string();
        assert!(
            e.contains("is not there (moved, renamed or deleted?)"),
            "{e}"
        );
        assert!(!dir.exists());
    }

    /// A project on a share the window may read but not write autosaves to the folder for
    /// projects never saved, naming the project; opening the project finds that work there (it
    /// was listed only as a project never saved, and reopening the project offered nothing).
    #[test]
    fn work_autosaved_away_from_a_folder_not_written_is_found_by_opening_the_project() {
        let dir = tempfile::tempdir().unwrap();
        let untitled = dir.path().join("untitled");
        let path = dir.path().join("p.ron");
        let mut d = doc(dir.path());
        // The project's folder refuses the recovery file (as a read-only share does).
        std::fs::create_dir(dir.path().join("p.ron.autosave")).unwrap();
        tag(&mut d, 0, Tag::Loaded, Instant::now());
        let away = d.autosave().unwrap();
        assert!(away.starts_with(&untitled), "{}", away.display());
        drop(d); // killed

        let found = find_recovery(&path, &untitled).expect("found by opening the project");
        assert_eq!(found.path, away);
        assert!(!found.project_written_since);
        assert!(
            find_untitled_recoveries(&untitled).is_empty(),
            "not offered as a project never saved: its project is there"
        );
        assert_eq!(
            find_recovery(&dir.path().join("other.ron"), &untitled),
            None
        );
        let mut back = Document::recover(&path, &found, untitled.clone()).unwrap();
        assert_eq!(
            back.project.articles[0]
                .annotation(&back.project.reviewers[0].id, 0)
                .unwrap()
                .tag,
            Some(Tag::Loaded)
        );
        // Its autosaves replace that file rather than leaving another.
        tag(&mut back, 1, Tag::Fact, Instant::now());
        assert_eq!(back.autosave().unwrap(), away);
        assert_eq!(std::fs::read_dir(&untitled).unwrap().count(), 1);
        back.save().unwrap();
        assert!(!away.exists(), "saving removes the work kept away");
        assert_eq!(find_recovery(&path, &untitled), None);

        // The folder writable again: the next autosave goes beside and the one away goes.
        let mut d = Document::open(&path, untitled.clone()).unwrap();
        tag(&mut d, 0, Tag::Quote, Instant::now());
        assert_eq!(d.autosave().unwrap(), away);
        std::fs::remove_dir(dir.path().join("p.ron.autosave")).unwrap();
        tag(&mut d, 1, Tag::Quote, Instant::now());
        assert_eq!(d.autosave().unwrap(), dir.path().join("p.ron.autosave"));
        assert!(!away.exists());
    }

    /// Work kept away from a project whose folder is gone since can no longer be found by
    /// opening the project: the start screen offers it with the projects never saved.
    #[test]
    fn work_kept_away_from_a_folder_that_is_gone_is_offered_at_start() {
        let top = tempfile::tempdir().unwrap();
        let dir = top.path().join("share");
        std::fs::create_dir(&dir).unwrap();
        let untitled = top.path().join("untitled");
        doc(&dir);
        std::fs::create_dir(dir.join("p.ron.autosave")).unwrap();
        let mut d = Document::open(&dir.join("p.ron"), untitled.clone()).unwrap();
        tag(&mut d, 0, Tag::Loaded, Instant::now());
        let away = d.autosave().unwrap();
        drop(d);
        assert!(find_untitled_recoveries(&untitled).is_empty());
        std::fs::remove_dir_all(&dir).unwrap();
        let offered = find_untitled_recoveries(&untitled);
        assert_eq!(offered.len(), 1);
        assert_eq!(offered[0].path, away);
        assert_eq!(
            offered[0].belongs_to.as_deref(),
            Some(canonical_in(&top, "share/p.ron").as_path())
        );
        // Recovered, it is saved under its old name, where the person chooses.
        let back = Document::recover_untitled(&offered[0], untitled.clone()).unwrap();
        assert_eq!(back.suggested_name(), "p.ron");
        assert_eq!(back.path(), None);
    }

    /// The project renamed (or deleted) in its folder while a window worked on it: opening the
    /// new name does not find the work kept away from it, so the start screen offers it.
    #[test]
    fn work_kept_away_from_a_project_renamed_since_is_offered_at_start() {
        let dir = tempfile::tempdir().unwrap();
        let untitled = dir.path().join("untitled");
        doc(dir.path());
        std::fs::create_dir(dir.path().join("p.ron.autosave")).unwrap();
        let mut d = Document::open(&dir.path().join("p.ron"), untitled.clone()).unwrap();
        tag(&mut d, 0, Tag::Loaded, Instant::now());
        let away = d.autosave().unwrap();
        drop(d);
        assert!(find_untitled_recoveries(&untitled).is_empty());
        std::fs::rename(dir.path().join("p.ron"), dir.path().join("p-v2.ron")).unwrap();
        let offered = find_untitled_recoveries(&untitled);
        assert_eq!(offered.iter().map(|r| &r.path).collect::<Vec<_>>(), [&away]);
    }

    /// The project renamed while its window works on it, in a folder it may write: the work
    /// goes where the start screen offers it, not beside the old name, which opening no file
    /// finds (a helper's renamed project opened as last saved, the work out of reach).
    #[test]
    fn a_project_renamed_while_open_autosaves_where_the_start_finds_it() {
        let dir = tempfile::tempdir().unwrap();
        let untitled = dir.path().join("untitled");
        let mut d = doc(dir.path());
        tag(&mut d, 0, Tag::Loaded, Instant::now());
        let beside = d.autosave().unwrap();
        assert_eq!(beside, dir.path().join("p.ron.autosave"));
        std::fs::rename(dir.path().join("p.ron"), dir.path().join("p-v2.ron")).unwrap();
        tag(&mut d, 1, Tag::Quote, Instant::now());
        let away = d.autosave().unwrap();
        assert!(away.starts_with(&untitled), "{}", away.display());
        assert!(!beside.exists(), "the older one beside the old name goes");
        drop(d); // killed
        let offered = find_untitled_recoveries(&untitled);
        assert_eq!(offered.iter().map(|r| &r.path).collect::<Vec<_>>(), [&away]);
        assert_eq!(
            offered[0].belongs_to.as_deref().and_then(Path::file_name),
            Some(std::ffi::OsStr::new("p.ron"))
        );
    }

    fn canonical_in(dir: &tempfile::TempDir, rel: &str) -> PathBuf {
        std::fs::canonicalize(dir.path()).unwrap().join(rel)
    }

    /// A failed autosave (a full disk, a pulled drive) is tried again after the autosave
    /// interval, not on every frame, where the app reported it many times a second.
    #[test]
    fn a_failed_autosave_waits_before_it_tries_again() {
        let dir = tempfile::tempdir().unwrap();
        let mut d = doc(dir.path());
        // Both the recovery file's place and the untitled folder are taken by something else.
        std::fs::create_dir(dir.path().join("p.ron.autosave")).unwrap();
        std::fs::write(dir.path().join("untitled"), "a file, not a folder").unwrap();
        // Tagged a minute ago: the autosave is due now.
        let t0 = Instant::now() - AUTOSAVE_AFTER * 2;
        tag(&mut d, 0, Tag::Fact, t0);
        assert!(d.autosave_due(Instant::now()));
        assert!(d.autosave().is_err());
        let after = Instant::now();
        assert!(!d.autosave_due(after), "not again at once");
        assert!(d.autosave_due(after + AUTOSAVE_AFTER));
    }

    #[test]
    fn untitled_projects_autosave_in_their_own_folder() {
        let dir = tempfile::tempdir().unwrap();
        let mut d = Document::new(
            Project::new("New", Timestamp::UNIX_EPOCH),
            dir.path().join("untitled"),
        );
        assert_eq!(d.display_name(), "New (not saved)");
        assert!(d.save().is_err());
        let path = d.autosave().unwrap();
        assert!(path.starts_with(dir.path().join("untitled")));
        d.save_as(&dir.path().join("new.ron")).unwrap();
        assert!(!path.exists());
        assert_eq!(d.display_name(), "new.ron");
    }
    /// A project never saved, killed after its autosave, is found again, and a second project
    /// autosaves beside it rather than over it.
    #[test]
    fn an_untitled_project_killed_is_found_and_the_next_one_does_not_replace_it() {
        let dir = tempfile::tempdir().unwrap();
        let untitled = dir.path().join("untitled");
        let mut first = Document::new(
            Project::new("First", Timestamp::UNIX_EPOCH),
            untitled.clone(),
        );
        first
            .project
            .articles
            .push(crate::model::Article::new("a".into(), "A", "One. Two."));
        let kept = first.autosave().unwrap();
        drop(first); // killed: nothing else happens
        let mut second = Document::new(
            Project::new("Second", Timestamp::UNIX_EPOCH),
            untitled.clone(),
        );
        let other = second.autosave().unwrap();
        assert_ne!(kept, other);
        let found = find_untitled_recoveries(&untitled);
        assert_eq!(found.len(), 2);
        let first_again = found.iter().find(|r| r.path == kept).unwrap();
        let mut back = Document::recover_untitled(first_again, untitled.clone()).unwrap();
        assert_eq!(back.project.title, "First");
        assert!(back.is_dirty());
        // Taken over as this process's file, not left under the dead one's name, where another
        // window would take it for a crash's.
        assert!(!kept.exists());
        let taken = back.recovery_path();
        assert!(taken.exists());
        assert!(find::in_use(
            &taken.file_name().unwrap().to_string_lossy(),
            12345,
            |pid| pid == std::process::id()
        ));
        // It goes on autosaving to that file, and saving it removes it.
        assert_eq!(back.autosave().unwrap(), taken);
        back.save_as(&dir.path().join("first.ron")).unwrap();
        assert!(!taken.exists());
        assert_eq!(find_untitled_recoveries(&untitled).len(), 1);
    }

    #[test]
    fn a_students_copy_killed_before_its_first_save_is_found_beside_the_assignment() {
        let dir = tempfile::tempdir().unwrap();
        let handout = locked_handout(dir.path());
        let before = std::fs::read(&handout).unwrap();
        assert_eq!(
            find_student_recovery(&handout, &dir.path().join("untitled")),
            None
        );
        let mut d = Document::open(&handout, dir.path().join("untitled")).unwrap();
        let t = Instant::now();
        d.add_reviewer("Eve", t).unwrap();
        tag(&mut d, 1, Tag::Quote, t);
        let recovery = d.autosave().unwrap();
        assert_eq!(recovery, dir.path().join("homework - Eve.ron.autosave"));
        drop(d); // the app is killed

        let (file, found) =
            find_student_recovery(&handout, &dir.path().join("untitled")).expect("found");
        assert_eq!(file, dir.path().join("homework - Eve.ron"));
        let mut back = Document::recover(&file, &found, dir.path().join("untitled")).unwrap();
        let eve = back.project.find_reviewer("Eve").unwrap().id.clone();
        assert_eq!(
            back.project.articles[0].annotation(&eve, 1).unwrap().tag,
            Some(Tag::Quote)
        );
        back.keep_off(handout.clone());
        assert!(matches!(
            back.save_as(&handout),
            Err(SaveError::Assignment { .. })
        ));
        back.save().unwrap();
        assert!(file.exists(), "saved as the student's own file");
        assert_eq!(
            std::fs::read(&handout).unwrap(),
            before,
            "the assignment untouched"
        );
        assert_eq!(
            find_student_recovery(&handout, &dir.path().join("untitled")),
            None,
            "nothing left to recover"
        );
    }

    /// A student's copy of an assignment on a share the student may not write, killed before
    /// its first save: opening the assignment again finds the work kept away from it.
    #[test]
    fn a_students_copy_of_an_assignment_on_a_read_only_share_is_found_again() {
        let dir = tempfile::tempdir().unwrap();
        let untitled = dir.path().join("untitled");
        let handout = locked_handout(dir.path());
        std::fs::create_dir(dir.path().join("homework - Eve.ron.autosave")).unwrap();
        let mut d = Document::open(&handout, untitled.clone()).unwrap();
        let t = Instant::now();
        d.add_reviewer("Eve", t).unwrap();
        tag(&mut d, 1, Tag::Quote, t);
        let away = d.autosave().unwrap();
        assert!(away.starts_with(&untitled), "{}", away.display());
        drop(d);
        let (file, found) = find_student_recovery(&handout, &untitled).expect("found");
        assert_eq!(file.file_name().unwrap(), "homework - Eve.ron");
        assert_eq!(found.path, away);
        assert!(
            find_untitled_recoveries(&untitled).is_empty(),
            "found by opening the assignment, not offered as a project never saved"
        );
        let back = Document::recover(&file, &found, untitled.clone()).unwrap();
        assert!(back.project.find_reviewer("Eve").is_some());
    }
}
