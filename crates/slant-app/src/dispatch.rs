//! Carrying out actions: every click, menu item and key press becomes an [`Action`], and this is
//! the one place that turns each into a change of the app or, through the workspace, of the
//! project. Keys are read here from the command table, so a shortcut and its menu item do the
//! same thing.

use egui::{Key, Modifiers, ViewportCommand};
use slant_core::report::Format;

use super::ui_command::{self, Scope, UiCommand};
use super::words_dialog::WordsFor;
use super::{Action, After, Modal, SlantApp, files};

impl SlantApp {
    /// Carries out the queued actions.
    pub(crate) fn process_actions(&mut self, ctx: &egui::Context) {
        while !self.actions.is_empty() {
            let action = self.actions.remove(0);
            let had_dialog = self.modal.is_some();
            self.process(ctx, action);
            if !had_dialog && self.modal.is_some() {
                // Keys pressed in the same frame after the one that opened a dialog (P then S 4
                // typed fast) were meant for the dialog: they must not act behind it.
                self.actions.clear();
            }
        }
    }

    fn process(&mut self, ctx: &egui::Context, action: Action) {
        // Whatever is asked next, a note being typed is stored first, as its own sentence's and
        // reviewer's note: nothing typed is lost or put under another name.
        if action != Action::EditNote
            && let Some(ws) = &mut self.workspace
        {
            ws.commit_note();
        }
        // A toolbar message answers the last key; the next one may say its own.
        if let Some(ws) = &mut self.workspace {
            ws.hush();
        }
        let mut failed = None;
        match action {
            Action::NewProject => self.guarded(After::New),
            Action::OpenProject => {
                self.ask_file(files::Then::Open);
            }
            Action::OpenPath(path) => {
                if !self.open_elsewhere(&path) {
                    self.guarded(After::Open(path));
                }
            }
            Action::OpenSample => self.guarded(After::Sample),
            Action::ImportArticle => self.import_article(),
            Action::ImportFiles(paths) => self.import_paths(paths),
            Action::OpenWebAddress => {
                if self.workspace.is_none() {
                    self.error(
                        "No project is open",
                        "Open or create a project first, then add articles to it.",
                    );
                } else {
                    self.modal = Some(Modal::WebAddress {
                        url: String::new(),
                        problem: None,
                    });
                }
            }
            Action::FetchWebAddress(url) => self.fetch_web_address(url, ctx),
            Action::NewArticleFromText | Action::PasteArticle(_) | Action::EditArticleText => {
                self.open_text_dialog(action)
            }
            Action::Export => {
                if let Some(ws) = &self.workspace {
                    let format = Format::ALL
                        .into_iter()
                        .find(|f| f.extension() == self.settings.export_format)
                        .unwrap_or(Format::Html);
                    let whose = match ws.doc.project.reviewers.as_slice() {
                        [only] => Some(only.id.clone()),
                        _ => ws.reviewer.clone(),
                    }
                    .map(crate::export::ReportOf::Reviewer);
                    self.modal = Some(Modal::Export {
                        format,
                        open_after: self.settings.export_open,
                        whose,
                    });
                }
            }
            Action::Save => {
                self.save(false);
            }
            Action::SaveAs => {
                self.save(true);
            }
            Action::Close => self.guarded(After::Close),
            Action::Quit => {
                if self.allow_close || !self.leaving_loses_work() {
                    self.allow_close = true;
                    ctx.send_viewport_cmd(ViewportCommand::Close);
                } else {
                    self.modal = Some(Modal::Unsaved(After::Quit));
                }
            }
            Action::ShowShortcuts => self.modal = Some(Modal::Shortcuts),
            Action::ShowAbout => {
                self.modal = Some(Modal::Message {
                    title: "About Slant".into(),
                    text: format!(
                        "Slant {}: a tool for reviewing news articles for media bias.\nLicence: MIT or Apache-2.0.\nUnsaved work is written to a recovery file within {} seconds: beside the project's file, or for a project never saved in {}. Opening the project again offers it back.",
                        env!("CARGO_PKG_VERSION"),
                        slant_core::document::AUTOSAVE_AFTER.as_secs(),
                        self.untitled_dir().display()
                    ),
                })
            }
            Action::Explain(why) => self.explain(why),
            Action::MarkPhrase => self.open_words_dialog(WordsFor::Phrase),
            Action::SplitSelected => self.open_words_dialog(WordsFor::Split),
            Action::OpenMenus => {
                self.note_under_menu = self.focused_note_box(ctx);
                self.open_menu = Some(ui_command::Menu::File);
            }
            Action::TextLarger | Action::TextSmaller => {
                let step = if matches!(action, Action::TextLarger) {
                    1.0
                } else {
                    -1.0
                };
                self.settings.font_size = (self.settings.font_size + step).clamp(11.0, 32.0);
                if let Some(ws) = &mut self.workspace {
                    ws.keep_selection_in_view();
                }
            }
            Action::ToggleDarkMode => self.settings.dark = !self.settings.dark,
            Action::ToggleSyncedScroll => {
                self.settings.synced_scroll = !self.settings.synced_scroll
            }
            Action::SetColumns(n) => {
                self.settings.columns = n;
                if let Some(ws) = &mut self.workspace {
                    ws.set_columns(n);
                }
            }
            Action::AddReviewer => self.modal = Some(Modal::reviewer(None)),
            Action::ToggleSuggestions => self.settings.suggestions = !self.settings.suggestions,
            Action::ToggleClassView => {
                self.settings.class_view = !self.settings.class_view;
                if let Some(ws) = &mut self.workspace {
                    ws.class_asked = self.settings.class_view;
                }
            }
            Action::ToggleCompare => self.settings.compare = !self.settings.compare,
            Action::ToggleUniqueOnly => {
                self.settings.unique_only = !self.settings.unique_only;
                self.settings.compare |= self.settings.unique_only;
            }
            Action::MergeStudents => self.merge_students(),
            Action::ToggleCueHighlights => {
                self.settings.cue_highlights = !self.settings.cue_highlights
            }
            Action::ChooseLexiconFolder => {
                self.ask_file(files::Then::LexiconFolder);
            }
            Action::ForgetLexiconFolder => self.use_lexicon_folder(None),
            Action::AcceptSuggestion | Action::RejectSuggestion | Action::AcceptAllSuggested(_) => {
                let Some(ws) = &mut self.workspace else {
                    return;
                };
                if ws.reviewer.is_none() {
                    // Asked who is tagging, then accepted as the answer's reviewer.
                    self.modal = Some(Modal::reviewer_then(action));
                    return;
                }
                failed = match action {
                    Action::AcceptSuggestion => ws.accept_suggestion(&mut self.hints),
                    Action::RejectSuggestion => ws.reject_suggestion(&mut self.hints),
                    Action::AcceptAllSuggested(tag) => ws.accept_all(tag, &mut self.hints),
                    _ => Ok(()),
                }
                .err();
            }
            action @ (Action::Undo
            | Action::Redo
            | Action::NextReviewer
            | Action::CycleArticle(_)
            | Action::Find
            | Action::Tag(_)
            | Action::SelectNext
            | Action::SelectPrevious
            | Action::NextUntagged
            | Action::NextDisputed
            | Action::StepColumn(_)
            | Action::SelectPage(_)
            | Action::ScrollPanel(_)
            | Action::SetAnswerKey(_)
            | Action::Select { .. }
            | Action::TogglePhrase { .. }
            | Action::MarkPhraseAt { .. }
            | Action::SplitSentence { .. }
            | Action::MergeWithNext { .. }
            | Action::MergeSelected
            | Action::EditNote
            | Action::CommitNote
            | Action::PlaceUnplaced { .. }
            | Action::DiscardUnplaced { .. }
            | Action::SetReviewer(_)) => {
                // Untagged means untagged by someone: Tab asks who, as a tag key does.
                let needs_reviewer = matches!(
                    action,
                    Action::Tag(_)
                        | Action::TogglePhrase { .. }
                        | Action::MarkPhraseAt { .. }
                        | Action::EditNote
                        | Action::NextUntagged
                );
                let Some(ws) = &mut self.workspace else {
                    return;
                };
                if needs_reviewer && ws.reviewer.is_none() {
                    self.modal = Some(Modal::reviewer_then(action));
                    return;
                }
                // Ctrl+R typed in the note box: the keyboard stays in the note box, now the new
                // reviewer's, so the letters typed next stay text and never become tags.
                let in_note = matches!(action, Action::NextReviewer)
                    && ws
                        .note
                        .as_ref()
                        .is_some_and(|d| ctx.memory(|m| m.has_focus(d.box_id())));
                failed = ws.perform(action).err();
                if in_note {
                    ws.focus_note = true;
                }
            }
        }
        if let Some(e) = failed {
            self.error("That edit could not be made", e);
        }
    }

