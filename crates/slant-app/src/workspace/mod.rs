//! An open project on screen: the document, the reviewer tagging, the columns and the selection.

use std::collections::HashMap;
use std::time::Instant;

use egui::Ui;

use super::actions::Action;
use super::article_view::{self, ColumnView, ViewInput};
use super::hints::Hints;
use super::ui_command::UiCommand;
pub use note::NoteDraft;

mod class;
mod compare;
mod navigate;
mod note;
mod perform;
mod suggestions;
mod unplaced;
use super::side_panel::{self, ColumnStats};
use slant_core::command::{Command, edits};
use slant_core::document::Document;
use slant_core::model::{ArticleId, ReviewerId, Tag};
use slant_core::readability::TextCounts;
use slant_core::stats::{self, ReviewerSummary};

/// How the columns look, from the settings.
#[derive(Clone, Copy, Debug)]
pub struct Look {
    pub dark: bool,
    pub font_size: f32,
    pub synced: bool,
    /// Outlined badges for suggested tags.
    pub suggestions: bool,
    /// Cue words underlined.
    pub cues: bool,
    /// The class's tags per sentence (disagreement view).
    pub class: bool,
    /// Compare mode, and whether shared content is faded.
    pub compare: bool,
    pub unique_only: bool,
}

/// A reviewer's figures and quoted voices (named, unnamed) for one article.
type Figures = (ReviewerSummary, (usize, usize));

pub struct Workspace {
    pub doc: Document,
    /// The mark that the project's file is open in this window, held while it is.
    pub claim: Option<slant_core::document::OpenClaim>,
    /// The class view was switched on while this project was open. With fewer than two
    /// reviewers its panel then says how to get a class; left on from another project it shows
    /// nothing, since a student's own file is no class and the hint is the teacher's.
    pub class_asked: bool,
    pub reviewer: Option<ReviewerId>,
    pub columns: Vec<ColumnView>,
    /// The column the keyboard works in.
    pub focus: usize,
    /// The selected sentence of the focused column.
    pub selected: Option<usize>,
    /// The note box: whose note it is and what has been typed.
    pub note: Option<NoteDraft>,
    pub focus_note: bool,
    pub find: Option<String>,
    pub focus_find: bool,
    /// Different for every project opened in this run of the app.
    pub serial: u64,
    text_counts: HashMap<(ArticleId, usize), TextCounts>,
    /// Per article and reviewer, the figures and quoted voices (named, unnamed), and the
    /// article's revision they were computed at: a tag redoes only its own article's.
    summaries: HashMap<(usize, ReviewerId), (u64, Figures)>,
    /// Per article, every sentence's speaker, found once per text.
    speakers: HashMap<usize, (u64, slant_core::voices::Speakers)>,
    /// Per article, the class's agreement and scores against the key, and what they were
    /// computed at.
    class: HashMap<usize, (class::Stamp, class::ClassFigures)>,
    /// The first two columns' comparison, in compare mode.
    compare: Option<compare::CompareCache>,
    last_offsets: Vec<f32>,
    /// The selection (column, sentence) as last seen and where the pointer was when it changed.
    selection_seen: ((usize, Option<usize>), Option<egui::Pos2>),
    /// Whether the sentence under the pointer leads the comparison: not once the selection
    /// moves (J, K, Tab) with the pointer resting over the text, until the pointer moves.
    hover_leads: bool,
    /// Why the last keyboard search went nowhere (N, D, Find), shown in the toolbar for a few
    /// seconds: a key that seems to do nothing leaves a new user guessing.
    status: Option<(String, std::time::Instant)>,
    /// The last → or ←, so that the opposite key comes back to the sentence it left.
    stepped_from: Option<navigate::ColumnStep>,
    /// The selection the side panel last showed: a new one starts the panel at its top, where
    /// the sentence's tags, note and suggestion are, wherever the statistics had been scrolled.
    panel_shows: (usize, Option<usize>),
    /// The side panel's scroll offset and visible height last frame, and a page to move it by.
    panel_view: (f32, f32),
    panel_page: Option<isize>,
}

/// How long a status message stays in the toolbar.
const STATUS_SECONDS: f32 = 6.0;

impl Workspace {
    /// A reviewer as the toolbar's list names them: the answer key says so, so a teacher sees
    /// whose tags the students are scored against.
    fn reviewer_shown(&self, r: &slant_core::model::Reviewer) -> String {
        if self.doc.project.answer_key.as_ref() == Some(&r.id) {
            format!("{} (answer key)", r.name)
        } else {
            r.name.clone()
        }
    }

