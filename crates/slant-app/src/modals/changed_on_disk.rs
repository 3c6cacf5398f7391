//! "The file changed on disk": asked before a save would replace what another program wrote.

use std::path::Path;

use super::{Answer, SlantApp};

impl SlantApp {
    pub(super) fn changed_on_disk_dialog(
        &mut self,
        ui: &mut egui::Ui,
        path: &Path,
        answer: &mut Answer,
    ) {
        ui.heading("The file changed on disk");
        ui.label(format!(
            "{} was changed by another program (or another copy of Slant) after you opened it. Saving now would replace those changes with yours.",
            path.display()
        ));
        ui.horizontal(|ui| {
            if ui.button("Overwrite").clicked() {
                answer.close = true;
                self.overwrite(path);
            }
            if ui.button("Save as…").clicked() {
                answer.close = true;
                self.save(true);
            }
            if ui.button("Cancel").clicked() {
                answer.close = true;
            }
        });
    }
}