    /// Keyboard shortcuts, read from the command table: keys with Ctrl, Alt or a function key
    /// always, plain tagging keys only when no text box has the keyboard, and only with exactly
    /// the modifiers of its shortcut (Ctrl+Shift+S is never Save). A frame holds at most one key
    /// that acts ([`crate::type_ahead`] hands fast typing on a step a frame).
    pub(crate) fn keyboard(&mut self, ctx: &egui::Context) {
        // Only a text box keeps the plain keys: with a button, a menu or the reviewer list
        // focused (Tab, Shift+Tab, F10), J and the tag keys still work, and Enter, Space, Tab and
        // the arrows stay the control's (the arrows move the focus among controls).
        let typing = ctx.text_edit_focused();
        // A dialog is modal: no command key acts behind it or replaces it (F1 or Ctrl+Shift+N
        // pressed over a half-typed article would throw the typing away). Its own keys (Escape,
        // Enter, the text box's Ctrl+Z) are its own.
        if self.modal.is_some() {
            return;
        }
        // A menu or list open: its letters and arrows are its own, and a tag made behind it
        // would be made out of sight (F10 then S).
        let tagging = !typing && self.workspace.is_some() && !egui::Popup::is_any_open(ctx);
        let focused = ctx.memory(|m| m.focused());
        let mut hits = Vec::new();
        ctx.input_mut(|i| {
            take_command_key(i, |key, modifiers| {
                let Some(command) = UiCommand::for_key(key, modifiers) else {
                    return false;
                };
                let scope = ui_command::key_scope(key, modifiers);
                // Undo in a text box (Find, a note) undoes the typing there, as in every other
                // program, never a project change out of sight.
                if typing && matches!(command, UiCommand::Undo | UiCommand::Redo) {
                    return false;
                }
                if scope == Scope::Tagging
                    && (!tagging
                        || (focused.is_some()
                            && matches!(
                                key,
                                egui::Key::Enter
                                    | egui::Key::Space
                                    | egui::Key::Tab
                                    | egui::Key::ArrowUp
                                    | egui::Key::ArrowDown
                                    | egui::Key::ArrowLeft
                                    | egui::Key::ArrowRight
                            )))
                {
                    return false;
                }
                hits.push((command, scope));
                true
            })
        });
        if hits.iter().any(|(_, scope)| *scope == Scope::Tagging) {
            // egui already read Tab and the arrows as "move focus": these keys are ours. A
            // control left focused would take the next Enter from the suggestion.
            ctx.memory_mut(|m| {
                m.move_focus(egui::FocusDirection::None);
                if let Some(id) = focused {
                    m.surrender_focus(id);
                }
            });
        }
        // A key does what its menu item does, and no more: a greyed item's key (Shift+M in a
        // locked assignment) says why in the toolbar instead of failing with an error.
        let state = self.ui_state();
        let (enabled, greyed): (Vec<_>, Vec<_>) = hits.iter().partition(|(c, _)| c.enabled(&state));
        let actions: Vec<Action> = enabled.iter().map(|(c, _)| c.action(&state)).collect();
        let why = greyed.first().map(|(c, _)| c.why_disabled(&state));
        self.actions.extend(actions);
        if let Some(why) = why {
            self.explain(why);
        }
    }

    /// Says why a greyed command cannot be used: in the toolbar, or on the start screen before a
    /// project is open.
    fn explain(&mut self, why: String) {
        match &mut self.workspace {
            Some(ws) => ws.say(why),
            None => self.start_notice = Some(why),
        }
    }
}

/// Hands the frame's key presses, in order, to `take` until it takes one (a command), and removes
/// that press and the character it typed, so no text box behind a dialog it opens reads it.
fn take_command_key(input: &mut egui::InputState, mut take: impl FnMut(Key, Modifiers) -> bool) {
    let at = input.events.iter().position(|event| match event {
        egui::Event::Key {
            key,
            modifiers,
            pressed: true,
            ..
        } => take(*key, *modifiers),
        _ => false,
    });
    if let Some(at) = at {
        input.events.remove(at);
        if matches!(input.events.get(at), Some(egui::Event::Text(_))) {
            input.events.remove(at);
        }
    }
}
