//! "Save changes?": asked before closing, opening another project or quitting would lose work.

use super::{After, Answer, SlantApp};

impl SlantApp {
    /// `next` is what the person asked for, done once the work is saved or discarded.
    pub(super) fn unsaved_dialog(&mut self, ui: &mut egui::Ui, next: &After, answer: &mut Answer) {
        ui.heading("Save changes?");
        let never_saved = self.document().is_some_and(|d| d.path().is_none());
        let name = match self.document() {
            // A student's copy: the file opened was the teacher's, which stays as it was.
            Some(d) if never_saved && d.assignment().is_some() => format!(
                "Your copy of “{}” (from {})",
                d.project.title,
                d.assignment()
                    .and_then(|a| a.file_name())
                    .unwrap_or_default()
                    .to_string_lossy()
            ),
            Some(d) if never_saved => format!("“{}”", d.project.title),
            Some(d) => d.display_name(),
            None => String::new(),
        };
        let overwritten = !self.is_dirty() && self.overwritten_on_disk();
        ui.label(if never_saved {
            format!(
                "{name} has never been saved: discarding it deletes the only copy of this work."
            )
        } else if overwritten {
            format!(
                "{name} was written by another program or another Slant window after this window saved it: this window's work is no longer in the file. Save asks whether to replace that version or save this one under another name."
            )
        } else {
            format!("{name} has changes that are not saved.")
        });
        let discard = if never_saved {
            "Discard the project"
        } else {
            "Discard"
        };
        ui.horizontal(|ui| {
            let save = ui.button("Save");
            // Save is the default: focused (and ringed) as the dialog opens,
            // so Enter keeps the work.
            if ui.memory(|m| m.focused().is_none()) {
                save.request_focus();
            }
            if save.clicked() {
                // Saved now: carry on. Asked where (a project never saved): the
                // dialog carries on once it is saved.
                if self.save_then(false, Some(next.clone())) {
                    answer.after = Some(next.clone());
                }
                answer.close = true;
            }
            if ui.button(discard).clicked() {
                if let Some(d) = self.document() {
                    d.discard_recovery();
                }
                self.workspace = None;
                answer.after = Some(next.clone());
                answer.close = true;
            }
            if ui.button("Cancel").clicked() {
                answer.close = true;
            }
        });
    }
}