    pub fn new(doc: Document, columns: usize) -> Workspace {
        // One reviewer is whoever works on this file. With several (a class's merged work),
        // nobody is chosen until the person says who they are: a tag key must not change the
        // first student's tags.
        let reviewer = match doc.project.reviewers.as_slice() {
            [only] => Some(only.id.clone()),
            _ => None,
        };
        let n = columns.clamp(1, 4).min(doc.project.articles.len().max(1));
        let mut ws = Workspace {
            doc,
            claim: None,
            class_asked: false,
            reviewer,
            columns: Vec::new(),
            focus: 0,
            selected: None,
            note: None,
            focus_note: false,
            find: None,
            focus_find: false,
            serial: {
                static OPENED: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
                OPENED.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
            },
            text_counts: HashMap::new(),
            summaries: HashMap::new(),
            speakers: HashMap::new(),
            class: HashMap::new(),
            compare: None,
            last_offsets: Vec::new(),
            selection_seen: ((0, None), None),
            hover_leads: true,
            status: None,
            stepped_from: None,
            panel_shows: (0, None),
            panel_view: (0.0, 0.0),
            panel_page: None,
        };
        ws.set_columns(n);
        let reviewers = ws.doc.project.reviewers.len();
        if reviewers >= 2 {
            ws.say(format!(
                "{reviewers} reviewers' work: a tag key asks who is tagging; C shows the class view"
            ));
        }
        ws
    }

    /// Shows `n` columns, but never more than there are articles (a column would repeat one).
    pub fn set_columns(&mut self, n: usize) {
        let articles = self.doc.project.articles.len();
        if n > articles.max(1) {
            self.say(crate::ui_command::columns_need(n, articles));
        }
        let n = n.clamp(1, 4).min(articles.max(1));
        while self.columns.len() < n {
            let next = (0..articles)
                .find(|a| !self.columns.iter().any(|c| c.article == *a))
                .unwrap_or(0);
            self.columns.push(ColumnView::new(next));
        }
        self.columns.truncate(n);
        self.focus = self.focus.min(n - 1);
        self.keep_selection_in_view();
    }

    /// After a change of layout (the columns, the text size): the selected sentence stays in
    /// view rather than wherever the old offset now falls.
    pub fn keep_selection_in_view(&mut self) {
        if let (Some(s), Some(c)) = (self.selected, self.columns.get_mut(self.focus)) {
            c.keep_in_view(s);
        }
    }

    /// The article shown in the focused column.
    pub fn focused_article(&self) -> Option<usize> {
        let a = self.columns.get(self.focus)?.article;
        (a < self.doc.project.articles.len()).then_some(a)
    }

    /// Applies an edit through the document (undo, dirty mark, autosave) and refreshes views.
    pub fn apply(
        &mut self,
        label: impl Into<String>,
        command: Option<Command>,
    ) -> Result<(), String> {
        self.apply_as(label.into(), command, false)
    }

    /// As [`Workspace::apply`], as the rest of the last edit where it can be
    /// ([`slant_core::document::Document::apply_continuing`]).
    pub fn apply_continuing(
        &mut self,
        label: impl Into<String>,
        command: Option<Command>,
    ) -> Result<(), String> {
        self.apply_as(label.into(), command, true)
    }

    fn apply_as(
        &mut self,
        label: String,
        command: Option<Command>,
        continuing: bool,
    ) -> Result<(), String> {
        let Some(command) = command else {
            return Ok(());
        };
        let now = Instant::now();
        if continuing {
            self.doc.apply_continuing(label, command, now)
        } else {
            self.doc.apply(label, command, now)
        }
        .map_err(|e| e.to_string())?;
        self.changed();
        Ok(())
    }

