//! An open project: its file, its undo history, whether it has unsaved changes, and autosave.
//!
//! This is the one way to change a project, for the app and the command line alike: every change
//! is a [`Command`] applied here (so it can be undone, marks the project unsaved and stamps
//! `modified`), and every save goes through here (so a file that failed to load is never written,
//! another writer's save is never overwritten unasked, and an assignment's rules hold). Kept free
//! of any UI so that each rule is tested here.

use std::path::{Path, PathBuf};
use std::time::{Instant, SystemTime};

use jiff::Timestamp;

use crate::command::{Command, CommandError, Touches};
use crate::model::{Project, Reviewer, ReviewerId};
use crate::store::lock::{self, LockError, ProjectLock};
use crate::store::{self, LoadError, SaveError};

mod claim;
mod recovery;

pub use claim::{OpenClaim, OpenElsewhere, open_elsewhere};
pub use recovery::{
    AUTOSAVE_AFTER, Recovery, find_recovery, find_student_recovery, find_untitled_recoveries,
    recovery_path_for,
};

struct Entry {
    label: String,
    /// The command that reverses this entry (undo) or repeats it (redo).
    command: Command,
}

/// An open project.
pub struct Document {
    pub project: Project,
    path: Option<PathBuf>,
    undo: Vec<Entry>,
    redo: Vec<Entry>,
    /// Undo depth at the last save; `None` once that state can no longer be reached.
    saved_depth: Option<usize>,
    /// When the oldest change not yet in the recovery file was made.
    unsaved_since: Option<Instant>,
    /// Where recovery files for projects that were never saved go.
    untitled_dir: PathBuf,
    /// This project's recovery file in `untitled_dir` while it has no file of its own: one per
    /// project, so a second project never replaces the first one's unsaved work.
    untitled_file: String,
    /// The file name the save dialog proposes, when not the project's title.
    suggested_name: Option<String>,
    /// The teacher's assignment this student's copy came from: never written, whatever file
    /// the student picks in a save dialog.
    assignment: Option<PathBuf>,
    /// The file as this document last read or wrote it, to notice another program's save.
    on_disk: Option<DiskStamp>,
    /// Held from reading to saving when the document was opened to edit it in one go
    /// ([`Document::open_to_edit`]): no other writer can come between.
    lock: Option<ProjectLock>,
    /// Per article, when its text and its annotations last changed (see [`Revision`]).
    revisions: Vec<Revision>,
    /// Bumped by every change; the source of the numbers in `revisions`.
    clock: u64,
}

/// When an article last changed, as numbers that only grow: caches of what is worked out from
/// an article (layout, figures, voices) compare them to know whether to redo it, so a tag on
/// one article of 20,000 sentences does not redo the others.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Revision {
    /// Its text or sentences.
    pub text: u64,
    /// Anything in it, annotations included.
    pub any: u64,
}

/// What changes when anything else writes a file: its size, its modification time and (on Unix)
/// its inode, which every atomic save (a rename) replaces even within one clock tick.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct DiskStamp {
    len: u64,
    modified: Option<SystemTime>,
    inode: u64,
}

impl DiskStamp {
    /// One line of text, as a recovery file records it: size, modification time in seconds
    /// and nanoseconds since 1970, inode.
    fn to_line(self) -> String {
        let since = |t: SystemTime| t.duration_since(SystemTime::UNIX_EPOCH).ok();
        let (secs, nanos) = self
            .modified
            .and_then(since)
            .map_or((0, 0), |d| (d.as_secs(), d.subsec_nanos()));
        format!("{} {secs} {nanos} {}", self.len, self.inode)
    }

    fn from_line(line: &str) -> Option<DiskStamp> {
        let mut parts = line.split_whitespace().map(str::parse::<u64>);
        let mut next = || parts.next()?.ok();
        let (len, secs, nanos, inode) = (next()?, next()?, next()?, next()?);
        let nanos = u32::try_from(nanos).ok().filter(|n| *n < 1_000_000_000)?;
        let modified = ((secs, nanos) != (0, 0))
            .then(|| SystemTime::UNIX_EPOCH + std::time::Duration::new(secs, nanos));
        Some(DiskStamp {
            len,
            modified,
            inode,
        })
    }

