//! Work that was never saved survives a crash: every change is written to a recovery file
//! beside the project within [`AUTOSAVE_AFTER`], and opening the project again offers it. A
//! student's copy not saved yet keeps its recovery beside the assignment, under the name its
//! first save will take.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant, SystemTime};

use super::{DiskStamp, Document};
use crate::model::Project;
use crate::store::{self, LoadError, SaveError};

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
    /// and goes on being autosaved to the same file until it is saved somewhere.
    pub fn recover_untitled(
        recovery: &Recovery,
        untitled_dir: PathBuf,
    ) -> Result<Document, LoadError> {
        let project = store::load(&recovery.path)?;
        let mut doc = Document::new(project, untitled_dir);
        if let Some(name) = recovery.path.file_name() {
            doc.untitled_file = name.to_string_lossy().into_owned();
        }
        doc.saved_depth = None;
        Ok(doc)
    }

    /// Where unsaved changes are written: `NAME.ron.autosave` beside the project, or a file of
    /// its own in the untitled folder for a project never saved.
    pub fn recovery_path(&self) -> PathBuf {
        match (&self.path, &self.assignment, &self.suggested_name) {
            (Some(p), _, _) => recovery_path_for(p),
            // A student's copy not saved yet: beside the assignment, under the name its first
            // save will take, where opening the assignment again finds it
            // ([`find_student_recovery`]).
            (None, Some(assignment), Some(name)) => {
                recovery_path_for(&assignment.with_file_name(name))
            }
            (None, _, _) => self.untitled_dir.join(&self.untitled_file),
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
        let base = self.path.as_ref().and(self.on_disk);
        let untitled = path.starts_with(&self.untitled_dir);
        match write_recovery(&path, project, base, untitled) {
            Ok(()) => Ok(path),
            Err(e) => {
                let fallback = self.untitled_dir.join(&self.untitled_file);
                if fallback == path {
                    return Err(e);
                }
                write_recovery(&fallback, project, None, true).map(|()| fallback)
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
        let _ = std::fs::remove_file(self.recovery_path());
    }
}

/// Writes a recovery file. Only the folder for projects never saved is made when missing: a
/// project's folder renamed or removed while it was open is not made again empty (the work then
/// went to a folder of the old name, apart from the project).
fn write_recovery(
    path: &Path,
    project: &Project,
    base: Option<DiskStamp>,
    make_dir: bool,
) -> Result<(), SaveError> {
    if make_dir && let Some(dir) = path.parent() {
        let _ = std::fs::create_dir_all(dir);
    }
    let mut text = store::to_ron(project)?;
    if let Some(base) = base {
        // A comment to RON: the file loads as any project.
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

/// The project file a recovery file's work was built on, from its last line.
fn based_on(recovery: &Path) -> Option<DiskStamp> {
    use std::io::{Read, Seek, SeekFrom};
    let mut file = std::fs::File::open(recovery).ok()?;
    let len = file.metadata().ok()?.len();
    file.seek(SeekFrom::Start(len.saturating_sub(200))).ok()?;
    let mut tail = String::new();
    file.read_to_string(&mut tail).ok()?;
    let line = tail.lines().last()?;
    DiskStamp::from_line(line.strip_prefix(BASE_MARK)?)
}

/// `NAME.ron.autosave` beside the project file itself: a project reached through a symbolic
/// link autosaves beside the file it links to, where opening it by any path finds the work (it
/// was left beside the link, and a command on the real file saved over it).
pub fn recovery_path_for(project: &Path) -> PathBuf {
    let project = std::fs::canonicalize(project).unwrap_or_else(|_| project.to_owned());
    let mut name = project.file_name().unwrap_or_default().to_os_string();
    name.push(".autosave");
    project.with_file_name(name)
}

/// A student's copy of `assignment` that was never saved but left a recovery file beside it
/// (`homework - Eve.ron.autosave`, the app killed before the student's first save): the file
/// the copy would have been saved as, and its recovery. The newest, when several students
/// share a computer.
pub fn find_student_recovery(assignment: &Path) -> Option<(PathBuf, Recovery)> {
    let stem = assignment.file_stem()?.to_string_lossy().into_owned();
    let dir = match assignment.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let prefix = format!("{stem} - ");
    std::fs::read_dir(dir)
        .ok()?
        .flatten()
        .filter_map(|entry| {
            let name = entry.file_name().to_string_lossy().into_owned();
            let student = name.strip_suffix(".autosave")?;
            if !student.starts_with(&prefix) || !student.ends_with(".ron") {
                return None;
            }
            let file = dir.join(student);
            // A copy saved since has its own recovery, found when that file is opened.
            find_recovery(&file)
                .filter(|_| !file.exists())
                .map(|recovery| (file, recovery))
        })
        .max_by_key(|(_, r)| r.modified)
}

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

/// The recovery files of projects never saved (the app killed before their first save), newest
/// first: the start screen offers them back.
pub fn find_untitled_recoveries(untitled_dir: &Path) -> Vec<Recovery> {
    let Ok(entries) = std::fs::read_dir(untitled_dir) else {
        return Vec::new();
    };
    let mut found: Vec<Recovery> = entries
        .flatten()
        .filter(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            name.starts_with("untitled")
                && name.ends_with(".ron.autosave")
                && !in_use(&name, std::process::id(), another_slant_running)
        })
        .filter_map(|e| {
            let modified = e.metadata().ok()?.modified().ok()?;
            Some(Recovery {
                path: e.path(),
                modified,
                project_written_since: false,
                based_on: None,
            })
        })
        .collect();
    found.sort_by_key(|r| std::cmp::Reverse(r.modified));
    found
}

/// Whether recovery file `name` belongs to a project still open in another Slant (its name
/// carries the writer's process id): a second window started meanwhile must neither take it
/// over nor discard it.
fn in_use(name: &str, me: u32, running: impl Fn(u32) -> bool) -> bool {
    let pid = name
        .strip_prefix("untitled-")
        .and_then(|rest| rest.split('-').nth(1))
        .and_then(|pid| pid.parse::<u32>().ok());
    pid.is_some_and(|pid| pid != me && running(pid))
}

/// Whether process `pid` runs this same program (on Linux, where `/proc` says so; elsewhere
/// nothing is known, and every file is offered).
fn another_slant_running(pid: u32) -> bool {
    let exe = |p: std::path::PathBuf| std::fs::read_link(p).ok();
    match (
        exe(Path::new("/proc").join(pid.to_string()).join("exe")),
        std::env::current_exe().ok(),
    ) {
        (Some(theirs), Some(mine)) => theirs == mine,
        _ => false,
    }
}

/// The recovery file of `project` (the app stopped with unsaved changes), whatever its age: a
/// save removes it, so one that is there is work never saved. One older than the project was
/// once passed over, and then deleted by the next save: a project merely touched (a copy, a
/// sync tool) lost its crash's work without a word.
pub fn find_recovery(project: &Path) -> Option<Recovery> {
    let path = recovery_path_for(project);
    let meta = std::fs::metadata(&path).ok()?;
    if !meta.is_file() {
        return None;
    }
    let modified = meta.modified().ok()?;
    let based_on = based_on(&path);
    let project_written_since = match based_on {
        // Another program wrote the file after the window read it, before or after the last
        // autosave. A file that is gone loses nothing when saved again.
        Some(base) => DiskStamp::of(project).is_some_and(|now| now != base),
        // A recovery file of an older Slant: only a file written after it is known.
        None => std::fs::metadata(project)
            .ok()
            .and_then(|m| m.modified().ok())
            .is_some_and(|p| p > modified),
    };
    Some(Recovery {
        path,
        modified,
        project_written_since,
        based_on,
    })
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
        let found = find_recovery(&path).unwrap();
        let recovered = Document::recover(&path, &found, dir.path().join("untitled")).unwrap();
        assert!(recovered.is_dirty());
        let r = &recovered.project.reviewers[0].id;
        assert_eq!(
            recovered.project.articles[0].annotation(r, 0).unwrap().tag,
            Some(Tag::Loaded)
        );

        // Saving removes the recovery file.
        d.save().unwrap();
        assert_eq!(find_recovery(&path), None);
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
        assert!(!find_recovery(&path).unwrap().project_written_since);
        let later = std::time::SystemTime::now() + Duration::from_secs(60);
        std::fs::File::options()
            .write(true)
            .open(&path)
            .unwrap()
            .set_modified(later)
            .unwrap();
        let found = find_recovery(&path).expect("still offered");
        assert!(found.project_written_since);
        assert_eq!(found.path, autosaved);
        #[cfg(unix)]
        {
            let link = dir.path().join("link.ron");
            std::os::unix::fs::symlink(&path, &link).unwrap();
            assert_eq!(recovery_path_for(&link), recovery_path_for(&path));
            assert!(find_recovery(&link).is_some());
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
        let found = find_recovery(&path).unwrap();
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
        let found = find_recovery(&path).unwrap();
        assert!(!found.project_written_since);
        let mut recovered = Document::recover(&path, &found, dir.path().join("untitled")).unwrap();
        recovered.save().unwrap();
        assert_eq!(find_recovery(&path), None);
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
        // It goes on autosaving to its own file, and saving it removes that file.
        assert_eq!(back.autosave().unwrap(), kept);
        back.save_as(&dir.path().join("first.ron")).unwrap();
        assert!(!kept.exists());
        assert_eq!(find_untitled_recoveries(&untitled).len(), 1);
    }

    #[test]
    fn a_recovery_another_running_slant_is_writing_is_not_offered() {
        let running = |pid: u32| pid == 4242;
        assert!(in_use(
            "untitled-1700000000000-4242-0.ron.autosave",
            7,
            running
        ));
        // Its writer is gone, or is this very process, or the name is an older one.
        assert!(!in_use(
            "untitled-1700000000000-4243-0.ron.autosave",
            7,
            running
        ));
        assert!(!in_use(
            "untitled-1700000000000-7-0.ron.autosave",
            7,
            |_| true
        ));
        assert!(!in_use("untitled.ron.autosave", 7, |_| true));
        // A live process running another program is not a Slant holding the file.
        assert!(!another_slant_running(1) || std::env::current_exe().is_err());
    }

    #[test]
    fn a_students_copy_killed_before_its_first_save_is_found_beside_the_assignment() {
        let dir = tempfile::tempdir().unwrap();
        let handout = locked_handout(dir.path());
        let before = std::fs::read(&handout).unwrap();
        assert_eq!(find_student_recovery(&handout), None);
        let mut d = Document::open(&handout, dir.path().join("untitled")).unwrap();
        let t = Instant::now();
        d.add_reviewer("Eve", t).unwrap();
        tag(&mut d, 1, Tag::Quote, t);
        let recovery = d.autosave().unwrap();
        assert_eq!(recovery, dir.path().join("homework - Eve.ron.autosave"));
        drop(d); // the app is killed

        let (file, found) = find_student_recovery(&handout).expect("found");
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
            find_student_recovery(&handout),
            None,
            "nothing left to recover"
        );
    }
}
