//! Annotations that lost their sentence when an article's text was edited: listed in the side
//! panel until the reviewer puts each on a sentence or discards it.

use egui::{RichText, Ui};

use super::Workspace;
use crate::actions::Action;
use crate::theme;
use slant_core::command::text;

impl Workspace {
    /// The focused article's unplaced annotations, with what can be done about each.
    pub fn unplaced_panel(&self, ui: &mut Ui, actions: &mut Vec<Action>) {
        let Some(a) = self.focused_article() else {
            return;
        };
        let article = &self.doc.project.articles[a];
        if article.unplaced.is_empty() {
            return;
        }
        ui.separator();
        ui.heading(format!("Without a sentence ({})", article.unplaced.len()));
        ui.label("These annotations lost their sentence when the text was edited.");
        let dark = ui.visuals().dark_mode;
        for (index, item) in article.unplaced.iter().enumerate() {
            ui.add_space(4.0);
            let who = self
                .doc
                .project
                .reviewer(&item.reviewer)
                .map_or(item.reviewer.as_str(), |r| r.name.as_str());
            ui.horizontal_wrapped(|ui| {
                if let Some(tag) = item.annotation.tag {
                    ui.label(
                        RichText::new(tag.label())
                            .strong()
                            .color(theme::tag_text_color(tag, dark)),
                    );
                }
                ui.label(RichText::new(who).weak());
            });
            ui.label(format!(
                "“{}”",
                crate::side_panel::short(&item.sentence, 160)
            ));
            if let Some(note) = &item.annotation.note {
                ui.label(format!("Note: {note}"));
            }
            if !item.phrases.is_empty() {
                ui.label(format!("Loaded phrases: {}", item.phrases.join(", ")));
            }
            ui.horizontal(|ui| {
                let can_place = self.selected.is_some();
                if ui
                    .add_enabled(can_place, egui::Button::new("Put on selected sentence"))
                    .on_disabled_hover_text("Select the sentence it belongs to first")
                    .clicked()
                {
                    actions.push(Action::PlaceUnplaced { article: a, index });
                }
                if ui.button("Discard").clicked() {
                    actions.push(Action::DiscardUnplaced { article: a, index });
                }
            });
        }
    }

    pub(super) fn place_unplaced(&mut self, article: usize, index: usize) -> Result<(), String> {
        let Some(sentence) = self.selected else {
            return Ok(());
        };
        let listed = |ws: &Workspace| {
            ws.doc
                .project
                .articles
                .get(article)
                .map(|a| a.unplaced.len())
        };
        let before = listed(self);
        let command = text::place(&self.doc.project, article, index, sentence);
        self.apply("Put annotation on sentence", command)?;
        // A tag that met another tag stays listed (the list kept its length; otherwise the
        // entry at `index` is the next one): say why it did not go.
        let a = &self.doc.project.articles[article];
        if listed(self) == before
            && let Some(item) = a.unplaced.get(index)
            && let Some(left) = item.annotation.tag
            && let Some(own) = a.annotation(&item.reviewer, sentence).and_then(|x| x.tag)
        {
            self.say(format!(
                "Sentence {} keeps its tag {}; {} stays under “Without a sentence”",
                sentence + 1,
                own.label(),
                left.label()
            ));
        }
        Ok(())
    }

    pub(super) fn discard_unplaced(&mut self, article: usize, index: usize) -> Result<(), String> {
        let command = text::discard(&self.doc.project, article, index);
        self.apply("Discard annotation", command)
    }
}
