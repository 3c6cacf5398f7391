//! The dialogs: the frame every dialog opens in (one at a time, Escape and a click beside
//! closing it unless it holds typed work, a dialog it opens covering it), and how the keyboard
//! goes back to a note typed under it. Each dialog is drawn in a file of its own; those that
//! belong to a feature live with it (export, web addresses, new articles, words, text edits).

mod changed_on_disk;
mod confirm_merge;
mod recover;
mod reviewer;
mod shortcuts;
mod unsaved;

use super::actions::Action;
use super::file_picker::Outcome;
use super::{After, Modal, SlantApp};

/// What drawing a dialog decided, for the frame to carry out once it is drawn.
struct Answer {
    /// The dialog to show next frame: this one with what was typed into it, or another.
    next: Option<Modal>,
    /// Close the dialog (whatever `next` says).
    close: bool,
    /// Actions to run after it (a tag key that was waiting for a reviewer's name).
    then: Vec<Action>,
    /// What the person asked for before the dialog (close, open, quit), now to be done.
    after: Option<After>,
}

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
        let mut answer = Answer {
            next: Some(modal.clone()),
            close: false,
            then: Vec::new(),
            after: None,
        };
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
                    Modal::Unsaved(next) => self.unsaved_dialog(ui, &next, &mut answer),
                    Modal::Recover {
                        path,
                        recovery,
                        opened,
                    } => self.recover_dialog(ui, &path, &recovery, &opened, &mut answer),
                    Modal::RecoverUntitled { recovery, title } => {
                        self.recover_untitled_dialog(ui, &recovery, &title, &mut answer)
                    }
                    Modal::Reviewer {
                        name,
                        title,
                        focus_name,
                        then,
                    } => self.reviewer_dialog(ui, name, title, focus_name, then, &mut answer),
                    Modal::Shortcuts => shortcuts::shortcuts_dialog(ui, &mut answer),
                    Modal::Export {
                        mut format,
                        mut open_after,
                        mut whose,
                    } => {
                        answer.close =
                            self.export_dialog(ui, &mut format, &mut open_after, &mut whose);
                        answer.next = Some(Modal::Export {
                            format,
                            open_after,
                            whose,
                        });
                    }
                    Modal::ConfirmMerge {
                        merged,
                        summary,
                        replacing,
                    } => self.confirm_merge_dialog(ui, merged, &summary, replacing, &mut answer),
                    Modal::WebAddress {
                        mut url,
                        mut problem,
                    } => {
                        ui.set_min_width(560.0);
                        answer.close = self.web_address_dialog(ui, &mut url, &mut problem, ctx);
                        answer.next = Some(Modal::WebAddress { url, problem });
                    }
                    Modal::Fetching { url } => {
                        ui.set_min_width(480.0);
                        answer.close = self.fetching_dialog(ui, &url);
                    }
                    Modal::NewArticle {
                        mut title,
                        mut text,
                        mut discarding,
                    } => {
                        ui.set_min_width(640.0);
                        answer.close =
                            self.new_article_dialog(ui, &mut title, &mut text, &mut discarding);
                        answer.next = Some(Modal::NewArticle {
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
                        answer.close = self.words_dialog(
                            ui,
                            purpose,
                            (column, sentence),
                            &mut words,
                            &mut problem,
                        );
                        answer.next = Some(Modal::Words {
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
                        answer.close =
                            self.edit_text_dialog(ui, article, &mut text, &mut discarding);
                        answer.next = Some(Modal::EditText {
                            article,
                            text,
                            discarding,
                        });
                    }
                    Modal::ChangedOnDisk { path } => {
                        self.changed_on_disk_dialog(ui, &path, &mut answer)
                    }
                    Modal::PickFile { mut picker, then } => {
                        ui.set_min_width(600.0);
                        match picker.show(ui) {
                            Some(Outcome::Chosen(paths)) => {
                                answer.close = true;
                                chosen = Some((then, paths));
                            }
                            Some(Outcome::Cancelled) => answer.close = true,
                            None => answer.next = Some(Modal::PickFile { picker, then }),
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
                            answer.close = true;
                        }
                    }
                }
            });
        // Escape or a click beside closes a dialog, except where it would throw away text the
        // person typed. (Closing a recovery's dialog is its Not now: the work stays on disk.)
        let Answer {
            mut next,
            mut close,
            then,
            after,
        } = answer;
        let keeps_work = next.as_ref().is_some_and(|m| self.holds_work(m));
        if response.should_close() && !keeps_work {
            close = true;
        }
        if close {
            // What it recovered, discarded or saved shows at once, with no input waited for.
            self.recent_names.made_stale();
            ctx.request_repaint();
            // Closing the progress dialog (Escape, a click beside it) cancels the fetch.
            if matches!(next, Some(Modal::Fetching { .. })) {
                self.cancel_download();
            }
            next = None;
        }
        // A modal opened by what this one did (an error, "who is tagging?") takes its place;
        // a dialog holding the person's text comes back after it.
        match next {
            Some(current) if self.modal.is_some() && self.comes_back(&current) => {
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

    /// Whether `modal` comes back after a dialog that covers it (an error it caused): one
    /// holding typed text, or a recovery not yet decided on.
    pub(super) fn comes_back(&self, modal: &Modal) -> bool {
        matches!(modal, Modal::Recover { .. } | Modal::RecoverUntitled { .. })
            || self.holds_work(modal)
    }

    /// Whether closing `modal` would throw away something the person did: text typed into it.
    pub(super) fn holds_work(&self, modal: &Modal) -> bool {
        match modal {
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
