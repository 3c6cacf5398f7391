//! The menu a right-click on a sentence opens: tags, note, loaded phrase, split and merge.

use egui::Ui;

use super::parts::ViewInput;
use crate::actions::Action;
use crate::ui_command::UiCommand;
use crate::words::word_at;
use slant_core::model::{Span, Tag};

/// The menu for `sentence`, right-clicked at byte `at` of the article.
pub fn show(ui: &mut Ui, input: &ViewInput, sentence: usize, at: usize, actions: &mut Vec<Action>) {
    let column = input.column;
    let span = input.article.sentences[sentence];
    let select = Action::Select { column, sentence };
    // The tags, named and keyed as in the command table.
    for tag in Tag::ALL.map(Some).into_iter().chain([None]) {
        let c = UiCommand::tag(tag);
        let mut button = egui::Button::new(c.label());
        if let Some(keys) = c.shortcut_text(ui.ctx()) {
            button = button.shortcut_text(keys);
        }
        if ui.add(button).clicked() {
            actions.extend([select.clone(), Action::Tag(tag)]);
            ui.close();
        }
    }
    ui.separator();
    let has_note = input
        .reviewer
        .and_then(|r| input.article.annotation(r, sentence))
        .is_some_and(|a| a.note.as_deref().is_some_and(|n| !n.is_empty()));
    if ui
        .button(if has_note {
            "Edit note…"
        } else {
            "Add note…"
        })
        .clicked()
    {
        actions.extend([select.clone(), Action::EditNote]);
        ui.close();
    }
    let word = word_at(&input.article.text, span, at);
    let in_phrase = input
        .reviewer
        .and_then(|r| input.article.annotation(r, sentence))
        .is_some_and(|a| {
            a.loaded_phrases
                .iter()
                .any(|p| p.start < word.end.max(at + 1) && at < p.end)
        });
    let phrase_label = if in_phrase {
        "Unmark loaded phrase".to_owned()
    } else {
        format!("Mark loaded phrase “{}”", input.article.slice(word))
    };
    if ui
        .add_enabled(
            !word.is_empty() || in_phrase,
            egui::Button::new(phrase_label),
        )
        .clicked()
    {
        let target = if word.is_empty() {
            Span::new(at, at + 1)
        } else {
            word
        };
        actions.extend([
            select.clone(),
            Action::TogglePhrase {
                column,
                span: target,
            },
        ]);
        ui.close();
    }
    let why_locked = "The teacher locked this assignment's sentences";
    if ui
        .add_enabled(
            word.start > span.start && !input.locked,
            egui::Button::new("Split sentence here"),
        )
        .on_disabled_hover_text(why_locked)
        .clicked()
    {
        actions.push(Action::SplitSentence {
            column,
            sentence,
            at: word.start,
        });
        ui.close();
    }
    if ui
        .add_enabled(
            sentence + 1 < input.article.sentences.len() && !input.locked,
            egui::Button::new("Merge with next"),
        )
        .on_disabled_hover_text(why_locked)
        .clicked()
    {
        actions.push(Action::MergeWithNext { column, sentence });
        ui.close();
    }
}
