//! The start screen: open the sample, start a project, open a file or a recent one, and the
//! error of a project that could not be opened.

use std::path::PathBuf;

use egui::{RichText, Ui};

use super::SlantApp;
use super::actions::Action;

impl SlantApp {
    pub(super) fn start_screen(&mut self, ui: &mut Ui) {
        ui.vertical_centered(|ui| {
            ui.add_space(40.0);
            ui.heading(RichText::new("Slant").size(36.0));
            ui.label("Review news articles for media bias: tag each sentence as fact, quote, speculation or loaded wording.");
            ui.add_space(20.0);
            if let Some(error) = &self.load_error {
                egui::Frame::group(ui.style()).stroke(egui::Stroke::new(1.5, egui::Color32::from_rgb(0xD5, 0x5E, 0x00))).show(ui, |ui| {
                    ui.set_max_width(640.0);
                    ui.label(RichText::new("This project could not be opened").strong());
                    ui.label(error);
                });
                ui.add_space(12.0);
            }
            if let Some(why) = &self.start_notice {
                ui.label(RichText::new(why).strong());
                ui.add_space(12.0);
            }
            for (text, action) in [
                ("Open sample project", Action::OpenSample),
                ("New project", Action::NewProject),
                ("Open…", Action::OpenProject),
            ] {
                if ui.add_sized([240.0, 32.0], egui::Button::new(text)).clicked() {
                    self.actions.push(action);
                }
            }
            let recent: Vec<PathBuf> = self
                .settings
                .recent
                .iter()
                .filter(|p| p.exists())
                .cloned()
                .collect();
            if !recent.is_empty() {
                ui.add_space(20.0);
                ui.label(RichText::new("Recent projects").strong());
                for p in recent {
                    let link = ui.link(recent_name(&self.settings, &p, &self.claims_dir()));
                    if link.on_hover_text(p.display().to_string()).clicked() {
                        self.actions.push(Action::OpenPath(p));
                    }
                }
            }
        });
    }
}

/// A recent project as the list names it: its title and file name (two students' copies of
/// one assignment share the title), or the file name alone where its title is not known yet;
/// and whether unsaved work of it waits to be recovered, which opening it offers, or it is open
/// in another window (whose autosave is live work, not a crash's).
fn recent_name(
    settings: &crate::Settings,
    path: &std::path::Path,
    claims_dir: &std::path::Path,
) -> String {
    let file = path.file_name().map_or_else(
        || path.display().to_string(),
        |f| f.to_string_lossy().into_owned(),
    );
    // One line per entry: a title typed with line breaks or tabs reads as one title, not as
    // two entries.
    let title = settings
        .place(path)
        .map(|p| p.title.split_whitespace().collect::<Vec<_>>().join(" "));
    let name = match title {
        Some(title) if !title.is_empty() => format!("{title} ({file})"),
        _ => file,
    };
    // Its own recovery, or that of a student's copy of it (an assignment) killed before its
    // first save, which opening the assignment offers back. Whether it is open elsewhere is
    // asked only where one is there: asking takes the file's claim for an instant.
    let recovery = slant_core::document::find_recovery(path).is_some()
        || slant_core::document::find_student_recovery(path).is_some();
    if !recovery {
        name
    } else if slant_core::document::open_elsewhere(path, claims_dir, None) {
        format!("{name}: open in another window")
    } else {
        format!("{name}: unsaved work to recover")
    }
}
