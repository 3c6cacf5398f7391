//! Moving the selection with the keyboard: up and down a column, across to the sentence drawn
//! beside it, to the next untagged sentence, and to the next match of Find.

use super::Workspace;
use slant_core::model::Span;

/// A move between columns: (column, sentence) left and reached.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) struct ColumnStep {
    from: (usize, usize),
    to: (usize, usize),
    /// The articles the two columns showed: a column given another article since is no way
    /// back.
    articles: (usize, usize),
}

/// An article's sentences, and its text's fingerprint, as they were before an undo or redo.
pub(super) struct Cuts {
    text: u64,
    sentences: Vec<Span>,
}

impl Cuts {
    pub(super) fn of(article: &slant_core::model::Article) -> Cuts {
        Cuts {
            text: Cuts::fingerprint(&article.text),
            sentences: article.sentences.clone(),
        }
    }

    fn fingerprint(text: &str) -> u64 {
        use std::hash::{Hash, Hasher};
        let mut h = std::collections::hash_map::DefaultHasher::new();
        text.hash(&mut h);
        h.finish()
    }
}

impl Workspace {
    /// Selects a sentence and scrolls its column to it; the note box follows the selection.
    pub fn select(&mut self, column: usize, sentence: usize) {
        self.select_at(column, sentence, true);
    }

    /// Selects a sentence, bringing it into view when `reveal` (not when the view was just put
    /// where it should be, as Page Down does).
    fn select_at(&mut self, column: usize, sentence: usize, reveal: bool) {
        let column = column.min(self.columns.len().saturating_sub(1));
        let count = self
            .columns
            .get(column)
            .and_then(|c| self.doc.project.articles.get(c.article))
            .map_or(0, |a| a.sentences.len());
        if sentence >= count {
            // A sentence number from before the column showed another article.
            return;
        }
        self.focus = column;
        self.selected = Some(sentence);
        self.status = None;
        self.sync_note();
        if reveal && let Some(c) = self.columns.get_mut(self.focus) {
            c.scroll_to(sentence);
        }
    }

    /// After an undo or redo: selects the sentence it changed, in a column showing its article
    /// (the focused one first), so the change is seen, and says what was undone, how many
    /// sentences it touched and whose tags they are when they are not the current reviewer's.
    pub(super) fn show_change(
        &mut self,
        done: &str,
        label: Option<String>,
        place: Option<slant_core::command::Place>,
    ) {
        let what = label.map_or(String::new(), |l| format!(": {l}"));
        let Some(place) = place else {
            self.say(format!("{done}{what}"));
            return;
        };
        let mut where_ = match place.sentences {
            1 => format!("sentence {}", place.sentence + 1),
            n => format!("{n} sentences from sentence {}", place.sentence + 1),
        };
        if self.reviewer.as_ref() != Some(&place.reviewer) {
            let name = self
                .doc
                .project
                .reviewer(&place.reviewer)
                .map_or(place.reviewer.as_str().to_owned(), |r| r.name.clone());
            where_.push_str(&format!("; {name}’s tags, not yours"));
        }
        self.reveal(
            place.article,
            place.sentence,
            &format!("{done}{what}"),
            &where_,
        );
    }

    /// After an undo or redo that split or merged sentences (no reviewer's annotations are its
    /// place): selects the first sentence whose bounds changed, as [`Workspace::show_change`]
    /// does for a tag. `cuts` are every article's sentences before the change. A change to an
    /// article's text is left to [`Workspace::follow_text_change`], which keeps the selection on
    /// its sentence.
    pub(super) fn show_reshape(&mut self, done: &str, label: Option<String>, cuts: &[Cuts]) {
        let what = label.map_or(String::new(), |l| format!(": {l}"));
        let articles = &self.doc.project.articles;
        let changed = cuts
            .iter()
            .zip(articles)
            .enumerate()
            .find_map(|(i, (old, a))| {
                let new = &a.sentences;
                (old.text == Cuts::fingerprint(&a.text) && old.sentences != *new).then(|| {
                    let same = old
                        .sentences
                        .iter()
                        .zip(new)
                        .take_while(|(x, y)| x == y)
                        .count();
                    (i, same.min(new.len().saturating_sub(1)))
                })
            });
        match changed {
            Some((article, sentence)) => {
                let where_ = format!("sentence {}", sentence + 1);
                self.reveal(article, sentence, &format!("{done}{what}"), &where_);
            }
            None => self.say(format!("{done}{what}")),
        }
    }

