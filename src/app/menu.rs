//! The menu bar: every action in a menu, with its shortcut beside it.

use egui::Ui;

use super::SlantApp;
use super::actions::{self, Action};
use crate::document::Document;

impl SlantApp {
    pub(super) fn menu_bar(&mut self, ui: &mut Ui) {
        let has_ws = self.workspace.is_some();
        let ctx = ui.ctx().clone();
        let item =
            |ui: &mut Ui, enabled: bool, text: &str, action: Action, out: &mut Vec<Action>| {
                let mut button = egui::Button::new(text);
                if let Some(keys) = actions::shortcut_text(&ctx, &action) {
                    button = button.shortcut_text(keys);
                }
                if ui.add_enabled(enabled, button).clicked() {
                    out.push(action);
                    ui.close();
                }
            };
        // A menu item that is on or off (a column count, dark mode), with its shortcut.
        let toggle = |ui: &mut Ui,
                      enabled: bool,
                      checked: bool,
                      text: &str,
                      action: Action,
                      out: &mut Vec<Action>| {
            let mut button = egui::Button::selectable(checked, text);
            if let Some(keys) = actions::shortcut_text(&ctx, &action) {
                button = button.shortcut_text(keys);
            }
            if ui.add_enabled(enabled, button).clicked() {
                out.push(action);
                ui.close();
            }
        };
        let mut out = Vec::new();
        egui::MenuBar::new().ui(ui, |ui| {
            ui.menu_button("File", |ui| {
                item(ui, true, "New project", Action::NewProject, &mut out);
                item(ui, true, "Open…", Action::OpenProject, &mut out);
                ui.menu_button("Open recent", |ui| {
                    if self.settings.recent.is_empty() {
                        ui.label("No recent projects");
                    }
                    for p in self.settings.recent.clone() {
                        if ui.button(p.display().to_string()).clicked() {
                            out.push(Action::OpenPath(p));
                            ui.close();
                        }
                    }
                });
                item(
                    ui,
                    true,
                    "Open sample project",
                    Action::OpenSample,
                    &mut out,
                );
                ui.separator();
                item(
                    ui,
                    has_ws,
                    "Import article…",
                    Action::ImportArticle,
                    &mut out,
                );
                item(
                    ui,
                    has_ws,
                    "New article from text…",
                    Action::NewArticleFromText,
                    &mut out,
                );
                item(
                    ui,
                    has_ws,
                    "Merge students' files…",
                    Action::MergeStudents,
                    &mut out,
                );
                ui.separator();
                item(ui, has_ws, "Save", Action::Save, &mut out);
                item(ui, has_ws, "Save as…", Action::SaveAs, &mut out);
                item(ui, has_ws, "Close project", Action::Close, &mut out);
                ui.separator();
                item(ui, true, "Quit", Action::Quit, &mut out);
            });
            ui.menu_button("Edit", |ui| {
                let doc = self.document();
                let undo = doc
                    .and_then(Document::undo_label)
                    .map(|l| format!("Undo {l}"));
                let redo = doc
                    .and_then(Document::redo_label)
                    .map(|l| format!("Redo {l}"));
                item(
                    ui,
                    undo.is_some(),
                    undo.as_deref().unwrap_or("Undo"),
                    Action::Undo,
                    &mut out,
                );
                item(
                    ui,
                    redo.is_some(),
                    redo.as_deref().unwrap_or("Redo"),
                    Action::Redo,
                    &mut out,
                );
                ui.separator();
                item(ui, has_ws, "Find", Action::Find, &mut out);
                let editable = self
                    .workspace
                    .as_ref()
                    .is_some_and(|w| !w.doc.project.sentences.is_locked());
                item(
                    ui,
                    editable,
                    "Edit article text…",
                    Action::EditArticleText,
                    &mut out,
                );
                item(ui, has_ws, "Next reviewer", Action::NextReviewer, &mut out);
                item(ui, has_ws, "Add reviewer…", Action::AddReviewer, &mut out);
                ui.separator();
                let ws = self.workspace.as_ref();
                let me = ws.and_then(|w| w.reviewer.clone());
                let key = ws.and_then(|w| w.doc.project.answer_key.clone());
                if key.is_some() && key == me {
                    item(
                        ui,
                        true,
                        "Clear the answer key",
                        Action::SetAnswerKey(None),
                        &mut out,
                    );
                } else {
                    item(
                        ui,
                        me.is_some(),
                        "Use this reviewer's tags as the answer key",
                        Action::SetAnswerKey(me.clone()),
                        &mut out,
                    );
                }
            });
            ui.menu_button("View", |ui| {
                for n in 1..=4 {
                    let label = format!("{n} column{}", if n == 1 { "" } else { "s" });
                    let checked = self.settings.columns == n;
                    toggle(ui, has_ws, checked, &label, Action::SetColumns(n), &mut out);
                }
                item(
                    ui,
                    has_ws,
                    "Next article in this column",
                    Action::CycleArticle(1),
                    &mut out,
                );
                item(
                    ui,
                    has_ws,
                    "Previous article in this column",
                    Action::CycleArticle(-1),
                    &mut out,
                );
                ui.separator();
                let synced = self.settings.synced_scroll;
                toggle(
                    ui,
                    true,
                    synced,
                    "Synced scrolling",
                    Action::ToggleSyncedScroll,
                    &mut out,
                );
                item(ui, true, "Larger text", Action::TextLarger, &mut out);
                item(ui, true, "Smaller text", Action::TextSmaller, &mut out);
                toggle(
                    ui,
                    true,
                    self.settings.dark,
                    "Dark mode",
                    Action::ToggleDarkMode,
                    &mut out,
                );
                ui.separator();
                toggle(
                    ui,
                    true,
                    self.settings.suggestions,
                    "Suggested tags",
                    Action::ToggleSuggestions,
                    &mut out,
                );
                toggle(
                    ui,
                    true,
                    self.settings.cue_highlights,
                    "Underline cue words",
                    Action::ToggleCueHighlights,
                    &mut out,
                );
                toggle(
                    ui,
                    true,
                    self.settings.class_view,
                    "Class view",
                    Action::ToggleClassView,
                    &mut out,
                );
                toggle(
                    ui,
                    true,
                    self.settings.compare,
                    "Compare mode",
                    Action::ToggleCompare,
                    &mut out,
                );
                toggle(
                    ui,
                    true,
                    self.settings.unique_only,
                    "Only what one outlet reports",
                    Action::ToggleUniqueOnly,
                    &mut out,
                );
                item(
                    ui,
                    has_ws,
                    "Next disputed sentence",
                    Action::NextDisputed,
                    &mut out,
                );
                item(
                    ui,
                    has_ws,
                    "Accept all suggested quotes",
                    Action::AcceptAllSuggested(crate::model::Tag::Quote),
                    &mut out,
                );
                let folder = match self.hints.folder() {
                    Some(dir) => format!(
                        "Teacher's word lists: {}…",
                        dir.file_name().map_or(dir.display().to_string(), |n| n
                            .to_string_lossy()
                            .into_owned())
                    ),
                    None => "Teacher's word lists…".to_owned(),
                };
                item(ui, true, &folder, Action::ChooseLexiconFolder, &mut out);
                if self.hints.folder().is_some() {
                    item(
                        ui,
                        true,
                        "Use Slant's word lists only",
                        Action::ForgetLexiconFolder,
                        &mut out,
                    );
                }
            });
            ui.menu_button("Help", |ui| {
                item(
                    ui,
                    true,
                    "Keyboard shortcuts",
                    Action::ShowShortcuts,
                    &mut out,
                );
            });
        });
        self.actions.extend(out);
    }
}
