//! The project actions a workspace carries out itself: undo and redo, reviewers, articles in
//! columns, selection, tags, phrases, splitting and merging, notes, the answer key, and
//! annotations that lost their sentence.

use std::time::Instant;

use super::Workspace;
use crate::actions::Action;
use slant_core::command::{Command, edits};

impl Workspace {
    /// Carries out an action that works on the open project.
    pub fn perform(&mut self, action: Action) -> Result<(), String> {
        let ws = self;
        let now = Instant::now();
        match action {
            Action::Undo => {
                let (label, place) = (ws.doc.undo_label().map(str::to_owned), ws.doc.undo_place());
                let before = ws.focused_text();
                let cuts = ws.sentence_cuts();
                if ws.doc.undo(now) {
                    ws.follow_text_change(before);
                    ws.changed();
                    match place {
                        Some(place) => ws.show_change("Undone", label, Some(place)),
                        None => ws.show_reshape("Undone", label, &cuts),
                    }
                }
            }
            Action::Redo => {
                let (label, place) = (ws.doc.redo_label().map(str::to_owned), ws.doc.redo_place());
                let before = ws.focused_text();
                let cuts = ws.sentence_cuts();
                if ws.doc.redo(now) {
                    ws.follow_text_change(before);
                    ws.changed();
                    match place {
                        Some(place) => ws.show_change("Redone", label, Some(place)),
                        None => ws.show_reshape("Redone", label, &cuts),
                    }
                }
            }
            Action::NextReviewer => {
                let reviewers = &ws.doc.project.reviewers;
                if reviewers.len() < 2 {
                    ws.say("One reviewer in this project: Edit menu, Add reviewer… adds another");
                } else {
                    let at = ws
                        .reviewer
                        .as_ref()
                        .and_then(|r| reviewers.iter().position(|x| &x.id == r));
                    let next = reviewers[at.map_or(0, |i| (i + 1) % reviewers.len())]
                        .id
                        .clone();
                    ws.commit_note();
                    ws.reviewer = Some(next);
                    ws.changed();
                }
            }
            Action::CycleArticle(step) => {
                let n = ws.doc.project.articles.len() as isize;
                if let Some(c) = ws.columns.get_mut(ws.focus)
                    && n > 0
                {
                    c.article = (c.article as isize + step).rem_euclid(n) as usize;
                    ws.selected = None;
                }
            }
            Action::Find => {
                ws.find.get_or_insert_with(String::new);
                ws.focus_find = true;
            }
            Action::Tag(tag) => ws.tag(tag)?,
            Action::SelectNext => ws.step(1),
            Action::SelectPrevious => ws.step(-1),
            Action::NextUntagged => ws.next_untagged(),
            Action::NextDisputed => ws.next_disputed(),
            Action::StepColumn(delta) => ws.step_column(delta),
            Action::SelectPage(step) => ws.page(step),
            Action::ScrollPanel(step) => ws.scroll_panel(step),
            Action::SetAnswerKey(key) => {
                let command = (ws.doc.project.answer_key != key).then_some(Command::SetAnswerKey {
                    reviewer: key.clone(),
                });
                let label = if key.is_some() {
                    "Set the answer key"
                } else {
                    "Clear the answer key"
                };
                ws.apply(label, command)?;
            }
            Action::Select { column, sentence } => ws.select(column, sentence),
            Action::TogglePhrase { column, span } => {
                let (Some(a), Some(r)) = (
                    ws.columns.get(column).map(|c| c.article),
                    ws.reviewer.clone(),
                ) else {
                    return Ok(());
                };
                let marked = ws.doc.project.articles[a]
                    .annotations
                    .get(&r)
                    .into_iter()
                    .flat_map(|by| by.values())
                    .flat_map(|ann| &ann.loaded_phrases)
                    .any(|p| p.start < span.end && span.start < p.end);
                let command = edits::toggle_phrase(&ws.doc.project, a, &r, span);
                let label = if marked {
                    "Unmark loaded phrase"
                } else {
                    "Mark loaded phrase"
                };
                ws.apply(label, command)?;
            }
            Action::MarkPhraseAt { column, span } => {
                let (Some(a), Some(r)) = (
                    ws.columns.get(column).map(|c| c.article),
                    ws.reviewer.clone(),
                ) else {
                    return Ok(());
                };
                let command = edits::mark_phrase(&ws.doc.project, a, &r, span);
                ws.apply("Mark loaded phrase", command)?;
            }
            Action::SplitSentence {
                column,
                sentence,
                at,
            } => {
                let Some(a) = ws.columns.get(column).map(|c| c.article) else {
                    return Ok(());
                };
                ws.reshape(Reshape::Split, a, sentence, |p| {
                    edits::split_sentence(p, a, sentence, at)
                })?;
            }
            Action::MergeWithNext { column, sentence } => {
                let Some(a) = ws.columns.get(column).map(|c| c.article) else {
                    return Ok(());
                };
                ws.reshape(Reshape::Merge, a, sentence, |p| {
                    edits::merge_with_next(p, a, sentence)
                })?;
            }
            Action::MergeSelected => {
                let (Some(a), Some(sentence)) = (ws.focused_article(), ws.selected) else {
                    ws.say("Select a sentence first: it is merged with the one after it.");
                    return Ok(());
                };
                if sentence + 1 >= ws.doc.project.articles[a].sentences.len() {
                    ws.say("The last sentence has no sentence after it to merge with.");
                    return Ok(());
                }
                ws.reshape(Reshape::Merge, a, sentence, |p| {
                    edits::merge_with_next(p, a, sentence)
                })?;
            }
            Action::EditNote => {
                if ws.selected.is_none() {
                    ws.step(0);
                }
                ws.focus_note = true;
            }
            Action::CommitNote => ws.commit_note(),
            Action::PlaceUnplaced { article, index } => ws.place_unplaced(article, index)?,
            Action::DiscardUnplaced { article, index } => ws.discard_unplaced(article, index)?,
            Action::SetReviewer(id) => {
                ws.commit_note();
                ws.reviewer = id;
                ws.changed();
            }
            // The app carries these out itself (files, dialogs, settings, suggestions).
            other @ (Action::NewProject
            | Action::OpenProject
            | Action::OpenPath(_)
            | Action::OpenSample
            | Action::ImportArticle
            | Action::Export
            | Action::Save
            | Action::SaveAs
            | Action::Close
            | Action::Quit
            | Action::ShowShortcuts
            | Action::ShowAbout
            | Action::Explain(_)
            | Action::MarkPhrase
            | Action::SplitSelected
            | Action::OpenMenus
            | Action::TextLarger
            | Action::TextSmaller
            | Action::ToggleDarkMode
            | Action::ToggleSyncedScroll
            | Action::SetColumns(_)
            | Action::AddReviewer
            | Action::AcceptSuggestion
            | Action::RejectSuggestion
            | Action::AcceptAllSuggested(_)
            | Action::ToggleSuggestions
            | Action::ToggleCueHighlights
            | Action::ChooseLexiconFolder
            | Action::ForgetLexiconFolder
            | Action::ToggleClassView
            | Action::ToggleCompare
            | Action::ToggleUniqueOnly
            | Action::MergeStudents
            | Action::NewArticleFromText
            | Action::PasteArticle(_)
            | Action::OpenWebAddress
            | Action::FetchWebAddress(_)
            | Action::ImportFiles(_)
            | Action::EditArticleText) => {
                return Err(format!("{other:?} is not an edit of the project"));
            }
        }
        Ok(())
    }

