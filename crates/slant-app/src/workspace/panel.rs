//! The side panel: the selected sentence (its tag, note and suggestion), the class, the
//! comparison, and each column's statistics.

use egui::Ui;

use super::{ColumnStats, Look, NoteDraft, Workspace};
use crate::actions::Action;
use crate::hints::Hints;
use crate::side_panel;
use crate::ui_command::UiCommand;
use slant_core::model::Tag;

impl Workspace {
    /// The right panel: the selected sentence and the statistics.
    pub fn side_panel(
        &mut self,
        ui: &mut Ui,
        hints: &mut Hints,
        look: Look,
        actions: &mut Vec<Action>,
    ) {
        let suggestions = look.suggestions;
        // The note box shows the selected sentence's note for the current reviewer, whatever
        // changed since the last frame.
        self.sync_note();
        // A solid scroll bar takes its own room: a floating one covered the last letters of
        // every line when the pointer was over the panel.
        ui.spacing_mut().scroll = egui::style::ScrollStyle::solid();
        let mut scroll = egui::ScrollArea::vertical().id_salt("side");
        let showing = (self.focus, self.selected);
        if std::mem::replace(&mut self.panel_shows, showing) != showing && showing.1.is_some() {
            scroll = scroll.vertical_scroll_offset(0.0);
        }
        if let Some(step) = self.panel_page.take() {
            let (offset, height) = self.panel_view;
            scroll = scroll.vertical_scroll_offset((offset + step as f32 * height * 0.9).max(0.0));
        }
        let output = scroll.show(ui, |ui| {
            match (self.focused_article(), self.selected, self.reviewer.clone()) {
                (Some(a), Some(s), Some(r)) if s < self.doc.project.articles[a].sentences.len() => {
                    let article = &self.doc.project.articles[a];
                    let typed = |n: &Option<NoteDraft>| n.as_ref().map(|d| (d.text.len(), d.since));
                    let before = typed(&self.note);
                    side_panel::inspector(ui, article, s, &r, &mut self.note, &mut self.focus_note, actions);
                    if typed(&self.note) != before {
                        // "Saved to …" is old news once a note is being typed.
                        self.status = None;
                    }
                    if suggestions {
                        let h = hints.article(a, article);
                        let annotation = article.annotation(&r, s);
                        let cues: Vec<&slant_core::cues::Cue> = h.cues_in(article.sentences[s]).collect();
                        side_panel::suggestion(
                            ui,
                            article,
                            h.open_suggestion(s, annotation),
                            annotation.and_then(|x| x.suggestion),
                            &cues,
                            actions,
                        );
                        let quotes = h.open_with_tag(article, &r, Tag::Quote).count();
                        if quotes > 0
                            && ui
                                .button(format!("Accept all suggested quotes ({quotes})"))
                                .on_hover_text("Tag every sentence Slant suggests as Quote that you have not tagged yet")
                                .clicked()
                        {
                            actions.push(Action::AcceptAllSuggested(Tag::Quote));
                        }
                    }
                }
                (Some(a), Some(s), None) if s < self.doc.project.articles[a].sentences.len() => {
                    // Whose tags to show is the person's answer, not the first name in the file.
                    ui.heading("Sentence");
                    ui.label(format!(
                        "{} of {}",
                        s + 1,
                        self.doc.project.articles[a].sentences.len()
                    ));
                    ui.label(
                        "Nobody is tagging yet: choose a reviewer in the toolbar, or press a tag key and say who you are.",
                    );
                }
                _ => {
                    ui.heading("Sentence");
                    let keys = |c: UiCommand| c.keys_text(ui.ctx());
                    let tags: Vec<String> = Tag::ALL
                        .iter()
                        .map(|&t| keys(UiCommand::tag(Some(t))))
                        .collect();
                    ui.label(format!(
                        "Click a sentence, or press {}, to select one. Then tag it: {}.",
                        keys(UiCommand::NextSentence),
                        tags.join(", ")
                    ));
                }
            }
            self.unplaced_panel(ui, actions);
            if look.compare {
                ui.separator();
                self.compare_panel(ui);
            }
            ui.separator();
            if look.class && (self.doc.project.reviewers.len() >= 2 || self.class_asked) {
                // In the class view the class comes first: it is what the teacher is looking at.
                self.class_panel(ui, actions);
                ui.separator();
            }
            let reviewer = self.reviewer.clone();
            let shown: Vec<usize> = self.columns.iter().map(|c| c.article).collect();
            let mut figures = Vec::new();
            let articles = self.doc.project.articles.len();
            for a in shown.into_iter().filter(|&a| a < articles) {
                let text = self.text_counts(a);
                let summary = reviewer.as_ref().map(|r| self.reviewer_summary(a, r));
                let evidence = hints.article(a, &self.doc.project.articles[a]).evidence;
                figures.push((a, text, summary, evidence));
            }
            let columns: Vec<ColumnStats> = figures
                .into_iter()
                .map(|(a, text, reviewer, evidence)| ColumnStats { article: &self.doc.project.articles[a], text, reviewer, evidence })
                .collect();
            side_panel::statistics(ui, &columns);
        });
        self.panel_view = (output.state.clamped_offset().y, output.inner_rect.height());
    }

    /// Shift+Page Down, Shift+Page Up: the side panel a screen down or up, so that the
    /// statistics below the selected sentence can be read without a mouse.
    pub fn scroll_panel(&mut self, step: isize) {
        self.panel_page = Some(step);
    }
}
