//! The keyboard's way to point at words of the selected sentence, where the pointer drags or
//! right-clicks: a dialog over the sentence, a box for the words, and what they would do shown
//! before Enter does it. Marking a loaded phrase (P, `phrase.rs`) and splitting the sentence
//! (Shift+S, `split.rs`) share it, so the two read and behave alike.

use slant_core::model::{Article, Span};

use super::actions::Action;
use super::{Modal, SlantApp};

/// What the words typed over a sentence are for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WordsFor {
    /// Mark them (or unmark them) as a loaded phrase.
    Phrase,
    /// Start a second sentence with them.
    Split,
}

/// What the typed words would do, as the purpose's own rule reads them.
pub(super) struct Outcome {
    /// The button's label ("Mark", "Unmark", "Split").
    pub button: &'static str,
    /// Lines shown under the box before anything is done (the two parts of a split).
    pub preview: Vec<String>,
    /// The action Enter or the button gives; `None`: the words do not fit, and `problem` says
    /// why.
    pub action: Option<Action>,
    pub problem: String,
}

impl WordsFor {
    fn heading(self) -> &'static str {
        match self {
            WordsFor::Phrase => "Mark a loaded phrase",
            WordsFor::Split => "Split the sentence",
        }
    }

    fn instructions(self) -> &'static str {
        match self {
            WordsFor::Phrase => {
                "Type the words to mark, as the sentence has them. A phrase already marked, typed again, is unmarked."
            }
            WordsFor::Split => {
                "Type the words the second sentence starts with, as the sentence has them."
            }
        }
    }

    fn field_label(self) -> &'static str {
        match self {
            WordsFor::Phrase => "Words to mark",
            WordsFor::Split => "Words the second sentence starts with",
        }
    }
}

impl SlantApp {
    /// Opens the dialog over the selected sentence (the first one if none is selected).
    pub(super) fn open_words_dialog(&mut self, purpose: WordsFor) {
        let Some(ws) = &mut self.workspace else {
            return;
        };
        // A phrase is someone's: ask who first. A split is the article's.
        if purpose == WordsFor::Phrase && ws.reviewer.is_none() {
            self.modal = Some(Modal::reviewer(None));
            return;
        }
        if ws.selected.is_none() {
            ws.step(0);
        }
        if let Some(sentence) = ws.selected {
            self.modal = Some(Modal::Words {
                purpose,
                column: ws.focus,
                sentence,
                words: String::new(),
                problem: None,
            });
        }
    }

    /// The dialog itself. Returns true when it is done.
    pub(super) fn words_dialog(
        &mut self,
        ui: &mut egui::Ui,
        purpose: WordsFor,
        (column, sentence): (usize, usize),
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
        let Some(&span) = article.sentences.get(sentence) else {
            return true;
        };
        ui.heading(purpose.heading());
        ui.label(format!("Sentence {}:", sentence + 1));
        ui.label(egui::RichText::new(article.sentence_text(sentence)).italics());
        ui.label(purpose.instructions());
        if let Some(problem) = problem.as_deref() {
            ui.colored_label(ui.visuals().error_fg_color, problem);
        }
        // Its own id: the message shown above it comes and goes, and an id counted from the
        // widgets before it would make it another box, with another cursor, as it does.
        let field = ui.add(
            egui::TextEdit::singleline(typed)
                .id_salt(("words", purpose as u8))
                .desired_width(f32::INFINITY)
                .char_limit(1000),
        );
        field.widget_info(|| {
            egui::WidgetInfo::labeled(egui::Role::TextInput, true, purpose.field_label())
        });
        if field.changed() {
            *problem = None;
        }
        if self.dialog_opening || (ui.memory(|m| m.focused().is_none()) && !field.lost_focus()) {
            field.request_focus();
        }
        let entered = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        let query = typed.trim();
        let reviewer = ws.reviewer.as_ref();
        let outcome = match purpose {
            WordsFor::Phrase => super::phrase::outcome(article, reviewer, column, sentence, query),
            WordsFor::Split => super::split::outcome(article, span, column, sentence, query),
        };
        // The message Enter gave stands in for the preview until the words change.
        if problem.is_none() {
            for line in &outcome.preview {
                ui.label(line);
            }
        }
        let mut done = false;
        ui.horizontal(|ui| {
            let button = ui.add_enabled(!query.is_empty(), egui::Button::new(outcome.button));
            if button.clicked() || (entered && !query.is_empty()) {
                match outcome.action {
                    Some(action) => {
                        self.actions.push(action);
                        done = true;
                    }
                    None => *problem = Some(outcome.problem),
                }
            }
            if ui.button("Cancel").clicked() {
                done = true;
            }
        });
        done
    }
}

/// The typed words as a message quotes them: at most 60 characters.
pub(super) fn quoted(query: &str) -> String {
    match query.char_indices().nth(60) {
        Some((at, _)) => format!("“{}…”", &query[..at]),
        None => format!("“{query}”"),
    }
}

/// Whether a match `m` in the article's text stands as whole words: "escalation" must not mark
/// the inside of "de-escalation".
pub(super) fn whole_words(article: &Article, m: Span) -> bool {
    let text = &article.text;
    !text[..m.start].chars().next_back().is_some_and(in_word)
        && !text[m.end..].chars().next().is_some_and(in_word)
}

/// A character that belongs to a word.
pub(super) fn in_word(c: char) -> bool {
    c.is_alphanumeric() || c == '-' || c == '\'' || c == '’'
}
