//! The vocabulary the column's drawing shares with what it paints over the text (badges, class
//! bars, compare links) and with the context menu: what a column is given to draw, and the runs
//! of laid-out text that map characters back to sentences.

use std::ops::Range;

use egui::{Pos2, Rect};
use slant_core::agreement::ArticleAgreement;
use slant_core::model::{Article, ReviewerId, Tag};

use crate::hints::ArticleHints;

/// What a column needs to draw its article.
pub struct ViewInput<'a> {
    /// Which open project this is (scroll positions belong to it, not to the next one opened).
    pub workspace: u64,
    pub column: usize,
    pub article: &'a Article,
    pub reviewer: Option<&'a ReviewerId>,
    pub selected: Option<usize>,
    pub dark: bool,
    pub font_size: f32,
    /// Text to highlight (Find), lower-cased; empty for none.
    pub find: &'a str,
    /// The article shown and when its text or sentences last changed, so that the cached layout
    /// is redone only then (not on every tag).
    pub revision: (usize, u64),
    /// Slant's cues and suggestions for the article, when suggestions are on.
    pub hints: Option<&'a ArticleHints>,
    /// Show suggested tags as outlined badges.
    pub suggestions: bool,
    /// Underline cue words.
    pub show_cues: bool,
    /// Sentences may not be split or merged (an assignment).
    pub locked: bool,
    /// The class's agreement on the article, in the class (disagreement) view.
    pub class: Option<&'a ArticleAgreement>,
    /// In compare mode, what this column shows of the comparison.
    pub compare: Option<&'a CompareSide>,
}

/// A column's share of compare mode.
pub struct CompareSide {
    /// Each sentence's counterparts in the other column (none: only this article reports it).
    pub counterparts: Vec<Vec<usize>>,
    /// Sentences to highlight: counterparts of the one hovered or selected in the other column.
    pub highlight: Vec<usize>,
    /// Fade what both report.
    pub unique_only: bool,
}

/// A run of the laid-out text that belongs to one sentence.
pub struct Piece {
    pub sentence: usize,
    pub chars: Range<usize>,
    /// Byte offset in the article of the first char of the run; `None` for the badge.
    pub text_start: Option<usize>,
    /// What is drawn over the run after layout.
    pub mark: Mark,
}

/// Drawing over a run of the laid-out text.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    None,
    /// A suggested tag's outlined badge.
    Ghost(Tag),
    /// The class's tags for the sentence, as a small stacked bar.
    ClassBar,
}

/// A laid-out paragraph: its galley, where it is drawn, and its runs.
pub struct Laid<'a> {
    pub galley: &'a egui::Galley,
    pub top_left: Pos2,
    pub pieces: &'a [Piece],
}

/// The sentence under the pointer this frame, and where visible sentences were drawn (the first
/// rectangle of each): for compare mode's links, and for ← and → to find the sentence beside.
#[derive(Default)]
pub struct Drawn {
    pub hovered: Option<usize>,
    pub sentences: Vec<(usize, Rect)>,
    /// Each drawn sentence's whole extent (all its rows), to know whether it is in view.
    pub extents: Vec<(usize, Rect)>,
    /// The column's visible area, once drawn.
    pub view: Option<Rect>,
    /// Where each sentence sits in `sentences` and `extents`: a search of the lists for each
    /// rectangle was quadratic in a paragraph of thousands of sentences.
    pub(super) at: std::collections::HashMap<usize, (usize, usize)>,
}

impl Drawn {
    /// Notes a paragraph's sentence rectangles as drawn this frame.
    pub fn record(&mut self, ui: &egui::Ui, rects: &[(usize, Rect)]) {
        for &(sentence, rect) in rects {
            match self.at.get(&sentence) {
                Some(&(_, e)) => self.extents[e].1 = self.extents[e].1.union(rect),
                None => {
                    self.at
                        .insert(sentence, (self.sentences.len(), self.extents.len()));
                    self.sentences.push((sentence, rect));
                    self.extents.push((sentence, rect));
                }
            }
            if ui.rect_contains_pointer(rect) {
                self.hovered = Some(sentence);
            }
        }
    }

    /// Whether `sentence` was drawn whole inside the visible area last frame: a click on it,
    /// or a key to it, then needs no scrolling (which would move the text under the pointer).
    pub fn shows_whole(&self, sentence: usize) -> bool {
        self.extents
            .iter()
            .any(|&(s, r)| s == sentence && self.view.is_some_and(|v| v.contains_rect(r)))
    }
}
