//! One column: an article drawn as flowing paragraphs, each sentence with its tag's colour and
//! letter badge, loaded phrases underlined, and the selected sentence outlined.
//!
//! Only the paragraphs in view are laid out (heights of the others are estimated until first
//! seen), so a 20,000-sentence article costs the same per frame as a short one.

use egui::text::CCursor;
use egui::{Color32, Id, Pos2, Rect, Role, ScrollArea, Sense, Ui, Vec2, WidgetInfo};
use slant_core::model::{Article, Span};

mod compare;
mod context_menu;
mod layout;
mod marks;
mod paragraph;
mod parts;

pub use compare::{draw_links, links};
use layout::{Layout, paragraph_gap};
use paragraph::{byte_at, paragraph_job};
use parts::Laid;
pub use parts::{CompareSide, Drawn, ViewInput};

use crate::actions::Action;
use crate::words::phrase_from_drag;

/// A column's state between frames.
#[derive(Default)]
pub struct ColumnView {
    pub article: usize,
    cache: Layout,
    /// Where the scroll area was last frame, and where it should go next frame.
    pub offset: f32,
    pub max_offset: f32,
    pub set_offset: Option<f32>,
    scroll_to: Option<usize>,
    /// The layout changes next frame (the text size, the column's width): where last frame
    /// drew the sentences says nothing of where they will be.
    relayout: bool,
    drag_from: Option<(usize, usize)>, // (sentence, byte) where a phrase selection started
    drag_to: Option<usize>,
    /// Where this frame's sentences were drawn, for compare mode.
    pub drawn: Drawn,
}

impl ColumnView {
    pub fn new(article: usize) -> ColumnView {
        ColumnView {
            article,
            ..ColumnView::default()
        }
    }

    /// Brings a sentence into view on the next frame.
    pub fn scroll_to(&mut self, sentence: usize) {
        self.scroll_to = Some(sentence);
    }

    /// Keeps a sentence in view across a change of layout (a larger text, a narrower column),
    /// which would otherwise leave the reader's place off screen.
    pub fn keep_in_view(&mut self, sentence: usize) {
        self.scroll_to = Some(sentence);
        self.relayout = true;
    }

    /// Page Down (`step` 1) or Page Up (-1): scrolls the view a screen (less a line's worth,
    /// so that reading carries on) and gives the first sentence of the first paragraph whole at
    /// its new top, and whether the view now shows the article's end (start, for Page Up).
    /// `None` when the view is already at that end and cannot move.
    pub fn page(&mut self, step: isize) -> Option<(usize, bool)> {
        let screen = self.drawn.view.map_or(400.0, |v| v.height()) * 0.9;
        let end = self.max_offset.max(0.0);
        let target = (self.offset + screen * step as f32).clamp(0.0, end);
        let tops = &self.cache.tops;
        if tops.is_empty() || (target - self.offset).abs() < 1.0 {
            return None;
        }
        self.set_offset = Some(target);
        let p = tops
            .partition_point(|&t| t < target - 1.0)
            .min(tops.len() - 1);
        // A screen down starts inside the screen shown (the pages overlap), so the sentences
        // drawn there say where each starts: one starting mid-paragraph at the new top is the
        // first sentence there, not the next paragraph's first (Page Down skipped it).
        let drawn_first = self.drawn.view.and_then(|view| {
            self.drawn
                .sentences
                .iter()
                .filter(|(_, r)| step > 0 && r.top() - view.top() + self.offset >= target - 1.0)
                .map(|(s, _)| *s)
                .min()
        });
        let at_end = if step > 0 {
            target >= end - 1.0
        } else {
            target <= 1.0
        };
        let first_of_paragraph = self.cache.paragraphs.get(p).map(|r| r.start);
        first_of_paragraph
            .into_iter()
            .chain(drawn_first)
            .min()
            .map(|s| (s, at_end))
    }

    /// The fraction of the way down the article the view is (for synced scrolling).
    pub fn fraction(&self) -> f32 {
        if self.max_offset <= 0.0 {
            0.0
        } else {
            (self.offset / self.max_offset).clamp(0.0, 1.0)
        }
    }
}