    fn of(path: &Path) -> Option<DiskStamp> {
        let meta = std::fs::metadata(path).ok()?;
        #[cfg(unix)]
        let inode = std::os::unix::fs::MetadataExt::ino(&meta);
        #[cfg(not(unix))]
        let inode = 0;
        Some(DiskStamp {
            len: meta.len(),
            modified: meta.modified().ok(),
            inode,
        })
    }
}

/// Why a project could not be opened to edit.
#[derive(Debug, thiserror::Error)]
pub enum OpenError {
    #[error(transparent)]
    Load(#[from] LoadError),
    #[error(transparent)]
    Lock(#[from] LockError),
    #[error(
        "{}: a Slant window stopped without saving and left its unsaved work in {}. Open the project in Slant to recover it (or discard it), then run this again; nothing was changed.",
        path.display(),
        kept_in(path, recovery)
    )]
    UnsavedWork { path: PathBuf, recovery: PathBuf },
}

/// Where a recovery file is, as a person would look for it: its name when it is beside the
/// project, its whole path when it was kept away from the project's folder.
fn kept_in(project: &Path, recovery: &Path) -> String {
    let folder = |file: &Path| {
        let dir = file.parent().filter(|d| !d.as_os_str().is_empty());
        std::fs::canonicalize(dir.unwrap_or(Path::new("."))).ok()
    };
    if folder(project) == folder(recovery) {
        recovery
            .file_name()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned()
    } else {
        recovery.display().to_string()
    }
}

impl Document {
    /// A document for a project that has no file yet.
    pub fn new(project: Project, untitled_dir: PathBuf) -> Document {
        Document {
            revisions: vec![Revision::default(); project.articles.len()],
            project,
            path: None,
            undo: Vec::new(),
            redo: Vec::new(),
            saved_depth: Some(0),
            unsaved_since: None,
            untitled_dir,
            untitled_file: recovery::untitled_file_name(),
            suggested_name: None,
            assignment: None,
            on_disk: None,
            lock: None,
            clock: 0,
        }
    }

    /// When article `index` last changed.
    pub fn revision(&self, index: usize) -> Revision {
        self.revisions.get(index).copied().unwrap_or_default()
    }

    /// Moves the revisions of what `command` touches forward.
    fn note_changes(&mut self, command: &Command) {
        let mut touched = Vec::new();
        command.touches(&mut touched);
        self.clock += 1;
        let now = self.clock;
        let n = self.project.articles.len();
        for t in touched {
            match t {
                Touches::Project => {}
                Touches::Annotations(a) => {
                    if let Some(r) = self.revisions.get_mut(a) {
                        r.any = now;
                    }
                }
                Touches::Article(a) => {
                    if let Some(r) = self.revisions.get_mut(a) {
                        *r = Revision {
                            text: now,
                            any: now,
                        };
                    }
                }
                Touches::Everything => {
                    self.revisions = vec![
                        Revision {
                            text: now,
                            any: now
                        };
                        n
                    ];
                }
            }
        }
        self.revisions.resize(
            n,
            Revision {
                text: now,
                any: now,
            },
        );
    }

    /// Opens a project file to change it and save it in one go (what each command-line write
    /// does): the file stays locked against other writers until the document is dropped, so two
    /// commands at once run one after the other and neither loses the other's change.
    pub fn open_to_edit(path: &Path, untitled_dir: PathBuf) -> Result<Document, OpenError> {
        let lock = ProjectLock::acquire(path, lock::WAIT)?;
        // A crashed window's unsaved work: saving this change would make it look stale (it is
        // older than the file), and the start screen would no longer offer it back.
        if let Some(recovery) = find_recovery(path, &untitled_dir) {
            return Err(OpenError::UnsavedWork {
                path: path.to_owned(),
                recovery: recovery.path,
            });
        }
        let mut doc = Document::open(path, untitled_dir)?;
        doc.lock = lock;
        Ok(doc)
    }

    /// Opens a project file. On error nothing is kept, so nothing can overwrite that file.
    pub fn open(path: &Path, untitled_dir: PathBuf) -> Result<Document, LoadError> {
        let before = DiskStamp::of(path);
        let project = store::load(path)?;
        let mut doc = Document::new(project, untitled_dir);
        doc.path = Some(path.to_owned());
        doc.on_disk = before;
        Ok(doc)
    }