    pub fn changed(&mut self) {
        let articles = self.doc.project.articles.len();
        // An article gone (an import undone): never more columns than articles, and a column
        // that showed it shows one not shown yet rather than repeating its neighbour.
        if self.columns.len() > articles.max(1) {
            self.columns.truncate(articles.max(1));
            self.focus = self.focus.min(self.columns.len() - 1);
        }
        for i in 0..self.columns.len() {
            if self.columns[i].article >= articles {
                let free = (0..articles).find(|a| !self.columns.iter().any(|c| c.article == *a));
                self.columns[i] = ColumnView::new(free.unwrap_or(articles.saturating_sub(1)));
            }
        }
        if let Some(a) = self.focused_article()
            && self
                .selected
                .is_some_and(|s| s >= self.doc.project.articles[a].sentences.len())
        {
            self.selected = None;
        }
        // A reviewer gone (their adding undone, a merge undone): tags must not go to an id the
        // project no longer has. The only reviewer left is whoever works here; otherwise a tag
        // key asks again.
        if self
            .reviewer
            .as_ref()
            .is_some_and(|r| self.doc.project.reviewer(r).is_none())
        {
            self.reviewer = match self.doc.project.reviewers.as_slice() {
                [only] => Some(only.id.clone()),
                _ => None,
            };
        }
        self.sync_note();
    }

    /// The focused article's text and sentences, kept before a change that may edit the text,
    /// for [`Workspace::follow_text_change`].
    pub fn focused_text(&self) -> Option<(usize, String, Vec<slant_core::model::Span>)> {
        let a = self.focused_article()?;
        let article = &self.doc.project.articles[a];
        Some((a, article.text.clone(), article.sentences.clone()))
    }

    /// After a change to the focused article's text or sentences (an edit, a split or merge, or
    /// its undo or redo), the selection follows its sentence, not its number: with a paragraph
    /// deleted or a sentence split above it, sentence 2 is another sentence, and the next tag
    /// key would tag that one.
    pub fn follow_text_change(
        &mut self,
        before: Option<(usize, String, Vec<slant_core::model::Span>)>,
    ) {
        let Some((article, old_text, old_sentences)) = before else {
            return;
        };
        let Some(new) = self.doc.project.articles.get(article) else {
            return;
        };
        if self.focused_article() != Some(article)
            || (new.text == old_text && new.sentences == old_sentences)
        {
            return;
        }
        if let Some(selected) = self.selected {
            let moved = slant_core::reanchor::match_sentences(
                &old_text,
                &old_sentences,
                &new.text,
                &new.sentences,
            );
            self.selected = moved.get(selected).copied().flatten();
        }
    }

    /// Takes the toolbar message down: whatever the person does next makes it old news.
    pub fn hush(&mut self) {
        self.status = None;
    }

    /// Shows `text` in the toolbar for a few seconds.
    pub fn say(&mut self, text: impl Into<String>) {
        self.status = Some((text.into(), std::time::Instant::now()));
    }

    pub fn tag(&mut self, tag: Option<Tag>) -> Result<(), String> {
        let (Some(a), Some(s), Some(r)) =
            (self.focused_article(), self.selected, self.reviewer.clone())
        else {
            return Ok(());
        };
        let label = match tag {
            Some(t) => format!("Tag as {}", t.label()),
            None => "Clear tag".to_owned(),
        };
        self.apply(label, edits::set_tag(&self.doc.project, a, &r, s, tag))
    }

    /// A reviewer's figures and quoted voices for an article, recomputed only after the project
    /// changed.
    fn reviewer_summary(&mut self, article: usize, reviewer: &ReviewerId) -> Figures {
        let key = (article, reviewer.clone());
        let revision = self.doc.revision(article);
        match self.summaries.get(&key) {
            Some((at, figures)) if *at == revision.any => figures.clone(),
            _ => {
                let a = &self.doc.project.articles[article];
                let speakers = match self.speakers.get(&article) {
                    Some((at, s)) if *at == revision.text => s,
                    _ => {
                        let found = slant_core::voices::Speakers::of(a);
                        &self
                            .speakers
                            .entry(article)
                            .insert_entry((revision.text, found))
                            .into_mut()
                            .1
                    }
                };
                let summary = stats::reviewer_summary(a, reviewer);
                let voices = slant_core::voices::count(&speakers.quoted_voices(a, reviewer));
                self.summaries
                    .insert(key, (revision.any, (summary.clone(), voices)));
                (summary, voices)
            }
        }
    }

    /// Words and readability of an article: its text never changes, so they are computed once.
    fn text_counts(&mut self, article: usize) -> TextCounts {
        let a = &self.doc.project.articles[article];
        *self
            .text_counts
            .entry((a.id.clone(), a.text.len()))
            .or_insert_with(|| stats::text_counts(a))
    }