/// Draws the column and queues what the person did.
pub fn show(ui: &mut Ui, view: &mut ColumnView, input: &ViewInput, actions: &mut Vec<Action>) {
    // A measure people read comfortably: about 75 characters a line, however wide the column.
    // Whole pixels: the side panel's width wavers by a fraction as what it shows changes, and
    // text wrapped at a wavering width could rewrap from one frame to the next.
    let width = (ui.available_width() - 16.0)
        .clamp(120.0, input.font_size * 37.0)
        .floor();
    view.cache.refresh(ui, input, width);
    let relayout = std::mem::take(&mut view.relayout);
    if let Some(sentence) = view.scroll_to.take()
        && (relayout || !view.drawn.shows_whole(sentence))
        && let Some(p) = view.cache.paragraph_of(sentence)
    {
        let (top, h) = (view.cache.tops[p], view.cache.heights[p]);
        let visible = ui.available_height();
        if top < view.offset || top + h > view.offset + visible {
            view.set_offset = Some((top - visible * 0.3).max(0.0));
        }
    }
    let mut area = ScrollArea::vertical()
        .id_salt(("column", input.workspace, input.column))
        .auto_shrink([false, false]);
    if let Some(offset) = view.set_offset.take() {
        area = area.vertical_scroll_offset(offset);
    }
    let id = ui.make_persistent_id(("column-sentences", input.column));
    view.drawn = Drawn::default();
    let output = area.show_viewport(ui, |ui, viewport| {
        let origin = ui.max_rect().min;
        ui.set_height(view.cache.total());
        let first = view
            .cache
            .tops
            .partition_point(|&t| t < viewport.min.y)
            .saturating_sub(1);
        let mut changed = false;
        let mut p = first;
        while p < view.cache.paragraphs.len() && view.cache.tops[p] < viewport.max.y {
            let range = view.cache.paragraphs[p].clone();
            let drag = match (view.drag_from, view.drag_to) {
                (Some((s, a)), Some(b)) if range.contains(&s) => {
                    Some(Span::new(a.min(b), a.max(b)))
                }
                _ => None,
            };
            let (job, pieces) = paragraph_job(input, range, width, drag);
            let galley = ui.painter().layout_job(job);
            let top_left = origin + Vec2::new(4.0, view.cache.tops[p]);
            let height = galley.size().y + paragraph_gap(input.font_size);
            if (height - view.cache.heights[p]).abs() > 0.5 {
                view.cache.heights[p] = height;
                changed = true;
            }
            ui.painter()
                .galley(top_left, galley.clone(), Color32::PLACEHOLDER);
            let laid = Laid {
                galley: &galley,
                top_left,
                pieces: &pieces,
            };
            let rects = interact_with_paragraph(ui, view, input, id, &laid, actions);
            view.drawn.record(ui, &rects);
            marks::selection_outline(ui, input, &rects);
            compare::paint(ui, input, &rects);
            // Marks only where they can be seen: placing each costs a walk of the galley's rows.
            let clip = ui.clip_rect();
            let seen: std::collections::HashSet<usize> = rects
                .iter()
                .filter(|(_, r)| clip.intersects(*r))
                .map(|&(s, _)| s)
                .collect();
            // After the sentences, so the badge is on top of its sentence for the pointer.
            marks::ghost_badges(ui, input, id, &laid, &seen, actions);
            marks::class_bars(ui, input, id, &laid, &seen);
            p += 1;
        }
        if changed {
            view.cache.recompute_tops();
            ui.ctx().request_repaint();
        }
    });
    view.drawn.view = Some(output.inner_rect);
    view.offset = output.state.clamped_offset().y;
    view.max_offset = (output.content_size.y - output.inner_rect.height()).max(0.0);
}

