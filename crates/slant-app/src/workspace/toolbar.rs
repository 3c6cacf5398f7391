//! The toolbar under the menus: who is tagging, how many columns, the find bar, and the short
//! message that answers a key which seemed to do nothing.

use egui::Ui;

use super::Workspace;
use crate::actions::Action;

/// How long a status message stays in the toolbar.
const STATUS_SECONDS: f32 = 6.0;

/// How often the project's file is looked at for another program's writes.
const DISK_CHECK: std::time::Duration = std::time::Duration::from_secs(1);

impl Workspace {
    /// A reviewer as the toolbar's list names them: the answer key says so, so a teacher sees
    /// whose tags the students are scored against.
    fn reviewer_shown(&self, r: &slant_core::model::Reviewer) -> String {
        if self.doc.project.answer_key.as_ref() == Some(&r.id) {
            format!("{} (answer key)", r.name)
        } else {
            r.name.clone()
        }
    }

    /// Takes the toolbar message down: whatever the person does next makes it old news.
    pub fn hush(&mut self) {
        self.status = None;
    }

    /// Shows `text` in the toolbar for a few seconds.
    pub fn say(&mut self, text: impl Into<String>) {
        self.status = Some((text.into(), std::time::Instant::now()));
    }

    /// Looks, once a second, whether another program wrote the project's file; the toolbar says
    /// so until this window saves it or the file is as it was.
    pub fn watch_the_file(&mut self, now: std::time::Instant) {
        let (_, checked) = self.disk;
        if checked.is_none_or(|t| now.duration_since(t) >= DISK_CHECK) {
            self.disk = (self.doc.changed_on_disk(), Some(now));
        }
    }

    /// The toolbar under the menus: reviewer, columns, and the find bar.
    pub fn toolbar(&mut self, ui: &mut Ui, actions: &mut Vec<Action>) {
        ui.horizontal(|ui| {
            ui.label("Reviewer:");
            let current = self
                .reviewer
                .as_ref()
                .and_then(|r| self.doc.project.reviewer(r))
                .map_or_else(
                    || {
                        if self.doc.project.reviewers.is_empty() {
                            "(none)".to_owned()
                        } else {
                            "(choose who is tagging)".to_owned()
                        }
                    },
                    |r| self.reviewer_shown(r),
                );
            egui::ComboBox::from_id_salt("reviewer")
                .selected_text(current)
                .show_ui(ui, |ui| {
                    for r in &self.doc.project.reviewers {
                        if ui
                            .selectable_label(
                                self.reviewer.as_ref() == Some(&r.id),
                                self.reviewer_shown(r),
                            )
                            .clicked()
                        {
                            actions.push(Action::SetReviewer(Some(r.id.clone())));
                            ui.close();
                        }
                    }
                    if self.doc.project.reviewers.len() >= 2
                        && ui
                            .selectable_label(
                                self.reviewer.is_none(),
                                "Nobody (a tag key asks who)",
                            )
                            .clicked()
                    {
                        actions.push(Action::SetReviewer(None));
                        ui.close();
                    }
                    if ui.button("Add reviewer…").clicked() {
                        actions.push(Action::AddReviewer);
                        ui.close();
                    }
                })
                .response
                .widget_info(|| egui::WidgetInfo::labeled(egui::Role::ComboBox, true, "Reviewer"));
            ui.separator();
            ui.label("Columns:");
            for n in 1..=4 {
                let enabled = n <= self.doc.project.articles.len().max(1);
                if ui
                    .add_enabled(
                        enabled,
                        egui::Button::selectable(self.columns.len() == n, n.to_string()),
                    )
                    .clicked()
                {
                    actions.push(Action::SetColumns(n));
                }
            }
            if let Some(query) = &mut self.find {
                ui.separator();
                let edit = ui.add(
                    egui::TextEdit::singleline(query)
                        .hint_text("Find in the articles shown")
                        .desired_width(220.0),
                );
                edit.widget_info(|| egui::WidgetInfo::labeled(egui::Role::TextInput, true, "Find"));
                if edit.changed() {
                    // "No sentence contains …" was about the old words.
                    self.status = None;
                }
                if std::mem::take(&mut self.focus_find) {
                    edit.request_focus();
                }
                if edit.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)) {
                    self.find_next();
                    edit.request_focus();
                }
                if ui.button("Next").clicked() {
                    self.find_next();
                }
                // Escape leaves the box (egui gives the focus up on Escape) and closes the bar,
                // as does Escape with nothing focused, once the box has been left.
                let escape = ui.input(|i| i.key_pressed(egui::Key::Escape))
                    && (edit.has_focus()
                        || edit.lost_focus()
                        || ui.memory(|m| m.focused().is_none()));
                if ui.button("Close find").clicked() || escape {
                    self.find = None;
                    self.status = None;
                }
            }
            if self.disk.0 {
                ui.separator();
                ui.label(
                    egui::RichText::new(
                        "Another program changed this project's file since it was opened here: Save asks before writing over it.",
                    )
                    .color(ui.visuals().warn_fg_color),
                );
            }
            if let Some((text, at)) = &self.status {
                let left = STATUS_SECONDS - at.elapsed().as_secs_f32();
                if left > 0.0 {
                    ui.separator();
                    ui.label(egui::RichText::new(text).italics());
                    ui.ctx()
                        .request_repaint_after(std::time::Duration::from_secs_f32(left));
                }
            }
        });
    }
}
