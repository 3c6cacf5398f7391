//! The note being typed. It belongs to the sentence and the reviewer it was opened for, whatever
//! happens next (another sentence selected, another reviewer chosen or added, undo, closing), and
//! it is an unsaved change from the first keystroke: it counts in the unsaved mark, autosave and
//! the quit question, and becomes one undoable command when the note box is left.

use std::time::Instant;

use slant_core::command::{Command, edits};
use slant_core::model::{Project, ReviewerId};

use super::Workspace;

/// The note box's text and whose note it is.
#[derive(Clone, Debug, PartialEq)]
pub struct NoteDraft {
    pub article: usize,
    pub sentence: usize,
    pub reviewer: ReviewerId,
    pub text: String,
    /// The note as stored in the project when the box was filled.
    stored: String,
    /// When the text first differed from the stored note.
    pub since: Option<Instant>,
    /// Typed on after a dialog opened and closed over the note: stored as the rest of the
    /// same edit, so one undo takes the whole note back, not each piece.
    pub continues: bool,
}

impl NoteDraft {
    /// The note box's id: one box (and one cursor) per sentence and reviewer, so a cursor left
    /// in one note never places the next note's typing in the middle of another note's text.
    pub fn box_id(&self) -> egui::Id {
        egui::Id::unique(("note", self.article, self.sentence, self.reviewer.as_str()))
    }

    /// Typed but not yet stored.
    pub fn pending(&self) -> bool {
        self.text != self.stored
    }

    /// Called when the box's text changed: notes when typing began, for autosave.
    pub fn typed(&mut self, now: Instant) {
        self.since = if self.pending() {
            self.since.or(Some(now))
        } else {
            None
        };
    }

    /// The command that stores the draft, if it changed anything.
    pub fn command(&self, project: &Project) -> Option<Command> {
        edits::set_note(
            project,
            self.article,
            &self.reviewer,
            self.sentence,
            &self.text,
        )
    }
}

impl Workspace {
    /// Stores the note being typed as its own sentence's and reviewer's note (one undoable
    /// command), then fills the box for the current selection.
    pub fn commit_note(&mut self) {
        if let Some(draft) = self.note.take()
            && draft.pending()
        {
            let command = draft.command(&self.doc.project);
            if draft.continues {
                let _ = self.apply_continuing("Edit note", command);
            } else {
                let _ = self.apply("Edit note", command);
            }
        }
        self.sync_note();
    }

    /// Keeps the box in step with the selection: a draft being typed for the selected sentence
    /// and reviewer stays; anything else is stored first and the box refilled.
    pub(super) fn sync_note(&mut self) {
        // Called every frame: when the box already shows the selected sentence's stored note,
        // there is nothing to do (and nothing to allocate).
        if let (Some(d), Some(a), Some(s), Some(r)) = (
            &self.note,
            self.focused_article(),
            self.selected,
            &self.reviewer,
        ) && (d.article, d.sentence, &d.reviewer) == (a, s, r)
            && !d.pending()
        {
            let stored = self.doc.project.articles[a]
                .annotation(r, s)
                .and_then(|x| x.note.as_deref())
                .unwrap_or("");
            if stored == d.stored {
                return;
            }
        }
        let target = match (self.focused_article(), self.selected, &self.reviewer) {
            (Some(a), Some(s), Some(r)) => Some((a, s, r.clone())),
            _ => None,
        };
        if let Some(d) = &self.note {
            let same = target
                .as_ref()
                .is_some_and(|(a, s, r)| (d.article, d.sentence, &d.reviewer) == (*a, *s, r));
            if same && d.pending() {
                return;
            }
            if d.pending() {
                return self.commit_note();
            }
        }
        self.note = target.map(|(article, sentence, reviewer)| {
            let stored = self
                .doc
                .project
                .articles
                .get(article)
                .and_then(|a| a.annotation(&reviewer, sentence))
                .and_then(|x| x.note.clone())
                .unwrap_or_default();
            NoteDraft {
                article,
                sentence,
                reviewer,
                text: stored.clone(),
                stored,
                since: None,
                continues: false,
            }
        });
    }

    /// A note typed but not yet stored.
    pub fn note_pending(&self) -> bool {
        self.note.as_ref().is_some_and(NoteDraft::pending)
    }

    /// The project as it would be with the note being typed stored (for autosave, which must
    /// not cut the typing into undo steps).
    pub fn project_with_note(&self) -> Project {
        let mut project = self.doc.project.clone();
        if let Some(d) = self.note.as_ref().filter(|d| d.pending())
            && let Some(command) = d.command(&project)
        {
            let _ = command.apply(&mut project);
        }
        project
    }
}
