//! "Recover unsaved work?": what autosave kept of a project when Slant was closed without
//! saving it, offered at the next start or when the file is opened.

use std::path::Path;

use slant_core::document::{Document, Recovery};

use super::{Action, Answer, SlantApp};

impl SlantApp {
    /// `path` is the project the recovery is of; `opened` the file the person opened (a
    /// teacher's assignment, whose student copy `path` is).
    pub(super) fn recover_dialog(
        &mut self,
        ui: &mut egui::Ui,
        path: &Path,
        recovery: &Recovery,
        opened: &Path,
        answer: &mut Answer,
    ) {
        ui.heading("Recover unsaved work?");
        let when = autosaved_at(recovery);
        ui.label(format!(
            "Slant was closed with unsaved changes to {} (autosaved {when}).",
            path.display()
        ));
        if recovery.project_written_since {
            ui.label(format!(
                "Another program or a copy wrote the file after this work began. Recovering shows this work; saving it then asks before replacing the file (the version replaced is kept beside it as {}).",
                slant_core::store::backup_path(path)
                    .file_name()
                    .unwrap_or_default()
                    .to_string_lossy()
            ));
        }
        ui.horizontal(|ui| {
            if recover_button(ui) {
                let recovered =
                    Document::recover(path, recovery, self.untitled_dir()).map(|mut doc| {
                        // A student's copy of the file opened, never saved: that file stays
                        // the teacher's, and the copy's first save asks where, as before the
                        // crash (it had gone straight to the assignment's folder).
                        if opened != path {
                            doc.keep_off(opened.to_owned());
                            let name = path.file_name().unwrap_or_default();
                            doc.detach(name.to_string_lossy().into_owned());
                        }
                        doc
                    });
                self.show_recovered(
                    recovered,
                    "The project file itself was not changed: open it again and choose Discard to open it as it was last saved.",
                );
                answer.close = true;
            }
            if ui.button("Discard").clicked() {
                answer.close = true;
                match std::fs::remove_file(&recovery.path) {
                    // In a folder that may not be written the file stays, and opening the
                    // project would only ask again: it opens as saved, and the person is told.
                    Err(e) if recovery.path.exists() => {
                        self.open_as_saved(opened);
                        self.error(
                            "The unsaved work could not be deleted",
                            format!(
                                "{}: {e}.\n\nThe project opened as it was last saved. The unsaved work stays in that file, and opening the project offers it again; delete the file (or ask whoever may write in its folder) to be rid of it.",
                                recovery.path.display()
                            ),
                        );
                    }
                    _ => answer.then.push(Action::OpenPath(opened.to_owned())),
                }
            }
            not_now(ui, answer);
        });
        ui.weak("Not now (or Escape) opens nothing and keeps the work: opening the project again offers it.");
    }

    /// A project that was never saved: its recovery is the only copy.
    pub(super) fn recover_untitled_dialog(
        &mut self,
        ui: &mut egui::Ui,
        recovery: &Recovery,
        title: &str,
        answer: &mut Answer,
    ) {
        ui.heading("Recover unsaved work?");
        let when = autosaved_at(recovery);
        ui.label(match &recovery.belongs_to {
            // Kept away from its project, which opening no file finds any more.
            Some(file) => format!(
                "Slant was closed with unsaved changes to “{title}” ({}, autosaved {when}). That file is no longer there (moved, renamed or deleted, or its folder is gone): Recover, then save the work somewhere.",
                file.display()
            ),
            None => format!(
                "“{title}” was never saved, and Slant was closed before it could be (autosaved {when})."
            ),
        });
        ui.horizontal(|ui| {
            if recover_button(ui) {
                self.show_recovered(
                    Document::recover_untitled(recovery, self.untitled_dir()),
                    "There is no project file of it: choose it again under Unsaved work to recover on the start screen, and Discard, to be rid of it.",
                );
                answer.close = true;
            }
            if ui.button("Discard").clicked() {
                let _ = std::fs::remove_file(&recovery.path);
                answer.close = true;
            }
            // Kept for the next start: nothing replaces it meanwhile.
            not_now(ui, answer);
        });
        ui.weak("Not now (or Escape) keeps the work for the next start.");
    }

    /// Shows the work a recovery file held, or why it could not be read and what to do.
    fn show_recovered(
        &mut self,
        recovered: Result<Document, slant_core::store::LoadError>,
        what_to_do: &str,
    ) {
        match recovered {
            Ok(doc) => self.show_document(doc),
            Err(e) => {
                self.load_error = Some(format!(
                    "{e}\n\nThe unsaved work in this recovery file could not be read. {what_to_do}"
                ))
            }
        }
    }
}

/// The Recover button, with the keyboard on it as the dialog opens: Enter keeps the work.
fn recover_button(ui: &mut egui::Ui) -> bool {
    let recover = ui.button("Recover");
    if ui.memory(|m| m.focused().is_none()) {
        recover.request_focus();
    }
    recover.clicked()
}

/// Leaves the recovery file as it is and opens nothing: the person decides later. Escape does the
/// same (a keyboard user found no way out of the dialog).
fn not_now(ui: &mut egui::Ui, answer: &mut Answer) {
    if ui.button("Not now").clicked() {
        answer.close = true;
    }
}

/// When a recovery file was written, as a dialog says it ("2026-11-27 11:25 UTC").
fn autosaved_at(recovery: &Recovery) -> String {
    jiff::Timestamp::try_from(recovery.modified)
        .map(|t| t.strftime("%Y-%m-%d %H:%M UTC").to_string())
        .unwrap_or_default()
}
