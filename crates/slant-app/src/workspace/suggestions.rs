//! Taking and dismissing Slant's suggested tags: each an undoable, counted edit of the reviewer's
//! annotation.

use super::Workspace;
use crate::hints::Hints;
use slant_core::command::edits;
use slant_core::model::{ReviewerId, Tag};

impl Workspace {
    /// The selected sentence's open suggestion: (article, sentence, reviewer, tag).
    fn open_suggestion(&self, hints: &mut Hints) -> Option<(usize, usize, ReviewerId, Tag)> {
        let (a, s, r) = (
            self.focused_article()?,
            self.selected?,
            self.reviewer.clone()?,
        );
        let article = &self.doc.project.articles[a];
        let tag = hints
            .article(a, article)
            .open_suggestion(s, article.annotation(&r, s))?
            .tag;
        Some((a, s, r, tag))
    }

    /// Takes the selected sentence's suggested tag (an undoable, counted edit) and moves on to
    /// the next sentence, as tagging by key does.
    pub fn accept_suggestion(&mut self, hints: &mut Hints) -> Result<(), String> {
        let Some((a, s, r, tag)) = self.open_suggestion(hints) else {
            return Ok(());
        };
        let command = edits::accept_suggestion(&self.doc.project, a, &r, s, tag);
        self.apply(format!("Accept suggestion {}", tag.label()), command)
    }

    pub fn reject_suggestion(&mut self, hints: &mut Hints) -> Result<(), String> {
        let Some((a, s, r, tag)) = self.open_suggestion(hints) else {
            return Ok(());
        };
        let command = edits::reject_suggestion(&self.doc.project, a, &r, s, tag);
        self.apply(format!("Dismiss suggestion {}", tag.label()), command)
    }

    /// Accepts every open suggestion of `tag` in the focused article, as one step of undo.
    pub fn accept_all(&mut self, tag: Tag, hints: &mut Hints) -> Result<(), String> {
        let (Some(a), Some(r)) = (self.focused_article(), self.reviewer.clone()) else {
            return Ok(());
        };
        let article = &self.doc.project.articles[a];
        let h = hints.article(a, article);
        let open: Vec<Option<Tag>> = (0..article.sentences.len())
            .map(|i| {
                h.open_suggestion(i, article.annotation(&r, i))
                    .map(|s| s.tag)
            })
            .collect();
        let command = edits::accept_all(&self.doc.project, a, &r, &open, tag);
        // Named as the menu and the side panel name it, so Undo's label is recognised.
        let label = match tag {
            Tag::Quote => "Accept all suggested quotes".to_owned(),
            other => format!("Accept all suggested {} tags", other.label()),
        };
        self.apply(label, command)
    }
}