/// Click, drag and right-click areas for each sentence piece of a laid-out paragraph.
fn interact_with_paragraph(
    ui: &mut Ui,
    view: &mut ColumnView,
    input: &ViewInput,
    id: Id,
    laid: &Laid,
    actions: &mut Vec<Action>,
) -> Vec<(usize, Rect)> {
    let (galley, top_left, pieces) = (laid.galley, laid.top_left, laid.pieces);
    // One rectangle per sentence per row.
    let mut rects: Vec<(usize, Rect)> = Vec::new();
    let mut c = 0;
    for row in &galley.rows {
        let mut current: Option<(usize, Rect)> = None;
        for glyph in &row.glyphs {
            let sentence = paragraph::piece_at(pieces, c).map(|p| p.sentence);
            c += 1;
            let Some(sentence) = sentence else { continue };
            let rect = Rect::from_min_size(
                top_left + row.pos.to_vec2() + Vec2::new(glyph.pos.x, 0.0),
                Vec2::new(glyph.advance_width, row.size.y),
            );
            match &mut current {
                Some((s, r)) if *s == sentence => *r = r.union(rect),
                _ => {
                    if let Some(done) = current.take() {
                        rects.push(done);
                    }
                    current = Some((sentence, rect));
                }
            }
        }
        if let Some(done) = current.take() {
            rects.push(done);
        }
        if row.ends_with_newline {
            c += 1;
        }
    }
    let mut seen = std::collections::HashSet::new();
    for (k, &(sentence, rect)) in rects.iter().enumerate() {
        let first = seen.insert(sentence);
        // Clicked and dragged, never focused: the keys move the selection (J, K), and a focus
        // that Tab or Shift+Tab left on a sentence showed nothing and took the keys away.
        let response = ui.interact(rect, id.with((sentence, k)), Sense::CLICK | Sense::DRAG);
        let span = input.article.sentences[sentence];
        if first {
            let label: String = input
                .article
                .slice(span)
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            let selected = input.selected == Some(sentence);
            response.widget_info(|| WidgetInfo::selected(Role::Button, true, selected, &label));
        }
        let pointer_byte = |pos: Option<Pos2>| {
            let pos = pos?;
            let cursor: CCursor = galley.cursor_from_pos(pos - top_left);
            byte_at(pieces, input.article, cursor.index.0)
        };
        if response.clicked() {
            actions.push(Action::Select {
                column: input.column,
                sentence,
            });
        }
        if response.drag_started()
            && let Some((s, b)) = pointer_byte(response.interact_pointer_pos())
        {
            view.drag_from = Some((s, b));
            view.drag_to = Some(b);
        }
        if response.dragged()
            && let Some((s, b)) = pointer_byte(response.interact_pointer_pos())
            && view.drag_from.is_some_and(|(from, _)| from == s)
        {
            view.drag_to = Some(b);
        }
        if response.drag_stopped()
            && let (Some((s, a)), Some(b)) = (view.drag_from.take(), view.drag_to.take())
        {
            let whole = phrase_from_drag(&input.article.text, input.article.sentences[s], a, b);
            if !whole.is_empty() {
                actions.push(Action::Select {
                    column: input.column,
                    sentence: s,
                });
                actions.push(Action::TogglePhrase {
                    column: input.column,
                    span: whole,
                });
            }
        }
        let right_click_at = if response.secondary_clicked() {
            pointer_byte(response.interact_pointer_pos())
        } else {
            None
        };
        if let Some((_, b)) = right_click_at {
            ui.memory_mut(|m| m.data.insert_temp(id.with("menu-at"), b));
        }
        response.context_menu(|ui| {
            let at: usize = ui
                .memory(|m| m.data.get_temp(id.with("menu-at")))
                .unwrap_or(span.start);
            context_menu::show(ui, input, sentence, at, actions);
        });
    }
    rects
}

/// The column header: title, then outlet, byline and date, so two outlets' stories of one
/// event are told apart at a glance (and a story's age seen).
pub fn header(ui: &mut Ui, article: &Article) {
    // Left-aligned: the column's justified layout would spread a wrapped title's words apart.
    ui.with_layout(egui::Layout::top_down(egui::Align::Min), |ui| {
        ui.label(egui::RichText::new(&article.title).strong().size(16.0));
        ui.label(egui::RichText::new(source_line(article)).italics());
    });
}

/// "The Guardian · Eleanor Ainge Roy · 3 January 2019": what the article says of itself.
fn source_line(article: &Article) -> String {
    let outlet = article.outlet.as_deref().unwrap_or("Outlet not named");
    let published = article
        .published
        .map(|d| d.strftime("%-d %B %Y").to_string());
    std::iter::once(outlet.to_owned())
        .chain(article.byline.clone())
        .chain(published)
        .collect::<Vec<_>>()
        .join(" · ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_header_names_the_outlet_the_writer_and_the_date() {
        let mut article = Article::new("a".into(), "A", "Officials met.");
        assert_eq!(source_line(&article), "Outlet not named");
        article.outlet = Some("The Guardian".into());
        article.byline = Some("Eleanor Ainge Roy".into());
        article.published = Some(jiff::civil::date(2019, 1, 3));
        assert_eq!(
            source_line(&article),
            "The Guardian · Eleanor Ainge Roy · 3 January 2019"
        );
    }
}
