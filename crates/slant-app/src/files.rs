//! Saving the project and importing an article: the app's file work, and the file dialog every
//! file step goes through (exporting a report is in `export.rs`).

use super::*;

use crate::dialogs::{Choice, Kind, Purpose, Request};
use crate::export::ReportOf;
use crate::file_picker::FilePicker;

/// What the app does with the file a dialog gives it.
#[derive(Clone, Debug, PartialEq)]
pub(super) enum Then {
    Open,
    /// Save there, then carry on (close, quit, open another project…).
    Save {
        after: Option<After>,
    },
    Import,
    Export {
        format: Format,
        open_after: bool,
        whose: Option<crate::export::ReportOf>,
    },
    LexiconFolder,
    Merge,
}

impl SlantApp {
    /// Asks for a file — the system's dialog, or Slant's own where the system has none — and
    /// carries on with `then` once it is chosen.
    pub(super) fn ask_file(&mut self, then: Then) {
        let request = self.request_for(&then);
        match self.dialogs.choose(&request) {
            Choice::Chosen(paths) => self.file_chosen(then, paths),
            Choice::Cancelled => {}
            Choice::Unavailable => {
                let mut picker = FilePicker::new(
                    &request.title,
                    request.kind,
                    &request.extensions,
                    request.folder.clone(),
                    &request.suggested_name,
                );
                picker.refuse_projects = request.purpose == Purpose::ExportReport;
                if request.purpose == Purpose::MergeStudents {
                    picker.ok_label = Some("Merge these files");
                    picker.chosen = self
                        .merge_refused
                        .iter()
                        .filter(|p| p.is_file())
                        .cloned()
                        .collect();
                }
                if request.purpose == Purpose::SaveProject {
                    picker.refusals = self.workspace.as_ref().map(|w| w.doc.refusals());
                    let own = self
                        .workspace
                        .as_ref()
                        .and_then(|w| w.doc.path())
                        .map(Path::to_owned);
                    picker.claims = Some((self.claims_dir(), own));
                }
                self.modal = Some(Modal::PickFile {
                    picker: Box::new(picker),
                    then,
                });
            }
        }
    }

    fn request_for(&self, then: &Then) -> Request {
        let ws = self.workspace.as_ref();
        let (purpose, title, kind, extensions, suggested_name) = match then {
            Then::Open => (
                Purpose::OpenProject,
                "Open project",
                Kind::OpenFile,
                vec!["ron"],
                String::new(),
            ),
            Then::Save { .. } => (
                Purpose::SaveProject,
                "Save project",
                Kind::SaveFile,
                vec!["ron"],
                ws.map(|w| w.doc.suggested_name()).unwrap_or_default(),
            ),
            Then::Import => (
                Purpose::ImportArticle,
                "Import article",
                Kind::OpenFile,
                slant_core::import::Format::endings().collect(),
                String::new(),
            ),
            Then::Export { format, whose, .. } => (
                Purpose::ExportReport,
                "Export report",
                Kind::SaveFile,
                vec![format.extension()],
                format!(
                    "{}.{}",
                    ws.map_or("report".to_owned(), |w| {
                        let project = &w.doc.project;
                        // A student's report carries their name, out of a class file or their
                        // own copy, so the next student's does not overwrite it or look like it.
                        // A class file's CSV and JSON hold every reviewer's tags: no one's name.
                        let whose = if format.one_reviewer() || project.reviewers.len() < 2 {
                            whose.as_ref()
                        } else {
                            None
                        };
                        match whose {
                            // A student's copy of an assignment is locked, as the class is.
                            Some(ReportOf::Reviewer(id))
                                if project.reviewers.len() >= 2
                                    || project.sentences.is_locked() =>
                            {
                                match project.reviewer(id) {
                                    Some(r) => store::file_stem_for(&format!(
                                        "{} - {}",
                                        project.title, r.name
                                    )),
                                    None => store::file_stem_for(&project.title),
                                }
                            }
                            Some(ReportOf::Class) => {
                                store::file_stem_for(&format!("{} - the class", project.title))
                            }
                            _ => store::file_stem_for(&project.title),
                        }
                    }),
                    format.extension()
                ),
            ),
            Then::LexiconFolder => (
                Purpose::LexiconFolder,
                "Folder of word lists",
                Kind::Folder,
                vec![],
                String::new(),
            ),
            Then::Merge => (
                Purpose::MergeStudents,
                "Merge students' files",
                Kind::OpenFiles,
                vec!["ron"],
                String::new(),
            ),
        };
        Request {
            purpose,
            title: title.to_owned(),
            kind,
            extensions,
            suggested_name,
            folder: self.start_folder(),
        }
    }