    /// The toolbar under the menus: reviewer, columns, and the find bar.
    pub fn toolbar(&mut self, ui: &mut Ui, actions: &mut Vec<Action>) {
        ui.horizontal(|ui| {
            ui.label("Reviewer:");
            let current = self
                .reviewer
                .as_ref()
                .and_then(|r| self.doc.project.reviewer(r))
                .map_or_else(
                    || {
                        if self.doc.project.reviewers.is_empty() {
                            "(none)".to_owned()
                        } else {
                            "(choose who is tagging)".to_owned()
                        }
                    },
                    |r| self.reviewer_shown(r),
                );
            egui::ComboBox::from_id_salt("reviewer")
                .selected_text(current)
                .show_ui(ui, |ui| {
                    for r in &self.doc.project.reviewers {
                        if ui
                            .selectable_label(
                                self.reviewer.as_ref() == Some(&r.id),
                                self.reviewer_shown(r),
                            )
                            .clicked()
                        {
                            actions.push(Action::SetReviewer(Some(r.id.clone())));
                            ui.close();
                        }
                    }
                    if self.doc.project.reviewers.len() >= 2
                        && ui
                            .selectable_label(
                                self.reviewer.is_none(),
                                "Nobody (a tag key asks who)",
                            )
                            .clicked()
                    {
                        actions.push(Action::SetReviewer(None));
                        ui.close();
                    }
                    if ui.button("Add reviewer…").clicked() {
                        actions.push(Action::AddReviewer);
                        ui.close();
                    }
                })
                .response
                .widget_info(|| egui::WidgetInfo::labeled(egui::Role::ComboBox, true, "Reviewer"));
            ui.separator();
            ui.label("Columns:");
            for n in 1..=4 {
                let enabled = n <= self.doc.project.articles.len().max(1);
                if ui
                    .add_enabled(
                        enabled,
                        egui::Button::selectable(self.columns.len() == n, n.to_string()),
                    )
                    .clicked()
                {
                    actions.push(Action::SetColumns(n));
                }
            }
            if let Some(query) = &mut self.find {
                ui.separator();
                let edit = ui.add(
                    egui::TextEdit::singleline(query)
                        .hint_text("Find in the articles shown")
                        .desired_width(220.0),
                );
                edit.widget_info(|| egui::WidgetInfo::labeled(egui::Role::TextInput, true, "Find"));
                if edit.changed() {
                    // "No sentence contains …" was about the old words.
                    self.status = None;
                }
                if std::mem::take(&mut self.focus_find) {
                    edit.request_focus();
                }
                if edit.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)) {
                    self.find_next();
                    edit.request_focus();
                }
                if ui.button("Next").clicked() {
                    self.find_next();
                }
                // Escape leaves the box (egui gives the focus up on Escape) and closes the bar,
                // as does Escape with nothing focused, once the box has been left.
                let escape = ui.input(|i| i.key_pressed(egui::Key::Escape))
                    && (edit.has_focus()
                        || edit.lost_focus()
                        || ui.memory(|m| m.focused().is_none()));
                if ui.button("Close find").clicked() || escape {
                    self.find = None;
                    self.status = None;
                }
            }
            if let Some((text, at)) = &self.status {
                let left = STATUS_SECONDS - at.elapsed().as_secs_f32();
                if left > 0.0 {
                    ui.separator();
                    ui.label(egui::RichText::new(text).italics());
                    ui.ctx()
                        .request_repaint_after(std::time::Duration::from_secs_f32(left));
                }
            }
        });
    }

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

    /// The article columns.
    pub fn columns(
        &mut self,
        ui: &mut Ui,
        look: Look,
        hints: &mut Hints,
        actions: &mut Vec<Action>,
    ) {
        if self.doc.project.articles.is_empty() {
            ui.vertical_centered(|ui| {
                ui.add_space(80.0);
                ui.heading("This project has no articles yet.");
                ui.label("Bring one in: a file (.txt, .md, or a web page saved as .html), or text copied from anywhere.");
                ui.add_space(8.0);
                if ui.button("Import an article file…").clicked() {
                    actions.push(Action::ImportArticle);
                }
                if ui
                    .button("Paste or type an article…")
                    .on_hover_text(UiCommand::NewArticleFromText.hint(ui.ctx()))
                    .clicked()
                {
                    actions.push(Action::NewArticleFromText);
                }
            });
            return;
        }
        self.sync_scroll(look.synced);
        let n = self.columns.len();
        let find = self
            .find
            .as_deref()
            .map(str::trim)
            .unwrap_or_default()
            .to_owned();
        if look.class {
            for i in 0..self.columns.len() {
                self.prepare_class(self.columns[i].article);
            }
        }
        self.follow_pointer_or_keys(ui.input(|i| i.pointer.latest_pos()));
        let compare_on = look.compare && self.prepare_compare().is_some();
        let sides: Vec<Option<article_view::CompareSide>> = (0..n)
            .map(|c| {
                compare_on
                    .then(|| self.compare_side(c, look.unique_only))
                    .flatten()
            })
            .collect();
        let focus = compare_on.then(|| self.compare_focus()).flatten();
        let project = &self.doc.project;
        if look.suggestions || look.cues {
            for c in &self.columns {
                hints.prepare(c.article, &project.articles[c.article]);
            }
        }
        let hints = &*hints;
        let titles: Vec<String> = project
            .articles
            .iter()
            .map(|a| side_panel::short(&a.title, 60))
            .collect();
        let mut article_chosen = false;
        ui.columns(n, |uis| {
            for (i, ui) in uis.iter_mut().enumerate() {
                let view = &mut self.columns[i];
                let article_index = view.article;
                egui::ComboBox::from_id_salt(("column-article", i))
                    .selected_text(format!("{}: {}", i + 1, titles[article_index]))
                    .width(ui.available_width() - 8.0)
                    .show_ui(ui, |ui| {
                        for (a, t) in titles.iter().enumerate() {
                            // egui closes the list on a pointer click only: a choice made with
                            // Enter or Space closes it too.
                            if ui.selectable_value(&mut view.article, a, t).clicked() {
                                ui.close();
                            }
                        }
                    })
                    .response
                    .widget_info(|| {
                        egui::WidgetInfo::labeled(
                            egui::Role::ComboBox,
                            true,
                            format!("Article in column {}", i + 1),
                        )
                    });
                let view_article = view.article;
                article_chosen |= view_article != article_index && i == self.focus;
                let article = &project.articles[view_article];
                article_view::header(ui, article);
                ui.separator();
                let input = ViewInput {
                    workspace: self.serial,
                    column: i,
                    article,
                    reviewer: self.reviewer.as_ref(),
                    selected: if i == self.focus { self.selected } else { None },
                    dark: look.dark,
                    font_size: look.font_size,
                    find: &find,
                    revision: (view_article, self.doc.revision(view_article).text),
                    hints: if look.suggestions || look.cues {
                        hints.get(view_article)
                    } else {
                        None
                    },
                    suggestions: look.suggestions,
                    show_cues: look.cues,
                    locked: project.sentences.is_locked(),
                    // Bars only where there is a class: a student's own file shows none, even
                    // where the teacher left the class view on (the panel says to merge).
                    class: if look.class && project.reviewers.len() >= 2 {
                        self.class.get(&view_article).map(|(_, c)| &c.agreement)
                    } else {
                        None
                    },
                    compare: sides[i].as_ref(),
                };
                article_view::show(ui, view, &input, actions);
            }
        });
        if article_chosen {
            // Sentence 8 of the old article is nothing in the new one: start from the top.
            self.commit_note();
            self.selected = None;
            self.sync_note();
        }
        if let Some((column, sentence)) = focus {
            let drawn: Vec<&article_view::Drawn> = self.columns.iter().map(|c| &c.drawn).collect();
            let links = article_view::links(&drawn, column, sentence, &sides);
            article_view::draw_links(ui, &links, look.dark);
        }
    }

    /// When synced, the column the person scrolled leads and the others follow at the same
    /// fraction of their length.
    fn sync_scroll(&mut self, synced: bool) {
        let offsets: Vec<f32> = self.columns.iter().map(|c| c.offset).collect();
        if synced
            && offsets.len() == self.last_offsets.len()
            && let Some(lead) =
                (0..offsets.len()).find(|&i| (offsets[i] - self.last_offsets[i]).abs() > 0.5)
        {
            {
                let fraction = self.columns[lead].fraction();
                for (i, c) in self.columns.iter_mut().enumerate() {
                    if i != lead {
                        let target = fraction * c.max_offset;
                        c.set_offset = Some(target);
                        c.offset = target;
                    }
                }
            }
        }
        self.last_offsets = self.columns.iter().map(|c| c.offset).collect();
    }
}