    /// Every article's sentences and a fingerprint of its text, to find which article an undo or
    /// redo split or merged without changing its text.
    fn sentence_cuts(&self) -> Vec<super::navigate::Cuts> {
        self.doc
            .project
            .articles
            .iter()
            .map(super::navigate::Cuts::of)
            .collect()
    }

    /// Splits or merges sentences of article `article` at sentence `sentence` with the command
    /// `command` makes of the project. The note being typed is stored first, under the sentence
    /// it was typed for, and the selection follows its
    /// sentence: a split above it renumbers it, and a tag key must not land on its neighbour.
    /// The sentence split or merged stays selected, as its first part. The toolbar says what
    /// was done, and what a merge could not keep: one tag of two that differed.
    fn reshape(
        &mut self,
        how: Reshape,
        article: usize,
        sentence: usize,
        command: impl FnOnce(&slant_core::model::Project) -> Option<Command>,
    ) -> Result<(), String> {
        // Stored before the command is made: the command carries every annotation of the
        // article, and one made first would put the note back as it was before the typing.
        self.commit_note();
        let Some(command) = command(&self.doc.project) else {
            return Ok(());
        };
        let a = &self.doc.project.articles[article];
        let message = match how {
            Reshape::Split => format!("Split sentence {} in two", sentence + 1),
            Reshape::Merge => {
                let (first, second) = (a.sentences[sentence], a.sentences[sentence + 1]);
                let mut said = format!("Merged sentences {} and {}", sentence + 1, sentence + 2);
                if a.text[first.end..second.start].contains('\n') {
                    said.push_str(", across a paragraph break");
                }
                // Every reviewer's tag the merge cannot keep, the person's own first: in a class
                // file a classmate's Quote went without a word.
                let mut lost: Vec<String> = Vec::new();
                for r in &self.doc.project.reviewers {
                    let tag = |s: usize| a.annotation(&r.id, s).and_then(|x| x.tag);
                    if let (Some(kept), Some(dropped)) = (tag(sentence), tag(sentence + 1))
                        && kept != dropped
                    {
                        let whose = if self.reviewer.as_ref() == Some(&r.id) {
                            String::new()
                        } else {
                            format!("{}’s ", self.doc.project.shown_name(r))
                        };
                        let line = format!("{whose}{}, not {}", kept.label(), dropped.label());
                        if whose.is_empty() {
                            lost.insert(0, line);
                        } else {
                            lost.push(line);
                        }
                    }
                }
                if !lost.is_empty() {
                    said.push_str(&format!(
                        "; it keeps the first one's tag: {} (Ctrl+Z undoes the merge)",
                        lost.join("; ")
                    ));
                }
                said
            }
        };
        let before = self.focused_text();
        let was = self.selected;
        self.apply(how.label(), Some(command))?;
        self.follow_text_change(before);
        if was == Some(sentence) && self.focused_article() == Some(article) {
            self.selected = Some(sentence);
        }
        self.changed();
        self.say(message);
        Ok(())
    }
}

/// A change to how an article is cut into sentences.
#[derive(Clone, Copy, Debug)]
enum Reshape {
    Split,
    Merge,
}

impl Reshape {
    /// The undo label.
    fn label(self) -> &'static str {
        match self {
            Reshape::Split => "Split sentence",
            Reshape::Merge => "Merge sentences",
        }
    }
}
