//! Exporting a report: the dialog that chooses its format (and, in a class file, whose report it
//! is), then the file it is written to.

use egui::Key;

use super::*;
use crate::files::Then;

impl SlantApp {
    /// The export dialog's contents. True when it is done (exported or cancelled).
    pub(super) fn export_dialog(
        &mut self,
        ui: &mut Ui,
        format: &mut Format,
        open_after: &mut bool,
        whose: &mut Option<slant_core::model::ReviewerId>,
    ) -> bool {
        let mut close = false;
        // A fixed width: the dialog must not move under the keyboard as the
        // description changes with the format.
        ui.set_width(480.0);
        ui.heading("Export report");
        for f in Format::ALL {
            ui.radio_value(format, f, f.label());
        }
        let one_reviewers = matches!(*format, Format::Html | Format::Markdown);
        let reviewers: Vec<(slant_core::model::ReviewerId, String)> = self
            .document()
            .map(|d| {
                d.project
                    .reviewers
                    .iter()
                    .map(|r| (r.id.clone(), r.name.clone()))
                    .collect()
            })
            .unwrap_or_default();
        let name_of = |id: &Option<slant_core::model::ReviewerId>| {
            reviewers
                .iter()
                .find(|(r, _)| Some(r) == id.as_ref())
                .map(|(_, n)| n.clone())
        };
        if one_reviewers && reviewers.len() >= 2 {
            // A class file: the teacher picks whose report, and sees it.
            ui.horizontal(|ui| {
                ui.label("Whose report:");
                egui::ComboBox::from_id_salt("whose report")
                    .selected_text(
                        name_of(whose).unwrap_or_else(|| "(choose a reviewer)".to_owned()),
                    )
                    .show_ui(ui, |ui| {
                        for (id, name) in &reviewers {
                            ui.selectable_value(whose, Some(id.clone()), name);
                        }
                    })
                    .response
                    .widget_info(|| {
                        egui::WidgetInfo::labeled(egui::Role::ComboBox, true, "Whose report")
                    });
            });
        }
        let described = match *format {
            Format::Html | Format::Markdown if reviewers.len() >= 2 => {
                match name_of(whose) {
                    Some(name) => format!("{name}'s tags and notes, as a report to hand in. CSV and JSON hold every reviewer's."),
                    None => "One reviewer's tags and notes, as a report to hand in: choose whose. CSV and JSON hold every reviewer's.".to_owned(),
                }
            }
            Format::Html | Format::Markdown => {
                "Your tags and notes, as a report to hand in.".to_owned()
            }
            Format::Csv => {
                "Every reviewer's tags, one row per sentence per reviewer.".to_owned()
            }
            Format::Json => {
                "Every reviewer's tags, notes and phrases, with each article's figures, as data for scripts.".to_owned()
            }
        };
        ui.label(described);
        let ready = !(one_reviewers && reviewers.len() >= 2 && name_of(whose).is_none());
        ui.checkbox(open_after, "Open the report when it is written");
        // Enter exports with nothing focused, as Enter in the other dialogs
        // confirms; a focused control (a format, the check box, Cancel) keeps
        // its own Enter.
        let enter = ui.input(|i| i.key_pressed(Key::Enter)) && ui.memory(|m| m.focused().is_none());
        ui.horizontal(|ui| {
            let export = ui.add_enabled(ready, egui::Button::new("Export…"));
            let cancel = ui.button("Cancel");
            if export.clicked() || (enter && ready) {
                close = true;
                self.settings.export_format = format.extension().to_owned();
                self.settings.export_open = *open_after;
                self.export(*format, *open_after, whose.clone());
            } else if cancel.clicked() {
                close = true;
            }
        });
        close
    }

    /// Asks where to write a report of the open project, then writes it.
    pub(super) fn export(
        &mut self,
        format: Format,
        open_after: bool,
        whose: Option<slant_core::model::ReviewerId>,
    ) {
        if let Some(ws) = &mut self.workspace {
            ws.commit_note();
            self.ask_file(Then::Export {
                format,
                open_after,
                whose,
            });
        }
    }

    /// Writes the report to `path`, and opens it if asked.
    pub(super) fn export_to(
        &mut self,
        format: Format,
        open_after: bool,
        whose: Option<slant_core::model::ReviewerId>,
        path: &Path,
    ) {
        let Some(ws) = &mut self.workspace else {
            return;
        };
        if store::is_project_file(path) {
            return self.error(
                "Not written",
                format!(
                    "{} is a Slant project: a report is never written over a project. Choose another name for the report.",
                    path.display()
                ),
            );
        }
        let reviewer = match format {
            Format::Html | Format::Markdown => whose.map(|r| r.as_str().to_owned()),
            Format::Csv | Format::Json => None,
        };
        let selection = Selection {
            reviewer,
            article: None,
        };
        let bytes = Report::new(
            &ws.doc.project,
            &selection,
            format,
            jiff::Timestamp::now(),
            self.hints.lexicons(),
        )
        .and_then(|r| report::render(&r, format));
        let bytes = match bytes {
            Ok(b) => b,
            Err(e) => return self.error("Could not export", e.to_string()),
        };
        if let Err(e) = store::write_atomic(path, &bytes, store::Backup::None) {
            return self.error("Could not export", format!("{}: {e}", path.display()));
        }
        ws.say(format!("Report written to {}", path.display()));
        if open_after && let Err(e) = dialogs::open_with_system(path) {
            self.error("The report was written but could not be opened", e);
        }
    }
}
