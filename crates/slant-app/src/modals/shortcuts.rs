//! The keyboard shortcuts sheet (F1): every command's keys, from the one command table.

use egui::RichText;
use strum::IntoEnumIterator;

use super::Answer;
use crate::ui_command::{self, UiCommand};

pub(super) fn shortcuts_dialog(ui: &mut egui::Ui, answer: &mut Answer) {
    let ctx = &ui.ctx().clone();
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
    egui::ScrollArea::vertical()
        .max_height(tall)
        .min_scrolled_height(tall)
        .show(ui, |ui| {
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
                    RichText::new(format!(
                        "{}  with no text box active",
                        ui_command::display(ctx, &paste)
                    ))
                    .monospace(),
                );
                ui.end_row();
                ui.label("Move among buttons and lists");
                ui.label(
                    RichText::new("Shift+Tab  (Tab alone: next untagged sentence)").monospace(),
                );
                ui.end_row();
                ui.label("Mark a loaded phrase");
                ui.label("drag across words in a sentence (or P, and type them)");
                ui.end_row();
            });
        });
    if ui.button("Close").clicked() {
        answer.close = true;
    }
}
