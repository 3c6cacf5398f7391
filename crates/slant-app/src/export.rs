//! Exporting a report: the dialog that chooses its format (and, in a class file, whose report it
//! is), then the file it is written to.

use egui::Key;
use slant_core::model::ReviewerId;
use slant_core::report::Whose;

use super::*;
use crate::files::Then;

/// Whose report an export is: one reviewer's, or (from a class file) the whole class's.
#[derive(Clone, Debug, PartialEq)]
pub enum ReportOf {
    Reviewer(ReviewerId),
    Class,
}

/// The whole class's report, as "Whose report" names it.
const WHOLE_CLASS: &str = "The whole class (a teacher's report)";

impl SlantApp {
    /// The export dialog's contents. True when it is done (exported or cancelled).
    pub(super) fn export_dialog(
        &mut self,
        ui: &mut Ui,
        format: &mut Format,
        open_after: &mut bool,
        whose: &mut Option<ReportOf>,
    ) -> bool {
        let mut close = false;
        // A fixed width: the dialog must not move under the keyboard as the
        // description changes with the format.
        ui.set_width(480.0);
        ui.heading("Export report");
        for f in Format::ALL {
            ui.radio_value(format, f, f.label());
        }
        let one_reviewers = format.one_reviewer();
        let reviewers: Vec<(ReviewerId, String)> = self
            .document()
            .map(|d| {
                d.project
                    .reviewers
                    .iter()
                    .map(|r| (r.id.clone(), r.name.clone()))
                    .collect()
            })
            .unwrap_or_default();
        let name_of = |whose: &Option<ReportOf>| match whose {
            Some(ReportOf::Reviewer(id)) => reviewers
                .iter()
                .find(|(r, _)| r == id)
                .map(|(_, n)| n.clone()),
            Some(ReportOf::Class) => Some(WHOLE_CLASS.to_owned()),
            None => None,
        };
        if reviewers.len() >= 2 {
            // A class file: the teacher picks whose report, and sees it. The row stays, greyed,
            // for CSV and JSON (which hold every reviewer's), so the dialog keeps its size and
            // the Export button does not move under the pointer when the format changes.
            ui.add_enabled_ui(one_reviewers, |ui| {
                ui.horizontal(|ui| {
                    ui.label("Whose report:");
                    egui::ComboBox::from_id_salt("whose report")
                        .selected_text(
                            name_of(whose).unwrap_or_else(|| "(choose whose)".to_owned()),
                        )
                        .show_ui(ui, |ui| {
                            ui.selectable_value(whose, Some(ReportOf::Class), WHOLE_CLASS);
                            for (id, name) in &reviewers {
                                ui.selectable_value(
                                    whose,
                                    Some(ReportOf::Reviewer(id.clone())),
                                    name,
                                );
                            }
                        })
                        .response
                        .widget_info(|| {
                            egui::WidgetInfo::labeled(egui::Role::ComboBox, true, "Whose report")
                        });
                })
            });
        }
        let described = match *format {
            Format::Html | Format::Markdown if reviewers.len() >= 2 => {
                match (&*whose, name_of(whose)) {
                    (Some(ReportOf::Class), _) => "How the class tagged each sentence, every reviewer's notes, the agreement and every student's score: a teacher's report, not one to hand to a student.".to_owned(),
                    (_, Some(name)) => format!("{name}'s tags and notes, as a report to hand in (with the class's figures and {name}'s own score alone). CSV and JSON hold every reviewer's."),
                    (_, None) => "One reviewer's tags and notes, as a report to hand in, or the whole class's: choose whose. CSV and JSON hold every reviewer's.".to_owned(),
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
        // Room for the longest description, for the same reason.
        ui.allocate_ui_with_layout(
            egui::vec2(ui.available_width(), 0.0),
            egui::Layout::top_down(egui::Align::Min),
            |ui| {
                ui.set_min_height(3.0 * ui.text_style_height(&egui::TextStyle::Body));
                ui.label(described);
            },
        );
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
    pub(super) fn export(&mut self, format: Format, open_after: bool, whose: Option<ReportOf>) {
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
        whose: Option<ReportOf>,
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
        let whose = match (format, whose) {
            (Format::Html | Format::Markdown, Some(ReportOf::Reviewer(r))) => {
                Whose::Reviewer(r.as_str().to_owned())
            }
            (Format::Html | Format::Markdown, Some(ReportOf::Class)) => Whose::Class,
            _ => Whose::Unnamed,
        };
        let selection = Selection {
            whose,
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
