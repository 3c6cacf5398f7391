//! Marking a loaded phrase from the keyboard: P opens a dialog over the selected sentence, the
//! person types the words, Enter marks them (or unmarks a phrase already marked there). Dragging
//! across the words does the same with the pointer.

use slant_core::model::Span;

use super::actions::Action;
use super::{Modal, SlantApp, words};

impl SlantApp {
    /// Opens the dialog for the selected sentence (the first one if none is selected).
    pub(super) fn open_phrase_dialog(&mut self) {
        let Some(ws) = &mut self.workspace else {
            return;
        };
        if ws.reviewer.is_none() {
            self.modal = Some(Modal::reviewer(None));
            return;
        }
        if ws.selected.is_none() {
            ws.step(0);
        }
        if let Some(sentence) = ws.selected {
            self.modal = Some(Modal::Phrase {
                column: ws.focus,
                sentence,
                words: String::new(),
                problem: None,
            });
        }
    }

    /// The dialog itself. Returns true when it is done.
    pub(super) fn phrase_dialog(
        &mut self,
        ui: &mut egui::Ui,
        column: usize,
        sentence: usize,
        typed: &mut String,
        problem: &mut Option<String>,
    ) -> bool {
        let Some(ws) = &self.workspace else {
            return true;
        };
        let Some(article) = ws
            .columns
            .get(column)
            .and_then(|c| ws.doc.project.articles.get(c.article))
        else {
            return true;
        };
        if sentence >= article.sentences.len() {
            return true;
        }
        let span = article.sentences[sentence];
        ui.heading("Mark a loaded phrase");
        ui.label(format!("Sentence {}:", sentence + 1));
        ui.label(egui::RichText::new(article.sentence_text(sentence)).italics());
        ui.label(
            "Type the words to mark, as the sentence has them. A phrase already marked, typed again, is unmarked.",
        );
        if let Some(problem) = problem.as_deref() {
            ui.colored_label(ui.visuals().error_fg_color, problem);
        }
        // Its own id: the message shown above it comes and goes, and an id counted from the
        // widgets before it would make it another box, with another cursor, as it does.
        let field = ui.add(
            egui::TextEdit::singleline(typed)
                .id_salt("phrase words")
                .desired_width(f32::INFINITY)
                .char_limit(1000),
        );
        field.widget_info(|| {
            egui::WidgetInfo::labeled(egui::Role::TextInput, true, "Words to mark")
        });
        if field.changed() {
            *problem = None;
        }
        if self.dialog_opening || (ui.memory(|m| m.focused().is_none()) && !field.lost_focus()) {
            field.request_focus();
        }
        let entered = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        let query = typed.trim();
        // Whole words only: "escalation" must not mark the inside of "de-escalation".
        let text = &article.text;
        let word = |c: char| c.is_alphanumeric() || c == '-' || c == '\'' || c == '’';
        let found: Option<Span> =
            words::find_matches(article.sentence_text(sentence), span.start, query)
                .into_iter()
                .find(|m| {
                    !text[..m.start].chars().next_back().is_some_and(word)
                        && !text[m.end..].chars().next().is_some_and(word)
                });
        // The same words as a phrase already marked unmark it; other words are marked, joined
        // with any marked phrase they overlap.
        let marked = found.is_some_and(|m| {
            ws.reviewer
                .as_ref()
                .and_then(|r| article.annotation(r, sentence))
                .is_some_and(|a| a.loaded_phrases.contains(&m))
        });
        let mut done = false;
        ui.horizontal(|ui| {
            let label = if marked { "Unmark" } else { "Mark" };
            let mark = ui.add_enabled(!query.is_empty(), egui::Button::new(label));
            if mark.clicked() || (entered && !query.is_empty()) {
                match found {
                    Some(span) if marked => {
                        self.actions.push(Action::TogglePhrase { column, span });
                        done = true;
                    }
                    Some(span) => {
                        self.actions.push(Action::MarkPhraseAt { column, span });
                        done = true;
                    }
                    None => {
                        let shown = match query.char_indices().nth(60) {
                            Some((at, _)) => format!("{}…", &query[..at]),
                            None => query.to_owned(),
                        };
                        *problem =
                            Some(format!("“{shown}” is not in this sentence as whole words."));
                    }
                }
            }
            if ui.button("Cancel").clicked() {
                done = true;
            }
        });
        done
    }
}