    /// Selects `sentence` of `article` in a column showing it (the focused one first) and says
    /// `said (where)`, or says it is not shown.
    fn reveal(&mut self, article: usize, sentence: usize, said: &str, where_: &str) {
        let column = (self.columns.get(self.focus).map(|c| c.article) == Some(article))
            .then_some(self.focus)
            .or_else(|| self.columns.iter().position(|c| c.article == article));
        match column {
            Some(column) => {
                self.select(column, sentence);
                self.say(format!("{said} ({where_})"));
            }
            None => {
                let title = self
                    .doc
                    .project
                    .articles
                    .get(article)
                    .map_or(String::new(), |a| a.title.clone());
                self.say(format!("{said} ({where_} of “{title}”, not shown)"));
            }
        }
    }

    /// Moves the selection by `delta` sentences in the focused column.
    pub fn step(&mut self, delta: isize) {
        let Some(a) = self.focused_article() else {
            return;
        };
        let n = self.doc.project.articles[a].sentences.len();
        if n == 0 {
            return;
        }
        let next = match self.selected {
            None => 0,
            Some(s) => (s as isize + delta).clamp(0, n as isize - 1) as usize,
        };
        self.select(self.focus, next);
    }

    /// Moves the keyboard to the column `delta` columns over, selecting the sentence drawn
    /// beside the selection there (its nearest in height), or the column's first one on screen.
    pub fn step_column(&mut self, delta: isize) {
        let n = self.columns.len();
        if n < 2 {
            self.say("One article is shown: Ctrl+2 shows two side by side");
            return;
        }
        let to = (self.focus as isize + delta).clamp(0, n as isize - 1) as usize;
        if to == self.focus {
            return;
        }
        let from = (self.focus, self.selected);
        // → then ← comes back to where it started, though "nearest" need not be symmetric.
        let articles = (self.columns[self.focus].article, self.columns[to].article);
        if let (Some(back), Some(s)) = (self.stepped_from, self.selected)
            && back.to == (self.focus, s)
            && back.from.0 == to
            && back.articles == (articles.1, articles.0)
        {
            self.select(to, back.from.1);
            self.stepped_from = None;
            return;
        }
        let beside = self.selected.and_then(|s| {
            self.columns[self.focus]
                .drawn
                .sentences
                .iter()
                .find(|(i, _)| *i == s)
                .map(|(_, r)| r.center().y)
        });
        let there = &self.columns[to].drawn.sentences;
        let pick = match (beside, self.selected) {
            (Some(y), _) => there
                .iter()
                .min_by(|a, b| {
                    (a.1.center().y - y)
                        .abs()
                        .total_cmp(&(b.1.center().y - y).abs())
                })
                .map(|(i, _)| *i),
            // A selection scrolled out of view: the sentence as far through the other article.
            (None, Some(s)) => {
                let count = |c: usize| {
                    self.doc
                        .project
                        .articles
                        .get(self.columns[c].article)
                        .map_or(0, |a| a.sentences.len())
                };
                let (here, other) = (count(self.focus), count(to));
                (other > 0).then(|| (s * other / here.max(1)).min(other - 1))
            }
            (None, None) => there.first().map(|(i, _)| *i),
        };
        let pick = pick.unwrap_or(0);
        self.select(to, pick);
        self.stepped_from = from.1.map(|s| ColumnStep {
            from: (from.0, s),
            to: (to, pick),
            articles,
        });
    }

