//! An open project on screen: the document, the reviewer tagging, the columns and the selection.

use std::collections::HashMap;
use std::time::Instant;

use super::article_view::ColumnView;
pub use note::NoteDraft;

mod class;
mod columns;
mod compare;
mod navigate;
mod note;
mod panel;
mod perform;
mod suggestions;
mod toolbar;
mod unplaced;
use super::side_panel::ColumnStats;
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
    /// Whether another program wrote the project's file since this window read or saved it, and
    /// when that was last looked at: the toolbar says so while it holds, not only when a save
    /// finds out (a `slant merge` run beside an open window went unseen until then).
    disk: (bool, Option<std::time::Instant>),
    /// The last → or ←, so that the opposite key comes back to the sentence it left.
    stepped_from: Option<navigate::ColumnStep>,
    /// The selection the side panel last showed: a new one starts the panel at its top, where
    /// the sentence's tags, note and suggestion are, wherever the statistics had been scrolled.
    panel_shows: (usize, Option<usize>),
    /// The side panel's scroll offset and visible height last frame, and a page to move it by.
    panel_view: (f32, f32),
    panel_page: Option<isize>,
}

impl Workspace {
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
            disk: (false, None),
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

    /// Shows the articles named (by id) in the columns, in order, where the project still has
    /// them: the columns as a project was left.
    pub fn show_articles(&mut self, ids: &[String]) {
        let articles = &self.doc.project.articles;
        let wanted: Vec<Option<usize>> = ids
            .iter()
            .map(|id| articles.iter().position(|a| a.id.as_str() == id))
            .collect();
        // Only where every remembered article is still there and each column shows its own:
        // a column repeating another's article is no place anyone left.
        let all_found = wanted.len() == self.columns.len() && wanted.iter().all(Option::is_some);
        let mut distinct: Vec<usize> = wanted.iter().flatten().copied().collect();
        distinct.sort_unstable();
        distinct.dedup();
        if all_found && distinct.len() == wanted.len() {
            for (column, at) in self.columns.iter_mut().zip(wanted.into_iter().flatten()) {
                column.article = at;
            }
        }
    }

    /// Where this project is left: its file, title and the articles its columns show.
    pub fn place(&self) -> Option<crate::settings::Place> {
        let articles = &self.doc.project.articles;
        Some(crate::settings::Place {
            path: self.doc.path()?.to_owned(),
            title: self.doc.project.title.clone(),
            columns: self
                .columns
                .iter()
                .filter_map(|c| articles.get(c.article))
                .map(|a| a.id.as_str().to_owned())
                .collect(),
        })
    }

    /// Whether `place` is where this project is now (checked each frame, so without building
    /// one).
    pub fn is_at(&self, place: &crate::settings::Place) -> bool {
        let articles = &self.doc.project.articles;
        self.doc.path() == Some(place.path.as_path())
            && place.title == self.doc.project.title
            && place.columns.len() == self.columns.len()
            && place
                .columns
                .iter()
                .zip(&self.columns)
                .all(|(id, c)| articles.get(c.article).is_some_and(|a| a.id.as_str() == id))
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
}
