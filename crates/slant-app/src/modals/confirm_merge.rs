//! "Merge students' files?": what a merge would bring in, confirmed before the class file
//! changes.

use std::sync::Arc;

use slant_core::model::Project;

use super::{Answer, Modal, SlantApp};

impl SlantApp {
    /// `merged` is the class with the files added; `replacing` the class with their earlier
    /// work replaced, where a student had handed in before.
    pub(super) fn confirm_merge_dialog(
        &mut self,
        ui: &mut egui::Ui,
        merged: Arc<Project>,
        summary: &str,
        replacing: Option<Arc<Project>>,
        answer: &mut Answer,
    ) {
        ui.heading("Merge students' files?");
        ui.label(summary);
        ui.horizontal(|ui| {
            let mut pick = None;
            if ui.button("Merge").clicked() {
                pick = Some(merged);
            }
            if let Some(replacing) = replacing
                && ui.button("Replace earlier work").clicked()
            {
                pick = Some(replacing);
            }
            if let Some(project) = pick {
                if let Some(ws) = &mut self.workspace
                    && let Err(e) = ws.apply(
                        "Merge students' files",
                        Some(slant_core::command::Command::ReplaceProject(Box::new(
                            Arc::unwrap_or_clone(project),
                        ))),
                    )
                {
                    answer.next = Some(Modal::Message {
                        title: "The merge failed".into(),
                        text: e,
                    });
                } else {
                    answer.close = true;
                    if let Some(ws) = &mut self.workspace {
                        let n = ws.doc.project.reviewers.len();
                        ws.say(format!(
                            "Merged: {} in this project now (Ctrl+Z undoes the merge)",
                            slant_core::wording::count(n, "reviewer", "reviewers")
                        ));
                    }
                }
            }
            if ui.button("Cancel").clicked() {
                answer.close = true;
            }
        });
    }
}