    /// Selects the next sentence the current reviewer has not tagged, wrapping around.
    pub fn next_untagged(&mut self) {
        let (Some(a), Some(r)) = (self.focused_article(), self.reviewer.clone()) else {
            return;
        };
        let article = &self.doc.project.articles[a];
        let n = article.sentences.len();
        let start = self.selected.map_or(0, |s| s + 1);
        let found = (0..n)
            .map(|k| (start + k) % n)
            .find(|&i| article.annotation(&r, i).and_then(|x| x.tag).is_none());
        match found {
            Some(s) => self.select(self.focus, s),
            None => self.say("Every sentence in this column has a tag"),
        }
    }

    /// Page Down, Page Up: the view a screen further down or up the focused column, and the
    /// first sentence at its new top selected; at the end of the article, its last (or first)
    /// sentence.
    pub fn page(&mut self, step: isize) {
        let focus = self.focus;
        let Some(column) = self.columns.get_mut(focus) else {
            return;
        };
        let paged = column.page(step);
        let n = self
            .focused_article()
            .map_or(0, |a| self.doc.project.articles[a].sentences.len());
        if n == 0 {
            return;
        }
        let last = if step > 0 { n - 1 } else { 0 };
        let onward = |s: usize| {
            if step > 0 {
                s > self.selected.unwrap_or(0) || self.selected.is_none()
            } else {
                self.selected.is_none_or(|c| s < c)
            }
        };
        match paged {
            // The top of the new screen, when it is further on than the selection.
            Some((sentence, _)) if onward(sentence) => self.select_at(focus, sentence, false),
            // The selection was already low on the screen (or the end is in view): the end.
            Some((_, true)) | None => self.select_at(focus, last, paged.is_none()),
            Some((_, false)) => {
                let next = self
                    .selected
                    .map_or(0, |s| s.saturating_add_signed(step).min(n - 1));
                self.select_at(focus, next, true);
            }
        }
    }

    /// Finds the next sentence that contains the find text: after the selection in the focused
    /// column, then in the columns to its right and round again, as the highlights show them.
    pub fn find_next(&mut self) {
        let Some(query) = self
            .find
            .as_deref()
            .map(str::trim)
            .filter(|q| !q.is_empty())
        else {
            return;
        };
        let has = |article: &slant_core::model::Article, i: usize| {
            !crate::words::find_matches(article.sentence_text(i), 0, query).is_empty()
        };
        let n = self.columns.len();
        let start = self.selected.map_or(0, |s| s + 1);
        // The focused column from the selection on, the others whole, the focused one's start.
        let found = (0..=n).find_map(|k| {
            let column = (self.focus + k) % n.max(1);
            let article = &self.doc.project.articles[self.columns.get(column)?.article];
            let count = article.sentences.len();
            let range = match k {
                0 => start..count,
                k if k == n => 0..start.min(count),
                _ => 0..count,
            };
            range
                .into_iter()
                .find(|&i| has(article, i))
                .map(|i| (column, i, k == n || column < self.focus))
        });
        match found {
            Some((column, s, wrapped)) => {
                // How many there are, and when the search went round to the first column's
                // start again: a person pressing Enter through the matches knows where they are.
                let total: usize = self
                    .columns
                    .iter()
                    .map(|c| {
                        let a = &self.doc.project.articles[c.article];
                        (0..a.sentences.len()).filter(|&i| has(a, i)).count()
                    })
                    .sum();
                let shown = query.to_owned();
                self.select(column, s);
                let counted = if total == 1 {
                    format!("1 sentence shown contains “{shown}”")
                } else {
                    format!("{total} sentences shown contain “{shown}”")
                };
                self.say(if wrapped {
                    format!("{counted}; went round to the beginning again")
                } else {
                    counted
                });
            }
            None => {
                let shown = query.to_owned();
                self.say(format!("No sentence shown contains “{shown}”"));
            }
        }
    }
}
