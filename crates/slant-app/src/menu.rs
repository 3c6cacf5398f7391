//! The menu bar, drawn from the command table ([`UiCommand`]): every command in its menu, with
//! its shortcut beside it and its tooltip on hover.

use egui::Ui;
use strum::IntoEnumIterator;

use super::SlantApp;
use super::actions::Action;
use super::ui_command::{self, Menu, State, UiCommand};

impl SlantApp {
    pub(super) fn menu_bar(&mut self, ui: &mut Ui) {
        let ctx = ui.ctx().clone();
        let open_menu = self.open_menu.take();
        let dialog = self.modal.is_some();
        let mut shown_open = None;
        let state = self.ui_state();
        let mut out = Vec::new();
        let mut recent = None;
        egui::MenuBar::new().ui(ui, |ui| {
            for menu in Menu::iter() {
                let shown = ui.menu_button(menu.label(), |ui| {
                    let mut group = None;
                    for c in UiCommand::iter().filter(|c| c.place().menu == menu) {
                        if !c.listed(&state) {
                            continue;
                        }
                        let place = c.place();
                        if group.is_some_and(|g| g != place.group) {
                            ui.separator();
                        }
                        group = Some(place.group);
                        let label = c.menu_label(&state);
                        let enabled = c.enabled(&state);
                        // A greyed item stays in the keyboard's path, as menus do for people
                        // who cannot hover: reported as unavailable, it says why when chosen
                        // (↓ skipped it, and with it the only place the reason was given).
                        let text = if enabled {
                            egui::RichText::new(label.as_str())
                        } else {
                            egui::RichText::new(label.as_str())
                                .color(ui.visuals().weak_text_color())
                        };
                        let mut button = match c.checked(&state) {
                            Some(on) => egui::Button::selectable(on, text),
                            None => egui::Button::new(text),
                        };
                        if let Some(keys) = c.shortcut_text(&ctx) {
                            button = button.shortcut_text(keys);
                        }
                        let response = ui.add(button);
                        if !enabled {
                            response.widget_info(|| {
                                egui::WidgetInfo::labeled(egui::Role::Button, false, &label)
                            });
                        }
                        let hint = if enabled {
                            c.text().1.to_owned()
                        } else {
                            c.why_disabled(&state)
                        };
                        if response.on_hover_text(hint).clicked() {
                            out.push(if enabled {
                                c.action(&state)
                            } else {
                                Action::Explain(c.why_disabled(&state))
                            });
                            ui.close();
                        }
                        if c == UiCommand::Open {
                            recent = Some(recent_menu(ui, &self.settings.recent, &mut out));
                        }
                    }
                });
                // F10: the File menu opens, its button focused, so ↓ goes into it (egui moves
                // the focus with the arrows); Tab, → and ← go on to the next menus.
                let popup = egui::Popup::default_response_id(&shown.response);
                if open_menu == Some(menu) {
                    egui::Popup::open_id(&ctx, popup);
                    shown.response.request_focus();
                }
                if egui::Popup::is_id_open(&ctx, popup) {
                    if dialog {
                        // A dialog opened from the keyboard (P, F1) while the menu was open: the
                        // menu would stay above it and act behind it.
                        egui::Popup::close_id(&ctx, popup);
                    } else {
                        shown_open = Some(menu);
                    }
                }
            }
        });
        if let Some(menu) = shown_open {
            // → on "Open recent" goes into its list and ← in the list back out of it, as menus
            // do (egui moves the focus there); elsewhere they go on to the next menus.
            let focused = ctx.memory(|m| m.focused());
            let into_submenu = recent.is_some_and(|r: RecentMenu| Some(r.button) == focused);
            let in_submenu = recent.is_some_and(|r| r.open && Some(r.button) != focused);
            // Every press counts, fast presses arriving in one frame too.
            let mut step = 0isize;
            ui.input_mut(|i| {
                use egui::{Key, Modifiers};
                ui_command::take_key_presses(i, |key, modifiers| {
                    step += match (key, modifiers) {
                        (Key::ArrowRight, Modifiers::NONE) if into_submenu => return false,
                        (Key::ArrowLeft, Modifiers::NONE) if in_submenu => return false,
                        (Key::Tab | Key::ArrowRight, Modifiers::NONE) => 1,
                        (Key::ArrowLeft, Modifiers::NONE) | (Key::Tab, Modifiers::SHIFT) => -1,
                        _ => return false,
                    };
                    true
                });
            });
            if step != 0 {
                let menus: Vec<Menu> = Menu::iter().collect();
                let at = menus.iter().position(|m| *m == menu).unwrap_or(0) as isize;
                let to = (at + step).rem_euclid(menus.len() as isize) as usize;
                egui::Popup::close_all(&ctx);
                self.open_menu = Some(menus[to]);
                ctx.request_repaint();
            }
        }
        let chosen = !out.is_empty();
        self.actions.extend(out);
        if shown_open.is_none() && open_menu.is_none() && !chosen {
            self.menus_closed_over_note();
        }
    }

    /// What the command table needs to know of the app now.
    pub(super) fn ui_state(&self) -> State<'_> {
        let ws = self.workspace.as_ref();
        State {
            settings: &self.settings,
            has_project: ws.is_some(),
            articles: ws.map_or(0, |w| w.doc.project.articles.len()),
            columns: ws.map_or(self.settings.columns, |w| w.columns.len()),
            undo: ws.and_then(|w| w.doc.undo_label()),
            redo: ws.and_then(|w| w.doc.redo_label()),
            locked: ws.is_some_and(|w| w.doc.project.sentences.is_locked()),
            reviewer: ws.and_then(|w| w.reviewer.as_ref()),
            answer_key: ws.and_then(|w| w.doc.project.answer_key.as_ref()),
            reviewers: ws.map_or(0, |w| w.doc.project.reviewers.len()),
            lexicon_folder: self.hints.folder().map(|dir| {
                dir.file_name().map_or(dir.display().to_string(), |n| {
                    n.to_string_lossy().into_owned()
                })
            }),
        }
    }
}

/// File ▸ Open recent as drawn: its button, and whether its list is open.
#[derive(Clone, Copy)]
struct RecentMenu {
    button: egui::Id,
    open: bool,
}

/// File ▸ Open recent: a list of files, not a command of its own.
fn recent_menu(ui: &mut Ui, recent: &[std::path::PathBuf], out: &mut Vec<Action>) -> RecentMenu {
    let shown = ui.menu_button("Open recent", |ui| {
        if recent.is_empty() {
            ui.label("No recent projects");
        }
        for p in recent {
            if ui.button(p.display().to_string()).clicked() {
                out.push(Action::OpenPath(p.clone()));
                ui.close();
            }
        }
    });
    RecentMenu {
        button: shown.response.id,
        open: shown.inner.is_some(),
    }
}