    /// Lets go of the file the project came from, so the next save asks where to write and
    /// proposes `file_name`: a student's copy of an assignment must never overwrite the
    /// teacher's file.
    pub fn detach(&mut self, file_name: String) {
        self.path = None;
        self.on_disk = None;
        self.saved_depth = None;
        self.suggested_name = Some(file_name);
    }

    /// Marks `assignment` as the teacher's file this copy came from, which no save writes (a
    /// student's copy recovered after a crash is not a reviewer added just now).
    pub fn keep_off(&mut self, assignment: PathBuf) {
        self.assignment = Some(assignment);
    }

    /// The file name a save dialog should propose: the student's own file name for a copy of
    /// an assignment, the file's own name for a project saved before (Save as… starts from it),
    /// else one made from the title.
    pub fn suggested_name(&self) -> String {
        self.suggested_name
            .clone()
            .or_else(|| {
                self.path
                    .as_deref()
                    .and_then(Path::file_name)
                    .map(|n| n.to_string_lossy().into_owned())
            })
            .unwrap_or_else(|| format!("{}.ron", crate::store::file_stem_for(&self.project.title)))
    }

    /// Why saving to `path` would be refused whatever the user says: it is a teacher's
    /// assignment (see [`Refusals`]).
    pub fn refuses(&self, path: &Path) -> Option<SaveError> {
        self.refusals().check(path)
    }

    /// What a save of this document refuses to write over, for a save dialog to say at once.
    pub fn refusals(&self) -> Refusals {
        Refusals {
            assignment: self.assignment.clone(),
            own: self.path.clone(),
            reviewers: !self.project.reviewers.is_empty(),
        }
    }

    /// The teacher's assignment this student's copy came from, which no save writes.
    pub fn assignment(&self) -> Option<&Path> {
        self.assignment.as_deref()
    }

    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// The name shown in the window title.
    pub fn display_name(&self) -> String {
        match &self.path {
            Some(p) => p.file_name().map_or_else(
                || p.display().to_string(),
                |n| n.to_string_lossy().into_owned(),
            ),
            None => format!("{} (not saved)", self.project.title),
        }
    }

    pub fn is_dirty(&self) -> bool {
        self.saved_depth != Some(self.undo.len())
    }

    /// Adds a reviewer and returns their id. The first reviewer of a locked assignment is a
    /// student: the document lets go of the teacher's file, so the student's first save goes to
    /// a file of their own (`ASSIGNMENT - NAME.ron`) and never over the assignment.
    pub fn add_reviewer(&mut self, name: &str, now: Instant) -> Result<ReviewerId, CommandError> {
        let name = name.trim();
        if name.is_empty() {
            return Err(CommandError("a reviewer needs a name".into()));
        }
        let id = self.project.new_reviewer_id(name);
        let index = self.project.reviewers.len();
        let student_of_assignment =
            index == 0 && self.project.sentences.is_locked() && self.path.is_some();
        let reviewer = Reviewer {
            id: id.clone(),
            name: name.to_owned(),
        };
        self.apply(
            format!("Add reviewer {name}"),
            Command::InsertReviewer { index, reviewer },
            now,
        )?;
        if student_of_assignment {
            self.assignment = self.path.clone();
            let stem = self
                .path
                .as_deref()
                .and_then(Path::file_stem)
                .map_or(self.project.title.clone(), |s| {
                    s.to_string_lossy().into_owned()
                });
            // Named as the report's file is, so a student's project and report match.
            let file = format!(
                "{}.ron",
                crate::store::file_stem_for(&format!("{stem} - {name}"))
            );
            self.detach(file);
        }
        Ok(id)
    }

    /// Applies an edit, labelled for the Edit menu ("Undo Tag as Quote").
    pub fn apply(
        &mut self,
        label: impl Into<String>,
        command: Command,
        now: Instant,
    ) -> Result<(), CommandError> {
        let inverse = command.apply(&mut self.project)?;
        self.note_changes(&inverse);
        if self.saved_depth.is_some_and(|d| d > self.undo.len()) {
            self.saved_depth = None; // the saved state was on the redo stack, now discarded
        }
        self.redo.clear();
        self.undo.push(Entry {
            label: label.into(),
            command: inverse,
        });
        self.touch(now);
        Ok(())
    }