    /// Where a file dialog starts: the project's folder, else the folder last chosen from in
    /// this run (a second article imported into a new project comes from beside the first),
    /// else the last project's, else home.
    fn start_folder(&self) -> PathBuf {
        let project = self
            .document()
            .and_then(|d| d.path())
            .and_then(Path::parent);
        let recent = self.settings.recent.first().and_then(|p| p.parent());
        // The first that is still a folder: one deleted since is passed over, not the rest.
        [project, self.last_folder.as_deref(), recent]
            .into_iter()
            .flatten()
            .find(|d| d.is_dir())
            .map(Path::to_owned)
            .or_else(|| std::env::var_os("HOME").map(PathBuf::from))
            .or_else(|| std::env::current_dir().ok())
            .unwrap_or_else(|| PathBuf::from("."))
    }

    /// Carries on with the files a dialog gave.
    pub(super) fn file_chosen(&mut self, then: Then, paths: Vec<PathBuf>) {
        let Some(first) = paths.first().cloned() else {
            return;
        };
        self.last_folder = if then == Then::LexiconFolder {
            Some(first.clone())
        } else {
            first.parent().map(Path::to_owned)
        };
        match then {
            Then::Open => {
                if !self.open_elsewhere(&first) {
                    self.guarded(After::Open(first));
                }
            }
            Then::Save { after } => {
                if self.save_to(&first)
                    && let Some(after) = after
                {
                    self.run_after(after);
                }
            }
            Then::Import => self.import_paths(paths),
            Then::Export {
                format,
                open_after,
                whose,
            } => self.export_to(format, open_after, whose, &first),
            Then::LexiconFolder => self.use_lexicon_folder(Some(first)),
            Then::Merge => self.merge_files(&paths),
        }
    }

    /// Saves to the project's file (or asks where, with `ask_path` or for a project never
    /// saved). True when it was saved now; when a dialog asks where, `after` runs once saved.
    pub(super) fn save_then(&mut self, ask_path: bool, after: Option<After>) -> bool {
        let Some(ws) = &mut self.workspace else {
            return false;
        };
        ws.commit_note();
        match ws.doc.path() {
            Some(p) if !ask_path => {
                let p = p.to_owned();
                self.save_to(&p)
            }
            _ => {
                self.ask_file(Then::Save { after });
                false
            }
        }
    }

    pub(super) fn save(&mut self, ask_path: bool) {
        self.save_then(ask_path, None);
    }

    fn save_to(&mut self, path: &Path) -> bool {
        let Some(ws) = &mut self.workspace else {
            return false;
        };
        let path = path.to_owned();
        // Saved under another name, the file is claimed for this window; not a file another
        // window has open, which would lose that window's work at its next save.
        let new_claim = if ws.claim.as_ref().is_some_and(|c| c.is_for(&path)) {
            None
        } else {
            match OpenClaim::take(&path, &self.claims_dir()) {
                Ok(claim) => claim,
                Err(e) => {
                    self.error(
                        "Already open in another window",
                        format!("{e}\n\nYour work is still open: save it under another name, or close that file in the other window first."),
                    );
                    return false;
                }
            }
        };
        let Some(ws) = &mut self.workspace else {
            return false;
        };
        match ws.doc.save_as(&path) {
            Ok(()) => {
                // Saved under another name, the old file is let go even where no new mark
                // could be kept.
                if !ws.claim.as_ref().is_some_and(|c| c.is_for(&path)) {
                    ws.claim = new_claim;
                }
                ws.say(format!("Saved to {}", path.display()));
                self.settings.opened(&path);
                true
            }
            Err(store::SaveError::ChangedOnDisk { path }) => {
                self.modal = Some(Modal::ChangedOnDisk { path });
                false
            }
            Err(e) => {
                self.error(
                    "Could not save",
                    format!("{e}\n\nYour work is still open; save it under another name or in another folder."),
                );
                false
            }
        }
    }

    pub(super) fn import_article(&mut self) {
        self.ask_file(Then::Import);
    }

    /// Saves over a file that changed on disk, once the user said so.
    pub(super) fn overwrite(&mut self, path: &std::path::Path) {
        let Some(ws) = &mut self.workspace else {
            return;
        };
        if let Err(e) = ws.doc.overwrite(path) {
            self.error(
                "Could not save",
                format!("{e}\n\nYour work is still open; save it under another name or in another folder."),
            );
        }
    }
}
