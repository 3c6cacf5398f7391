//! Getting article text in and changing it: files dropped on the window or chosen in a dialog,
//! text pasted or typed as a new article, and editing an article's text after tagging.

use std::path::{Path, PathBuf};

use egui::{Align2, Color32, FontId, Id, LayerId, Order, Ui};

use super::actions::Action;
use super::{Modal, SlantApp};
use slant_core::command::{Command, text};
use slant_core::import::{self, ImportedText};

/// Files Slant imports as articles, by their ending (the core's list).
fn is_article_file(path: &Path) -> bool {
    import::Format::of_ending(path).is_some()
}

/// The title a pasted text suggests: its headline, else its first line (shortened), else none.
/// The dialog's title follows it until the person types their own, whatever the text becomes.
fn title_of(text: &str) -> String {
    title_from(text, ImportedText::pasted(text).as_ref())
}

/// [`title_of`] with the text already tidied (tidying a long paste is the dialog's main cost).
fn title_from(text: &str, pasted: Option<&ImportedText>) -> String {
    pasted
        .and_then(|p| p.headline.clone())
        .or_else(|| {
            let line = text.lines().map(str::trim).find(|l| !l.is_empty())?;
            Some(match line.char_indices().nth(80) {
                Some((at, _)) => format!("{}…", &line[..at]),
                None => line.to_owned(),
            })
        })
        .unwrap_or_default()
}

