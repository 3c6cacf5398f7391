//! Splitting a sentence from the keyboard: Shift+S opens a dialog over the selected sentence, the
//! person types the words the second sentence starts with and sees the two parts, Enter splits.
//! A right-click's "Split sentence here" does the same with the pointer; without this, a student
//! who works by keyboard alone could not mend a sentence the splitter ran together.

use slant_core::model::Span;

use super::actions::Action;
use super::{Modal, SlantApp, words};

impl SlantApp {
    /// Opens the dialog for the selected sentence (the first one if none is selected).
    pub(super) fn open_split_dialog(&mut self) {
        let Some(ws) = &mut self.workspace else {
            return;
        };
        if ws.selected.is_none() {
            ws.step(0);
        }
        if let Some(sentence) = ws.selected {
            self.modal = Some(Modal::Split {
                column: ws.focus,
                sentence,
                words: String::new(),
                problem: None,
            });
        }
    }

    /// The dialog itself. Returns true when it is done.
    pub(super) fn split_dialog(
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
        let Some(&span) = article.sentences.get(sentence) else {
            return true;
        };
        ui.heading("Split the sentence");
        ui.label(format!("Sentence {}:", sentence + 1));
        ui.label(egui::RichText::new(article.sentence_text(sentence)).italics());
        ui.label("Type the words the second sentence starts with, as the sentence has them.");
        if let Some(problem) = problem.as_deref() {
            ui.colored_label(ui.visuals().error_fg_color, problem);
        }
        let field = ui.add(
            egui::TextEdit::singleline(typed)
                .id_salt("split words")
                .desired_width(f32::INFINITY)
                .char_limit(1000),
        );
        field.widget_info(|| {
            egui::WidgetInfo::labeled(
                egui::Role::TextInput,
                true,
                "Words the second sentence starts with",
            )
        });
        if field.changed() {
            *problem = None;
        }
        if self.dialog_opening || (ui.memory(|m| m.focused().is_none()) && !field.lost_focus()) {
            field.request_focus();
        }
        let entered = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        let query = typed.trim();
        let at = split_point(&article.text, span, query);
        // What the two sentences will be, so the person sees the split before making it.
        if let Some(at) = at {
            let (first, second) = (
                article.text[span.start..at].trim_end(),
                article.text[at..span.end].trim_start(),
            );
            ui.label(format!("First: {first}"));
            ui.label(format!("Second: {second}"));
        }
        let mut done = false;
        ui.horizontal(|ui| {
            let split = ui.add_enabled(!query.is_empty(), egui::Button::new("Split"));
            if split.clicked() || (entered && !query.is_empty()) {
                match at {
                    Some(at) => {
                        self.actions.push(Action::SplitSentence {
                            column,
                            sentence,
                            at,
                        });
                        done = true;
                    }
                    None => {
                        let shown = match query.char_indices().nth(60) {
                            Some((at, _)) => format!("{}…", &query[..at]),
                            None => query.to_owned(),
                        };
                        *problem = Some(format!(
                            "“{shown}” does not start a word after the sentence's first word."
                        ));
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

/// Where the typed words start in the sentence: the first place they begin a word, after its
/// first word (a split before it would leave an empty sentence). Case and curly quotes are
/// ignored; a quotation mark or bracket opening the second part belongs to it (`“We`).
fn split_point(text: &str, span: Span, query: &str) -> Option<usize> {
    if query.is_empty() {
        return None;
    }
    let word = |c: char| c.is_alphanumeric() || c == '-' || c == '\'' || c == '’';
    words::find_matches(&text[span.start..span.end], span.start, query)
        .into_iter()
        .map(|m| m.start)
        .find(|&start| {
            let before = &text[span.start..start];
            !before.chars().next_back().is_some_and(word) && before.chars().any(word)
        })
        .map(|start| {
            // Back over the punctuation that opens the second part, to the space before it.
            let before = &text[span.start..start];
            let opening = before
                .char_indices()
                .rev()
                .take_while(|(_, c)| !c.is_whitespace() && !word(*c))
                .last()
                .map_or(start, |(i, _)| span.start + i);
            if text[span.start..opening].chars().any(word) {
                opening
            } else {
                start
            }
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parts(text: &str, query: &str) -> Option<(String, String)> {
        let span = Span::new(0, text.len());
        split_point(text, span, query).map(|at| {
            (
                text[..at].trim_end().to_owned(),
                text[at..].trim_start().to_owned(),
            )
        })
    }

    #[test]
    fn the_typed_words_start_the_second_sentence() {
        let text = "The council voted on Tuesday the mayor said “We will appeal.”";
        assert_eq!(
            parts(text, "the mayor"),
            Some((
                "The council voted on Tuesday".into(),
                "the mayor said “We will appeal.”".into()
            )),
            "the first place the words start a word, not the sentence's own start"
        );
        assert_eq!(
            parts(text, "we will"),
            Some((
                "The council voted on Tuesday the mayor said".into(),
                "“We will appeal.”".into()
            )),
            "the opening quotation mark goes with the second part"
        );
        assert_eq!(parts(text, "ouncil"), None, "inside a word is no split");
        assert_eq!(parts(text, "zebra"), None);
        assert_eq!(parts(text, "The council"), None, "nothing before it");
    }
}