    /// Applies an edit as the rest of the last one (a note typed on after a dialog closed over
    /// it): one undo takes both back. Only where the last edit has the same label and place and
    /// the file was not saved after it; otherwise as [`Document::apply`].
    pub fn apply_continuing(
        &mut self,
        label: impl Into<String>,
        command: Command,
        now: Instant,
    ) -> Result<(), CommandError> {
        let label = label.into();
        let continues = self.redo.is_empty()
            && self.saved_depth != Some(self.undo.len())
            && self.undo.last().is_some_and(|last| {
                last.label == label
                    && last.command.place().is_some()
                    && last.command.place() == command.place()
            });
        if !continues {
            return self.apply(label, command, now);
        }
        // The last entry's inverse already restores what was there before both.
        let inverse = command.apply(&mut self.project)?;
        self.note_changes(&inverse);
        self.touch(now);
        Ok(())
    }

    pub fn undo_label(&self) -> Option<&str> {
        self.undo.last().map(|e| e.label.as_str())
    }

    pub fn redo_label(&self) -> Option<&str> {
        self.redo.last().map(|e| e.label.as_str())
    }

    /// Where the next undo changes annotations.
    pub fn undo_place(&self) -> Option<crate::command::Place> {
        self.undo.last().and_then(|e| e.command.place())
    }

    /// Where the next redo changes annotations.
    pub fn redo_place(&self) -> Option<crate::command::Place> {
        self.redo.last().and_then(|e| e.command.place())
    }

    /// Undoes the last edit; false when there is none.
    pub fn undo(&mut self, now: Instant) -> bool {
        self.step(true, now)
    }

    pub fn redo(&mut self, now: Instant) -> bool {
        self.step(false, now)
    }

    fn step(&mut self, undo: bool, now: Instant) -> bool {
        let from = if undo { &mut self.undo } else { &mut self.redo };
        let Some(entry) = from.pop() else {
            return false;
        };
        match entry.command.apply(&mut self.project) {
            Ok(reverse) => {
                self.note_changes(&reverse);
                let to = if undo { &mut self.redo } else { &mut self.undo };
                to.push(Entry {
                    label: entry.label,
                    command: reverse,
                });
                self.touch(now);
                true
            }
            Err(_) => false, // cannot happen while every edit goes through `apply`
        }
    }

    fn touch(&mut self, now: Instant) {
        self.project.modified = Timestamp::now();
        if self.is_dirty() {
            self.unsaved_since.get_or_insert(now);
        } else {
            self.unsaved_since = None;
        }
    }

    /// Saves to the document's file. With nothing changed since the last save and the file as
    /// it was left, there is nothing to write: the file and its backup (the version before) stay.
    pub fn save(&mut self) -> Result<(), SaveError> {
        let path = self
            .path
            .clone()
            .ok_or_else(|| SaveError::Serialize("the project has no file yet".into()))?;
        if !self.is_dirty() && self.on_disk.is_some() && path.exists() && !self.changed_on_disk() {
            return Ok(());
        }
        self.save_as(&path)
    }

    /// True when another program (or another copy of Slant) wrote the document's file since
    /// this document read or saved it. A file that is gone does not count: saving loses nothing.
    pub fn changed_on_disk(&self) -> bool {
        match (&self.path, self.on_disk) {
            (Some(path), Some(known)) => DiskStamp::of(path).is_some_and(|now| now != known),
            _ => false,
        }
    }

    /// Saves to `path`, which becomes the document's file; the recovery file is removed. Refuses
    /// to write over the document's own file when it [changed on disk](Self::changed_on_disk):
    /// [`Self::overwrite`] does that once the user has said so.
    pub fn save_as(&mut self, path: &Path) -> Result<(), SaveError> {
        self.write(path, true)
    }

    /// Saves to `path`, which must not exist yet (`slant new`): a project someone else created
    /// there meanwhile is never replaced.
    pub fn save_new(&mut self, path: &Path) -> Result<(), SaveError> {
        store::save_new(&self.project, path)?;
        self.saved_to(path);
        Ok(())
    }

