//! Opening a project in this window: claiming its file from other Slant windows, offering a
//! crash's unsaved work back, and asking about this window's unsaved changes first.

use std::path::{Path, PathBuf};

use slant_core::document::{self, Document, OpenClaim};
use slant_core::store;

use crate::workspace::Workspace;
use crate::{Action, After, Modal, SAMPLE, SlantApp};

/// What a window is told when the file it would open is open in another.
const WORK_THERE: &str = "Switch to that window to work on it, or close it there first: two windows on one file would each autosave over the other's unsaved work.";

impl SlantApp {
    /// Where the marks of the files open in Slant's windows are kept.
    pub(crate) fn claims_dir(&self) -> PathBuf {
        self.data_dir.join(crate::launch::CLAIMS_FOLDER)
    }

    /// Says so, and is true, when `path` is open in another Slant window. Asked before anything
    /// else is done about opening it, so that no unsaved work is saved or discarded for nothing.
    pub(crate) fn open_elsewhere(&mut self, path: &Path) -> bool {
        let mine = |c: &Option<OpenClaim>| c.as_ref().is_some_and(|c| c.is_for(path));
        if mine(&self.pending_claim) || self.workspace.as_ref().is_some_and(|w| mine(&w.claim)) {
            return false;
        }
        OpenClaim::take(path, &self.claims_dir())
            .map_err(|e| self.refuse_open_elsewhere(&e))
            .is_err()
    }

    /// Claims `path` for this window: the claim held while the Recover dialog asked, for `path`
    /// or for the assignment a student's copy (`path`) was recovered from beside, which keeps
    /// other windows off the copy's autosave; or a new one. `Err` once the person is told
    /// another window has the file.
    fn claim(&mut self, path: &Path, assignment: Option<&Path>) -> Result<Option<OpenClaim>, ()> {
        match self.pending_claim.take() {
            Some(held) if held.is_for(path) || assignment.is_some_and(|a| held.is_for(a)) => {
                Ok(Some(held))
            }
            _ => OpenClaim::take(path, &self.claims_dir())
                .map_err(|e| self.refuse_open_elsewhere(&e)),
        }
    }

    fn refuse_open_elsewhere(&mut self, e: &document::OpenElsewhere) {
        self.error(
            "Already open in another window",
            format!("{e}\n\n{WORK_THERE}"),
        );
    }

    pub(crate) fn open(&mut self, path: &Path) {
        // Held as an absolute path: a file opened as `slant homework.ron` must be saved beside
        // itself and listed in the recent projects wherever Slant is started next.
        let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_owned());
        let path = absolute.as_path();
        // Claimed before a recovery file is offered: another window's is that window's live
        // work, and a second window must not offer the same one while this one asks.
        let Ok(claim) = self.claim(path, None) else {
            return;
        };
        self.pending_claim = claim;
        if let Some(recovery) = document::find_recovery(path, &self.untitled_dir()) {
            self.modal = Some(Modal::Recover {
                path: path.to_owned(),
                recovery,
                opened: path.to_owned(),
            });
            return;
        }
        // A student's copy of this assignment, killed before its first save.
        if let Some((student, recovery)) =
            document::find_student_recovery(path, &self.untitled_dir())
        {
            self.modal = Some(Modal::Recover {
                path: student,
                recovery,
                opened: path.to_owned(),
            });
            return;
        }
        self.open_as_saved(path);
    }

    /// Opens `path` as it was last saved, whatever recovery file it has: after the person
    /// chose to discard one that could not be deleted.
    pub(crate) fn open_as_saved(&mut self, path: &Path) {
        match Document::open(path, self.untitled_dir()) {
            Ok(doc) => self.show_document(doc),
            Err(e) => {
                self.workspace = None;
                // Said only of a file there is: a missing one was not changed either, but
                // saying so would suggest it is there.
                self.load_error = Some(if path.exists() {
                    format!("{e}\n\nThe file was not changed.")
                } else {
                    e.to_string()
                });
            }
        }
    }

    pub(crate) fn show_document(&mut self, doc: Document) {
        if let Some(path) = doc.path() {
            self.settings.opened(path);
        }
        self.load_error = None;
        let needs_reviewer = doc.project.reviewers.is_empty();
        // If another window took the file since it was chosen, this one does not show it too.
        // A student's copy not saved yet holds its assignment's: its autosave sits beside it.
        let claim = match doc.path().or(doc.assignment()) {
            Some(path) => match self.claim(path, doc.assignment()) {
                Ok(claim) => claim,
                Err(()) => return,
            },
            None => None,
        };
        self.pending_claim = None;
        let mut workspace = Workspace::new(doc, self.settings.columns);
        if let Some(place) = workspace.doc.path().and_then(|p| self.settings.place(p)) {
            workspace.show_articles(&place.columns);
        }
        workspace.claim = claim;
        self.workspace = Some(workspace);
        if needs_reviewer {
            self.modal = Some(Modal::reviewer(None));
        }
    }

    /// Unsaved changes: edits since the last save, or a note being typed.
    pub(crate) fn is_dirty(&self) -> bool {
        self.workspace
            .as_ref()
            .is_some_and(|w| w.doc.is_dirty() || w.note_pending())
    }

    /// Whether this window's version is no longer in its file: it was edited and saved here,
    /// and then another program (another Slant window choosing Overwrite, a script) wrote the
    /// file. Closing then loses this window's work as surely as unsaved changes.
    pub(crate) fn overwritten_on_disk(&self) -> bool {
        self.document()
            .is_some_and(|d| d.undo_label().is_some() && d.changed_on_disk())
    }

    /// Whether leaving the project now would lose work: unsaved changes, or a version that
    /// another writer replaced on disk.
    pub(crate) fn leaving_loses_work(&self) -> bool {
        self.is_dirty() || self.overwritten_on_disk()
    }

    /// Runs `after` now, or first asks about unsaved changes.
    pub(crate) fn guarded(&mut self, after: After) {
        if self.leaving_loses_work() {
            self.modal = Some(Modal::Unsaved(after));
        } else {
            self.run_after(after);
        }
    }

    pub(crate) fn run_after(&mut self, after: After) {
        match after {
            After::Close => self.workspace = None,
            After::Quit => {
                self.allow_close = true;
                self.actions.push(Action::Quit);
            }
            After::Open(path) => {
                // Refused before this window's project is closed, which stays open then.
                if self.open_elsewhere(&path) {
                    return;
                }
                self.workspace = None;
                self.open(&path);
            }
            After::New => {
                self.workspace = None;
                self.modal = Some(Modal::reviewer(Some("Untitled project".into())));
            }
            After::Sample => match store::from_ron(SAMPLE, Path::new("sample project")) {
                Ok(project) => self.show_document(Document::new(project, self.untitled_dir())),
                Err(e) => self.error("The sample project could not be read", e.to_string()),
            },
        }
    }
}