fn stem(path: &Path) -> String {
    path.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// The article's text in a scrolling box, named for screen readers and tests; with `focus`, it
/// takes the keyboard when nothing else has it (a dialog that opens ready to type in).
fn text_area(ui: &mut Ui, body: &mut String, rows: usize, max_height: f32, focus: bool) {
    egui::ScrollArea::vertical()
        .max_height(max_height)
        .show(ui, |ui| {
            let r = ui.add(
                egui::TextEdit::multiline(body)
                    .desired_rows(rows)
                    .desired_width(f32::INFINITY)
                    .char_limit(slant_core::validate::MAX_TEXT_BYTES / 4),
            );
            r.widget_info(|| {
                egui::WidgetInfo::labeled(egui::Role::MultilineTextInput, true, "Article text")
            });
            if focus && ui.memory(|m| m.focused().is_none()) {
                r.request_focus();
            }
        });
}

impl SlantApp {
    /// Files dropped onto the window and text pasted outside any text box become actions.
    pub(super) fn dropped_and_pasted(&mut self, ctx: &egui::Context) {
        let dropped: Vec<PathBuf> = ctx.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_owned())
                .filter(|p| !p.as_os_str().is_empty())
                .collect()
        });
        if !dropped.is_empty() {
            self.request(Action::ImportFiles(dropped));
        }
        if self.modal.is_none() && self.workspace.is_some() && !ctx.egui_wants_keyboard_input() {
            let pasted = ctx.input(|i| {
                i.events.iter().find_map(|e| match e {
                    egui::Event::Paste(text) if !text.trim().is_empty() => Some(text.clone()),
                    _ => None,
                })
            });
            if let Some(text) = pasted {
                // A web address on its own is the article there, not text about it.
                let one_word = !text.trim().contains(char::is_whitespace);
                self.request(if one_word && slant_fetch::is_web_address(&text) {
                    Action::FetchWebAddress(text.trim().to_owned())
                } else {
                    Action::PasteArticle(text)
                });
            }
        }
        if ctx.input(|i| !i.raw.hovered_files.is_empty()) {
            let painter = ctx.layer_painter(LayerId::new(Order::Foreground, Id::NULL.with("drop")));
            let screen = ctx.content_rect();
            painter.rect_filled(screen, 0.0, Color32::from_black_alpha(160));
            painter.text(
                screen.center(),
                Align2::CENTER_CENTER,
                "Drop .txt, .md or .html files to add them as articles",
                FontId::proportional(24.0),
                Color32::WHITE,
            );
        }
    }

    /// Opens the dialog for a new article (empty, or with pasted text) or for editing the
    /// focused article's text.
    pub(super) fn open_text_dialog(&mut self, action: Action) {
        let Some(ws) = &self.workspace else {
            return;
        };
        match action {
            Action::EditArticleText => {
                let Some(a) = ws.focused_article() else {
                    return;
                };
                if ws.doc.project.sentences.is_locked() {
                    return self.error(
                        "The text cannot be edited",
                        "The teacher locked this assignment's sentences, so the article's text cannot be edited.",
                    );
                }
                let text = ws.doc.project.articles[a].text.clone();
                self.modal = Some(Modal::EditText {
                    article: a,
                    text,
                    discarding: false,
                });
            }
            action => {
                let text = match action {
                    Action::PasteArticle(text) => text,
                    _ => String::new(),
                };
                let title = ImportedText::pasted(&text)
                    .and_then(|p| p.headline)
                    .unwrap_or_default();
                self.modal = Some(Modal::NewArticle {
                    title,
                    text,
                    discarding: false,
                });
            }
        }
    }

    /// Imports article files into the open project as one undoable step, and says which could
    /// not be imported and why.
    pub(super) fn import_paths(&mut self, paths: Vec<PathBuf>) {
        if self.workspace.is_none() {
            return self.error(
                "No project is open",
                "Open or create a project first, then add articles to it.",
            );
        }
        let mut problems = Vec::new();
        let mut imported = Vec::new();
        for path in paths {
            if !is_article_file(&path) {
                problems.push(format!(
                    "{}: Slant adds .txt, .md and .html files as articles (to open a project, use Open… in the File menu)",
                    path.display()
                ));
                continue;
            }
            match import::import_file(&path) {
                Ok(i) => imported.push((i.name_from(&stem(&path)), i)),
                Err(e) => problems.push(e.to_string()),
            }
        }
        if !imported.is_empty() {
            let articles = imported
                .into_iter()
                .map(|(name, text)| (name.clone(), text, name))
                .collect();
            if let Err(e) = self.add_articles(articles) {
                problems.push(e);
            }
        }
        if !problems.is_empty() {
            self.error("Some files were not added", problems.join("\n"));
        }
    }

    /// Adds articles (id hint, text, title when the text has no headline) and shows the last.
    /// One the project already has is not added again; `Err` says which, and why none was
    /// added where that is so.
    pub(super) fn add_articles(
        &mut self,
        articles: Vec<(String, ImportedText, String)>,
    ) -> Result<(), String> {
        let Some(ws) = &mut self.workspace else {
            return Ok(());
        };
        let first = ws.doc.project.articles.len();
        let mut project = ws.doc.project.clone();
        let mut commands = Vec::new();
        let mut label = String::new();
        let mut skipped = Vec::new();
        for (hint, text, title) in articles {
            if let Some(same) = project.article_with_text(&text.text) {
                skipped.push(format!(
                    "{hint}: this article is already in the project, as “{}”; not added again",
                    same.title
                ));
                continue;
            }
            let id = project.new_article_id(&hint);
            let article = text.into_article(id, &title);
            label = format!("Add {}", article.title);
            let command = Command::InsertArticle {
                index: project.articles.len(),
                article: Box::new(article),
            };
            command
                .clone()
                .apply(&mut project)
                .map_err(|e| e.to_string())?;
            commands.push(command);
        }
        let added = commands.len();
        if added == 0 {
            return Err(skipped.join("\n"));
        }
        if added > 1 {
            label = format!("Add {added} articles");
        }
        ws.apply(label, Some(Command::Batch(commands)))?;
        // Show the new article: in a new column while there is room, else in the last one.
        let n = ws.columns.len();
        if n < 4 && n < ws.doc.project.articles.len() && first > 0 {
            ws.set_columns(n + 1);
        }
        let last = ws.doc.project.articles.len() - 1;
        if let Some(c) = ws.columns.last_mut() {
            c.article = last;
        }
        if skipped.is_empty() {
            Ok(())
        } else {
            Err(skipped.join("\n"))
        }
    }

    /// The dialog for a new article from pasted or typed text. Returns true when it is done.
    pub(super) fn new_article_dialog(
        &mut self,
        ui: &mut Ui,
        title: &mut String,
        body: &mut String,
        discarding: &mut bool,
    ) -> bool {
        ui.heading("New article from text");
        ui.label("Title");
        let r = ui.add(
            egui::TextEdit::singleline(title)
                .desired_width(f32::INFINITY)
                .char_limit(slant_core::validate::MAX_FIELD_BYTES / 4),
        );
        r.widget_info(|| egui::WidgetInfo::labeled(egui::Role::TextInput, true, "Article title"));
        ui.label("Text (paste the article here; line breaks inside sentences are joined)");
        // The title follows the first line of the text until the person writes their own.
        let auto_title = title_of(body);
        text_area(ui, body, 14, 360.0, true);
        // Tidied once a frame, for what it will tidy, the title and the button. None: nothing
        // to read once tidied (soft hyphens alone are nothing).
        let pasted = ImportedText::pasted(body);
        if let Some(repairs) = pasted.as_ref().and_then(|p| p.repairs.describe()) {
            ui.label(egui::RichText::new(format!("Slant will tidy it: {repairs}.")).weak());
        }
        if title.trim() == auto_title.trim() {
            *title = title_from(body, pasted.as_ref());
        }
        let mut done = false;
        ui.horizontal(|ui| {
            if let Some(pasted) = ui
                .add_enabled(pasted.is_some(), egui::Button::new("Add article"))
                .clicked()
                .then_some(pasted)
                .flatten()
            {
                let title = if title.trim().is_empty() {
                    "Pasted article".to_owned()
                } else {
                    title.trim().to_owned()
                };
                let mut text = pasted;
                text.headline = Some(title.clone());
                match self.add_articles(vec![(title.clone(), text, title)]) {
                    Ok(()) => done = true,
                    Err(e) => self.error("The article was not added", e),
                }
            }
            let typed = !title.trim().is_empty() || !body.trim().is_empty();
            done |= cancel(ui, typed, discarding);
        });
        done |= ask_before_discarding(ui, discarding);
        if !title.trim().is_empty() || !body.trim().is_empty() {
            keeps_text_hint(ui);
        }
        done
    }

    /// The dialog that edits an article's text. Returns true when it is done.
    pub(super) fn edit_text_dialog(
        &mut self,
        ui: &mut Ui,
        article: usize,
        body: &mut String,
        discarding: &mut bool,
    ) -> bool {
        let Some(ws) = &self.workspace else {
            return true;
        };
        let Some(a) = ws.doc.project.articles.get(article) else {
            return true;
        };
        let original = a.original.clone();
        let changed = a.text != *body;
        ui.heading(format!("Edit the text of “{}”", a.title));
        ui.label("Tags, notes and phrases stay with their sentences. Any that no longer fit a sentence are listed in the side panel, not lost.");
        text_area(ui, body, 18, 420.0, true);
        let mut done = false;
        ui.horizontal(|ui| {
            if ui.button("Apply").clicked() {
                done = self.apply_text_edit(article, body);
            }
            if let Some(original) = &original
                && ui
                    .button("Start from the text as imported")
                    .on_hover_text(
                        "The text before Slant joined broken lines and removed stray spaces",
                    )
                    .clicked()
            {
                *body = original.clone();
            }
            done |= cancel(ui, changed, discarding);
        });
        done |= ask_before_discarding(ui, discarding);
        if self
            .workspace
            .as_ref()
            .and_then(|ws| ws.doc.project.articles.get(article))
            .is_some_and(|a| a.text != *body)
        {
            keeps_text_hint(ui);
        }
        done
    }

    fn apply_text_edit(&mut self, article: usize, body: &str) -> bool {
        let Some(ws) = &mut self.workspace else {
            return true;
        };
        let (command, lost) = match text::edit_text(&ws.doc.project, article, body) {
            Ok(Some(c)) => c,
            Ok(None) => return true,
            Err(e) => {
                self.error("The text was not changed", e.to_string());
                return false;
            }
        };
        let before = ws.focused_text();
        if let Err(e) = ws.apply("Edit article text", Some(command)) {
            self.error("The text was not changed", e);
            return false;
        }
        ws.follow_text_change(before);
        if lost > 0 {
            self.modal = Some(Modal::Message {
                title: "Some annotations lost their sentence".into(),
                text: format!(
                    "{} no longer {} a sentence. They are listed under “Without a sentence” in the side panel: put each on a sentence, or discard it.",
                    slant_core::wording::count(lost, "annotation", "annotations"),
                    if lost == 1 { "matches" } else { "match" }
                ),
            });
        }
        true
    }
}

