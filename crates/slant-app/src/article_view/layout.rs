//! The heights and tops of a column's paragraphs, kept between frames: measured for the
//! paragraphs drawn, estimated for the others, so that the scroll bar and Page Up/Down know the
//! whole article without laying it all out.

use std::ops::Range;

use egui::{FontId, Ui};
use slant_core::model::Span;

use super::parts::ViewInput;

/// Where each paragraph of the column sits, measured where drawn and estimated elsewhere.
#[derive(Default)]
pub(super) struct Layout {
    key: (u64, usize, u32, u32), // revision, article, width, font size
    pub(super) paragraphs: Vec<Range<usize>>,
    pub(super) heights: Vec<f32>,
    pub(super) tops: Vec<f32>,
}

impl Layout {
    pub(super) fn refresh(&mut self, ui: &Ui, input: &ViewInput, width: f32) {
        let key = (
            input.revision.1,
            input.revision.0,
            width as u32,
            input.font_size as u32,
        );
        if key == self.key {
            return;
        }
        let old = std::mem::replace(&mut self.key, key);
        let paragraphs = input.article.paragraphs();
        let same_text = old.1 == key.1 && old.3 == key.3 && paragraphs == self.paragraphs;
        if same_text && old.2 == key.2 {
            return; // tags changed, not the layout: keep measured heights
        }
        let row = ui.fonts_mut(|f| f.row_height(&FontId::proportional(input.font_size)));
        let gap = paragraph_gap(input.font_size);
        if same_text {
            // Only the width changed (the side panel a pixel wider as what it shows changed, a
            // column added): the heights measured at the old width, rewrapped, are a far better
            // guess than a count of characters. A guess a row off moves every paragraph below it
            // until each is drawn again, under a pointer about to click.
            let ratio = old.2.max(1) as f32 / key.2.max(1) as f32;
            for h in &mut self.heights {
                let rows = ((*h - gap) / row).round().max(1.0);
                let rewrapped = (rows * ratio).round().max(1.0);
                if rewrapped != rows {
                    *h = gap + (*h - gap) * rewrapped / rows;
                }
            }
            self.recompute_tops();
            return;
        }
        let chars_per_row = (width / (input.font_size * 0.5)).max(10.0);
        self.heights = paragraphs
            .iter()
            .map(|p| {
                let span = Span::new(
                    input.article.sentences[p.start].start,
                    input.article.sentences[p.end - 1].end,
                );
                let chars = span.len() as f32 + 3.0 * p.len() as f32;
                (chars / chars_per_row).ceil().max(1.0) * row + gap
            })
            .collect();
        self.paragraphs = paragraphs;
        self.recompute_tops();
    }

    pub(super) fn recompute_tops(&mut self) {
        let mut y = 0.0;
        self.tops = self
            .heights
            .iter()
            .map(|h| {
                let top = y;
                y += h;
                top
            })
            .collect();
    }

    pub(super) fn total(&self) -> f32 {
        self.tops
            .last()
            .zip(self.heights.last())
            .map_or(0.0, |(t, h)| t + h)
    }

    pub(super) fn paragraph_of(&self, sentence: usize) -> Option<usize> {
        self.paragraphs.iter().position(|p| p.contains(&sentence))
    }
}

/// The space below a paragraph.
pub(super) fn paragraph_gap(font_size: f32) -> f32 {
    font_size * 0.7
}
