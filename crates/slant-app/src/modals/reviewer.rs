//! "Who is tagging?": the reviewer whose tags the keys change, asked for a new project, a
//! class file opened with nobody chosen, or Edit > Add reviewer.

use egui::Key;

use super::{Action, Answer, Modal, SlantApp};

impl SlantApp {
    /// `title` is asked too for a new project; `pending` is the action (a tag key) waiting for
    /// the answer.
    pub(super) fn reviewer_dialog(
        &mut self,
        ui: &mut egui::Ui,
        mut name: String,
        title: Option<String>,
        focus_name: bool,
        pending: Option<Box<Action>>,
        answer: &mut Answer,
    ) {
        let first = self
            .document()
            .is_none_or(|d| d.project.reviewers.is_empty());
        // Nobody chosen yet in a project with reviewers (a class opened): the
        // question offers them by name, so a teacher's key never lands in a
        // student's tags and a returning reviewer is not added twice.
        let known: Vec<(slant_core::model::ReviewerId, String)> = match &self.workspace {
            Some(ws) if title.is_none() && ws.reviewer.is_none() => ws
                .doc
                .project
                .reviewers
                .iter()
                .map(|r| (r.id.clone(), r.name.clone()))
                .collect(),
            _ => Vec::new(),
        };
        ui.heading(if title.is_some() {
            "New project"
        } else if first || !known.is_empty() {
            "Who is tagging?"
        } else {
            "Add a reviewer"
        });
        // What the key pressed will do once answered, so the question is
        // about something the person can see.
        if let Some(waiting) = pending.as_deref().and_then(Action::once_answered) {
            ui.label(waiting);
        }
        if !known.is_empty() {
            ui.label("Tag as:");
            ui.horizontal_wrapped(|ui| {
                for (id, who) in &known {
                    if ui.button(who).clicked() {
                        answer.close = true;
                        answer.then.push(Action::SetReviewer(Some(id.clone())));
                        answer.then.extend(pending.clone().map(|a| *a));
                    }
                }
            });
            ui.add_space(8.0);
        }
        let mut title = title;
        // Enter in the title box goes on: to the name box, or (a name typed)
        // to OK, as Enter in the name box does.
        let mut title_enter = false;
        if let Some(t) = &mut title {
            ui.label("Project title");
            let r = ui.text_edit_singleline(t);
            r.widget_info(|| {
                egui::WidgetInfo::labeled(egui::Role::TextInput, true, "Project title")
            });
            title_enter = r.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter));
        }
        ui.label(if !known.is_empty() {
            "Or someone new: your name (your tags are kept apart from other reviewers')"
        } else if first || title.is_some() {
            "Your name (your tags are kept apart from other reviewers')"
        } else {
            // Edit ▸ Add reviewer, perhaps for someone else (a keyboard user read "Your name"
            // as odd there).
            "The reviewer's name: the keys then tag as them, and each reviewer's tags are kept apart"
        });
        let r = ui.add(
            egui::TextEdit::singleline(&mut name)
                .id_salt("reviewer name")
                .hint_text("Name"),
        );
        r.widget_info(|| egui::WidgetInfo::labeled(egui::Role::TextInput, true, "Your name"));
        if focus_name {
            r.request_focus();
        }
        let ok = !name.trim().is_empty();
        let enter = (r.lost_focus() || title_enter) && ui.input(|i| i.key_pressed(Key::Enter));
        ui.horizontal(|ui| {
            if (ui.add_enabled(ok, egui::Button::new("OK")).clicked() || (enter && ok))
                && self.add_reviewer(&name, title.as_deref())
            {
                answer.close = true;
                answer.then.extend(pending.clone().map(|a| *a));
            }
            if ui.button("Cancel").clicked() {
                answer.close = true;
            }
        });
        answer.next = Some(Modal::Reviewer {
            focus_name: title_enter && !ok,
            name,
            title,
            then: pending,
        });
    }
}