/// A text dialog's Cancel: it closes at once over nothing written, and otherwise asks first
/// ([`ask_before_discarding`]), so one stray click never throws away a page of typing.
fn cancel(ui: &mut Ui, written: bool, discarding: &mut bool) -> bool {
    if !ui.button("Cancel").clicked() {
        return false;
    }
    *discarding = written;
    !written
}

/// The question Cancel raised over written text; true once the person chose to discard it.
fn ask_before_discarding(ui: &mut Ui, discarding: &mut bool) -> bool {
    if !*discarding {
        return false;
    }
    // Escape answers "keep editing", as it keeps the dialog.
    if ui.input(|i| i.key_pressed(egui::Key::Escape)) {
        *discarding = false;
        return false;
    }
    let mut discard = false;
    ui.horizontal(|ui| {
        ui.label("Throw away the text you wrote here?");
        discard = ui.button("Discard text").clicked();
        let keep = ui.button("Keep editing");
        if ui.memory(|m| m.focused().is_none()) {
            keep.request_focus();
        }
        if keep.clicked() {
            *discarding = false;
        }
    });
    discard
}

/// Why Escape and a click beside do not close a dialog holding text the person wrote: said
/// where they look, not left for them to guess.
fn keeps_text_hint(ui: &mut Ui) {
    ui.label(
        egui::RichText::new(
            "Escape and a click outside keep this dialog and your text; Cancel asks before it discards it.",
        )
        .weak(),
    );
}
