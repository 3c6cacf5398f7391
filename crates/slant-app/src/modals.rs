//! The dialogs: unsaved changes, recovery, who is tagging, shortcuts, export, messages.

use egui::{Key, RichText};

use strum::IntoEnumIterator;

use super::actions::Action;
use super::file_picker::Outcome;
use super::ui_command::{self, UiCommand};
use super::{After, Modal, SlantApp};
use slant_core::document::Document;

impl SlantApp {
    pub(super) fn modals(&mut self, ctx: &egui::Context) {
        let Some(modal) = self.modal.take() else {
            self.dialog_was_open = false;
            return;
        };
        self.dialog_opening = !self.dialog_was_open;
        if self.dialog_opening {
            self.dialogs_opened += 1;
            self.note_under_dialog = self
                .focused_note_box(ctx)
                .or_else(|| self.note_under_menu.take());
        }
        let mut next = Some(modal.clone());
        let mut close = false;
        let mut then: Vec<Action> = Vec::new();
        let mut after: Option<After> = None;
        let mut chosen = None;
        // An opaque frame: article text must not show through the dialog.
        let fill = ctx.global_style().visuals.panel_fill.to_opaque();
        let frame = egui::Frame::popup(&ctx.global_style())
            .fill(fill)
            .inner_margin(16.0);
        let opened = (self.dialogs_opened, std::mem::discriminant(&modal));
        let response = egui::Modal::new(egui::Id::NULL.with("slant-modal").with(opened))
            .frame(frame)
            .show(ctx, |ui| {
                ui.set_max_width(480.0);
                match modal {
                    Modal::Unsaved(next) => {
                        ui.heading("Save changes?");
                        let never_saved = self.document().is_some_and(|d| d.path().is_none());
                        let name = match self.document() {
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
                                    after = Some(next.clone());
                                }
                                close = true;
                            }
                            if ui.button(discard).clicked() {
                                if let Some(d) = self.document() {
                                    d.discard_recovery();
                                }
                                self.workspace = None;
                                after = Some(next.clone());
                                close = true;
                            }
                            if ui.button("Cancel").clicked() {
                                close = true;
                            }
                        });
                    }
                    Modal::Recover {
                        path,
                        recovery,
                        opened,
                    } => {
                        ui.heading("Recover unsaved work?");
                        let when = autosaved_at(&recovery);
                        ui.label(format!(
                            "Slant was closed with unsaved changes to {} (autosaved {when}).",
                            path.display()
                        ));
                        ui.horizontal(|ui| {
                            if recover_button(ui) {
                                let recovered =
                                    Document::recover(&path, &recovery, self.untitled_dir()).map(
                                        |mut doc| {
                                            // A student's copy of the file opened: that file
                                            // stays the teacher's.
                                            if opened != path {
                                                doc.keep_off(opened.clone());
                                            }
                                            doc
                                        },
                                    );
                                self.show_recovered(recovered);
                                close = true;
                            }
                            if ui.button("Discard").clicked() {
                                let _ = std::fs::remove_file(&recovery.path);
                                close = true;
                                then.push(Action::OpenPath(opened.clone()));
                            }
                        });
                    }
                    Modal::RecoverUntitled { recovery, title } => {
                        ui.heading("Recover unsaved work?");
                        let when = autosaved_at(&recovery);
                        ui.label(format!(
                            "“{title}” was never saved, and Slant was closed before it could be (autosaved {when})."
                        ));
                        ui.horizontal(|ui| {
                            if recover_button(ui) {
                                self.show_recovered(Document::recover_untitled(
                                    &recovery,
                                    self.untitled_dir(),
                                ));
                                close = true;
                            }
                            if ui.button("Discard").clicked() {
                                let _ = std::fs::remove_file(&recovery.path);
                                close = true;
                            }
                            // Kept for the next start: nothing replaces it meanwhile.
                            if ui.button("Not now").clicked() {
                                close = true;
                            }
                        });
                    }
                    Modal::Reviewer {
                        mut name,
                        title,
                        focus_name,
                        then: pending,
                    } => {
                        let first = self
                            .document()
                            .is_none_or(|d| d.project.reviewers.is_empty());
                        // Nobody chosen yet in a project with reviewers (a class opened): the
                        // question offers them by name, so a teacher's key never lands in a
                        // student's tags and a returning reviewer is not added twice.
                        let known: Vec<(slant_core::model::ReviewerId, String)> = match &self
                            .workspace
                        {
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
                                        close = true;
                                        then.push(Action::SetReviewer(Some(id.clone())));
                                        then.extend(pending.clone().map(|a| *a));
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
                                egui::WidgetInfo::labeled(
                                    egui::Role::TextInput,
                                    true,
                                    "Project title",
                                )
                            });
                            title_enter = r.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter));
                        }
                        ui.label(if known.is_empty() {
                            "Your name (your tags are kept apart from other reviewers')"
                        } else {
                            "Or someone new: your name (your tags are kept apart from other reviewers')"
                        });
                        let r = ui.add(egui::TextEdit::singleline(&mut name)
                                .id_salt("reviewer name")
                                .hint_text("Name"));
                        r.widget_info(|| {
                            egui::WidgetInfo::labeled(egui::Role::TextInput, true, "Your name")
                        });
                        if focus_name {
                            r.request_focus();
                        }
                        let ok = !name.trim().is_empty();
                        let enter = (r.lost_focus() || title_enter)
                            && ui.input(|i| i.key_pressed(Key::Enter));
                        ui.horizontal(|ui| {
                            if (ui.add_enabled(ok, egui::Button::new("OK")).clicked()
                                || (enter && ok))
                                && self.add_reviewer(&name, title.as_deref())
                            {
                                close = true;
                                then.extend(pending.clone().map(|a| *a));
                            }
                            if ui.button("Cancel").clicked() {
                                close = true;
                            }
                        });
                        next = Some(Modal::Reviewer {
                            focus_name: title_enter && !ok,
                            name,
                            title,
                            then: pending,
                        });
                    }
                    Modal::Shortcuts => {
                        ui.heading("Keyboard shortcuts");
                        let tall = (ui.ctx().content_rect().height() - 200.0).clamp(200.0, 640.0);
                        // A solid bar takes its own room (a floating one covered the last keys),
                        // and the arrows, Page Up/Down, Home and End scroll the sheet.
                        ui.spacing_mut().scroll = egui::style::ScrollStyle::solid();
                        let step = ui.input(|i| {
                            let line = 40.0;
                            let page = tall - line;
                            [
                                (egui::Key::ArrowDown, -line),
                                (egui::Key::ArrowUp, line),
                                (egui::Key::PageDown, -page),
                                (egui::Key::PageUp, page),
                                (egui::Key::End, -1.0e6),
                                (egui::Key::Home, 1.0e6),
                            ]
                            .iter()
                            .filter(|(k, _)| i.key_pressed(*k))
                            .map(|(_, d)| d)
                            .sum::<f32>()
                        });
                        egui::ScrollArea::vertical().max_height(tall).min_scrolled_height(tall).show(ui, |ui| {
                        if step != 0.0 {
                            ui.scroll_with_delta_animation(
                                egui::vec2(0.0, step),
                                egui::style::ScrollAnimation::none(),
                            );
                        }
                        egui::Grid::new("shortcuts").striped(true).show(ui, |ui| {
                            for c in UiCommand::iter().filter(|c| !c.shortcuts().is_empty()) {
                                ui.label(c.label());
                                let keys: Vec<String> = c
                                    .shortcuts()
                                    .iter()
                                    .map(|k| ui_command::display(ctx, k))
                                    .collect();
                                ui.label(RichText::new(keys.join("  or  ")).monospace());
                                ui.end_row();
                            }
                            // Pasting is egui's own key, not a command of the table.
                            ui.label("Paste an article (its text or web address)");
                            let paste = egui::KeyboardShortcut::new(egui::Modifiers::COMMAND, egui::Key::V);
                            ui.label(
                                RichText::new(format!("{}  with no text box active", ui_command::display(ctx, &paste)))
                                    .monospace(),
                            );
                            ui.end_row();
                            ui.label("Move among buttons and lists");
                            ui.label(
                                RichText::new("Shift+Tab  (Tab alone: next untagged sentence)")
                                    .monospace(),
                            );
                            ui.end_row();
                            ui.label("Mark a loaded phrase");
                            ui.label("drag across words in a sentence (or P, and type them)");
                            ui.end_row();
                        });
                        });
                        if ui.button("Close").clicked() {
                            close = true;
                        }
                    }
                    Modal::Export {
                        mut format,
                        mut open_after,
                        mut whose,
                    } => {
                        close = self.export_dialog(ui, &mut format, &mut open_after, &mut whose);
                        next = Some(Modal::Export {
                            format,
                            open_after,
                            whose,
                        });
                    }
                    Modal::ConfirmMerge {
                        merged,
                        summary,
                        replacing,
                    } => {
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
                                        Some(slant_core::command::Command::ReplaceProject(
                                            Box::new(std::sync::Arc::unwrap_or_clone(project)),
                                        )),
                                    )
                                {
                                    next = Some(Modal::Message {
                                        title: "The merge failed".into(),
                                        text: e,
                                    });
                                } else {
                                    close = true;
                                    if let Some(ws) = &mut self.workspace {
                                        let n = ws.doc.project.reviewers.len();
                                        ws.say(format!(
                                            "Merged: {n} reviewers in this project now (Ctrl+Z undoes the merge)"
                                        ));
                                    }
                                }
                            }
                            if ui.button("Cancel").clicked() {
                                close = true;
                            }
                        });
                    }
                    Modal::WebAddress {
                        mut url,
                        mut problem,
                    } => {
                        ui.set_min_width(560.0);
                        close = self.web_address_dialog(ui, &mut url, &mut problem, ctx);
                        next = Some(Modal::WebAddress { url, problem });
                    }
                    Modal::Fetching { url } => {
                        ui.set_min_width(480.0);
                        close = self.fetching_dialog(ui, &url);
                    }
                    Modal::NewArticle {
                        mut title,
                        mut text,
                        mut discarding,
                    } => {
                        ui.set_min_width(640.0);
                        close =
                            self.new_article_dialog(ui, &mut title, &mut text, &mut discarding);
                        next = Some(Modal::NewArticle {
                            title,
                            text,
                            discarding,
                        });
                    }
                    Modal::Words {
                        purpose,
                        column,
                        sentence,
                        mut words,
                        mut problem,
                    } => {
                        ui.set_min_width(560.0);
                        close = self.words_dialog(
                            ui,
                            purpose,
                            (column, sentence),
                            &mut words,
                            &mut problem,
                        );
                        next = Some(Modal::Words {
                            purpose,
                            column,
                            sentence,
                            words,
                            problem,
                        });
                    }
                    Modal::EditText {
                        article,
                        mut text,
                        mut discarding,
                    } => {
                        ui.set_min_width(720.0);
                        close = self.edit_text_dialog(ui, article, &mut text, &mut discarding);
                        next = Some(Modal::EditText {
                            article,
                            text,
                            discarding,
                        });
                    }
                    Modal::ChangedOnDisk { path } => {
                        ui.heading("The file changed on disk");
                        ui.label(format!(
                            "{} was changed by another program (or another copy of Slant) after you opened it. Saving now would replace those changes with yours.",
                            path.display()
                        ));
                        ui.horizontal(|ui| {
                            if ui.button("Overwrite").clicked() {
                                close = true;
                                self.overwrite(&path);
                            }
                            if ui.button("Save as…").clicked() {
                                close = true;
                                self.save(true);
                            }
                            if ui.button("Cancel").clicked() {
                                close = true;
                            }
                        });
                    }
                    Modal::PickFile { mut picker, then } => {
                        ui.set_min_width(600.0);
                        match picker.show(ui) {
                            Some(Outcome::Chosen(paths)) => {
                                close = true;
                                chosen = Some((then, paths));
                            }
                            Some(Outcome::Cancelled) => close = true,
                            None => next = Some(Modal::PickFile { picker, then }),
                        }
                    }
                    Modal::Message { title, text } => {
                        ui.heading(title);
                        ui.label(text);
                        let ok = ui.button("OK");
                        if ui.memory(|m| m.focused().is_none()) {
                            ok.request_focus();
                        }
                        if ok.clicked() {
                            close = true;
                        }
                    }
                }
            });
        // Escape or a click beside closes a dialog, except where it would throw away text the
        // person typed or a recovery they have not decided on.
        let keeps_work = next.as_ref().is_some_and(|m| self.holds_work(m));
        if response.should_close() && !keeps_work {
            close = true;
        }
        if close {
            // Closing the progress dialog (Escape, a click beside it) cancels the fetch.
            if matches!(next, Some(Modal::Fetching { .. })) {
                self.cancel_download();
            }
            next = None;
        }
        // A modal opened by what this one did (an error, "who is tagging?") takes its place;
        // a dialog holding the person's text comes back after it.
        match next {
            Some(current) if self.modal.is_some() && self.holds_work(&current) => {
                self.covered.push(current);
            }
            next if self.modal.is_none() => self.modal = next,
            _ => {}
        }
        // A covered dialog comes back in this frame: no key in between acts behind it.
        if self.modal.is_none() {
            self.modal = self.covered.pop();
        }
        self.dialog_was_open = self.modal.is_some();
        if let Some(a) = after {
            self.run_after(a);
        }
        if let Some((then, paths)) = chosen {
            self.file_chosen(then, paths);
        }
        self.actions.extend(then);
        self.give_the_note_back();
    }

    /// The note box, when it has the keyboard.
    pub(super) fn focused_note_box(&self, ctx: &egui::Context) -> Option<egui::Id> {
        self.workspace.as_ref().and_then(|ws| {
            ws.note
                .as_ref()
                .map(|d| d.box_id())
                .filter(|id| ctx.memory(|m| m.has_focus(*id)))
        })
    }

    /// The menus F10 opened over a note have closed with no dialog open: the note gets the
    /// keyboard back, as after a dialog (F10, then Escape, then typing on).
    pub(super) fn menus_closed_over_note(&mut self) {
        if self.modal.is_none()
            && let Some(id) = self.note_under_menu.take()
        {
            self.note_under_dialog = Some(id);
            self.give_the_note_back();
        }
    }

    /// A note being typed when a dialog opened (Ctrl+Q, Ctrl+W, F1 in the middle of it) gets
    /// the keyboard back once every dialog is closed, so the letters typed next are the note's,
    /// not tag keys: only the same note, on the sentence still selected.
    fn give_the_note_back(&mut self) {
        if self.modal.is_some() || !self.covered.is_empty() {
            return;
        }
        let Some(id) = self.note_under_dialog.take() else {
            return;
        };
        if let Some(ws) = &mut self.workspace
            && let Some(d) = &ws.note
            && d.box_id() == id
            && ws.selected == Some(d.sentence)
            && ws.focused_article() == Some(d.article)
        {
            // What is typed next is the same note going on: one undo step with what was typed
            // before the dialog.
            if let Some(d) = &mut ws.note {
                d.continues = true;
            }
            ws.focus_note = true;
        }
    }

    /// Whether closing `modal` would throw away something the person did: text typed into it,
    /// or a recovery not yet decided on.
    pub(super) fn holds_work(&self, modal: &Modal) -> bool {
        match modal {
            Modal::Recover { .. } | Modal::RecoverUntitled { .. } => true,
            Modal::NewArticle { title, text, .. } => {
                !text.trim().is_empty() || !title.trim().is_empty()
            }
            Modal::EditText { article, text, .. } => self
                .workspace
                .as_ref()
                .and_then(|ws| ws.doc.project.articles.get(*article))
                .is_none_or(|a| a.text != *text),
            _ => false,
        }
    }
}

impl SlantApp {
    /// Shows the work a recovery file held, or why it could not be read.
    fn show_recovered(&mut self, recovered: Result<Document, slant_core::store::LoadError>) {
        match recovered {
            Ok(doc) => self.show_document(doc),
            Err(e) => {
                self.load_error = Some(format!("{e}\n\nThe recovery file could not be read."))
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

/// When a recovery file was written, as a dialog says it ("2026-11-27 11:25 UTC").
fn autosaved_at(recovery: &slant_core::document::Recovery) -> String {
    jiff::Timestamp::try_from(recovery.modified)
        .map(|t| t.strftime("%Y-%m-%d %H:%M UTC").to_string())
        .unwrap_or_default()
}