    /// As [`Self::save_as`], whatever is in the file now.
    pub fn overwrite(&mut self, path: &Path) -> Result<(), SaveError> {
        self.write(path, false)
    }

    fn write(&mut self, path: &Path, refuse_if_changed: bool) -> Result<(), SaveError> {
        // Unless this document already holds it, lock the file for the check and the write, so
        // that a command-line edit in progress finishes first and is then seen as a change on
        // disk, never lost.
        let _lock = if self.lock.is_some() && self.path.as_deref() == Some(path) {
            None
        } else {
            ProjectLock::acquire(path, lock::WAIT).map_err(|e| SaveError::Locked(e.to_string()))?
        };
        if let Some(refused) = self.refuses(path) {
            return Err(refused);
        }
        if refuse_if_changed && self.path.as_deref() == Some(path) && self.changed_on_disk() {
            return Err(SaveError::ChangedOnDisk {
                path: path.to_owned(),
            });
        }
        store::save(&self.project, path)?;
        self.saved_to(path);
        Ok(())
    }

    fn saved_to(&mut self, path: &Path) {
        self.on_disk = DiskStamp::of(path);
        self.remove_recovery();
        self.path = Some(path.to_owned());
        self.saved_depth = Some(self.undo.len());
        self.unsaved_since = None;
        self.remove_recovery();
    }
}

/// The files a save of a document never writes over, whatever the user says: the teacher's
/// assignment a student's copy came from (reached any way), and, for work with a reviewer in
/// it, any other assignment as handed out (a student who reopened their own file and chose
/// Save as… on the handout beside it once replaced it).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Refusals {
    assignment: Option<PathBuf>,
    own: Option<PathBuf>,
    reviewers: bool,
}

impl Refusals {
    /// Why saving to `path` is refused, if it is.
    pub fn check(&self, path: &Path) -> Option<SaveError> {
        let over_assignment = self
            .assignment
            .as_deref()
            .is_some_and(|a| same_file(a, path));
        // The document's own file is what it was opened from: never a handout it must spare.
        let over_handout = self.reviewers
            && !self.own.as_deref().is_some_and(|own| same_file(own, path))
            && is_handout(path);
        (over_assignment || over_handout).then(|| SaveError::Assignment {
            path: path.to_owned(),
        })
    }
}

/// Whether `path` holds an assignment as a teacher hands it out: a project whose sentences are
/// locked and which holds nobody's tags yet.
pub fn is_handout(path: &Path) -> bool {
    path.is_file()
        && !header_names_reviewers(path)
        && store::load(path).is_ok_and(|p| {
            p.sentences == crate::model::SentenceLock::Locked && p.reviewers.is_empty()
        })
}

/// Whether the start of the file at `path`, as Slant writes projects, lists a reviewer: then it
/// is no handout, and a class's 500 MB project need not be read whole (a second and more) to
/// learn that before each save. Anything else is left to the full read.
fn header_names_reviewers(path: &Path) -> bool {
    use std::io::Read;
    let mut start = Vec::new();
    let read = std::fs::File::open(path).and_then(|f| f.take(64 * 1024).read_to_end(&mut start));
    read.is_ok() && lists_reviewers(&String::from_utf8_lossy(&start))
}

/// Whether a project file's text, pretty-printed as Slant writes it (top-level fields two spaces
/// in, strings escaped, so a line break never occurs inside one), opens with a non-empty
/// `reviewers` list before its articles.
fn lists_reviewers(start: &str) -> bool {
    let field = |name: &str| start.find(&format!("\n  {name}:"));
    let Some(at) = field("reviewers") else {
        return false;
    };
    if field("articles").is_some_and(|articles| articles < at) {
        return false;
    }
    let list = start[at..].split_once(':').map_or("", |(_, rest)| rest);
    let mut chars = list.chars().filter(|c| !c.is_whitespace());
    chars.next() == Some('[') && chars.next().is_some_and(|c| c != ']')
}

/// Whether two paths name one file: the same path, or the same file reached another way
/// (`./a.ron`, a link).
fn same_file(a: &Path, b: &Path) -> bool {
    a == b
        || match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
            (Ok(x), Ok(y)) => x == y,
            _ => false,
        }
}

#[cfg(test)]
mod tests;
