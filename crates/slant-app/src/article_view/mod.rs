//! One column: an article drawn as flowing paragraphs, each sentence with its tag's colour and
//! letter badge, loaded phrases underlined, and the selected sentence outlined.
//!
//! Only the paragraphs in view are laid out (heights of the others are estimated until first
//! seen), so a 20,000-sentence article costs the same per frame as a short one.

use std::ops::Range;

use egui::text::{CCursor, LayoutJob, TextFormat, TextWrapping};
use egui::{
    Color32, FontId, Id, Pos2, Rect, Role, ScrollArea, Sense, Stroke, Ui, Vec2, WidgetInfo,
};
use slant_core::model::{Annotation, Article, Span};

mod compare;
mod context_menu;
mod marks;
mod parts;

pub use compare::{draw_links, links};
pub use parts::{CompareSide, Drawn, ViewInput};
use parts::{Laid, Mark, Piece};

use crate::actions::Action;
use crate::theme;
use crate::words::{find_matches, phrase_from_drag};

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
    drag_from: Option<(usize, usize)>, // (sentence, byte) where a phrase selection started
    drag_to: Option<usize>,
    /// Where this frame's sentences were drawn, for compare mode.
    pub drawn: Drawn,
}

#[derive(Default)]
struct Layout {
    key: (u64, usize, u32, u32), // revision, article, width, font size
    paragraphs: Vec<Range<usize>>,
    heights: Vec<f32>,
    tops: Vec<f32>,
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
        let at_end = if step > 0 {
            target >= end - 1.0
        } else {
            target <= 1.0
        };
        self.cache.paragraphs.get(p).map(|r| (r.start, at_end))
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

impl Layout {
    fn refresh(&mut self, ui: &Ui, input: &ViewInput, width: f32) {
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

    fn recompute_tops(&mut self) {
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

    fn total(&self) -> f32 {
        self.tops
            .last()
            .zip(self.heights.last())
            .map_or(0.0, |(t, h)| t + h)
    }

    fn paragraph_of(&self, sentence: usize) -> Option<usize> {
        self.paragraphs.iter().position(|p| p.contains(&sentence))
    }
}

fn paragraph_gap(font_size: f32) -> f32 {
    font_size * 0.7
}

/// A paragraph's layout job being built, with the runs that map its characters back to
/// sentences.
struct Runs {
    job: LayoutJob,
    pieces: Vec<Piece>,
    chars: usize,
}

impl Runs {
    /// Appends `text`; with a sentence, records the run (the space between sentences has none).
    fn push(
        &mut self,
        sentence: Option<usize>,
        text: &str,
        format: TextFormat,
        text_start: Option<usize>,
        mark: Mark,
    ) {
        let n = text.chars().count();
        self.job.append(text, 0.0, format);
        if let Some(sentence) = sentence {
            self.pieces.push(Piece {
                sentence,
                chars: self.chars..self.chars + n,
                text_start,
                mark,
            });
        }
        self.chars += n;
    }
}

/// Builds one paragraph's text: for each sentence a badge (when tagged) and its text, split where
/// phrases, find matches or the drag selection begin and end.
fn paragraph_job(
    input: &ViewInput,
    range: Range<usize>,
    width: f32,
    drag: Option<Span>,
) -> (LayoutJob, Vec<Piece>) {
    let mut runs = Runs {
        job: LayoutJob {
            wrap: TextWrapping {
                max_width: width,
                ..Default::default()
            },
            ..Default::default()
        },
        pieces: Vec::new(),
        chars: 0,
    };
    let text_color = if input.dark {
        Color32::from_gray(230)
    } else {
        Color32::from_gray(20)
    };
    let body = FontId::proportional(input.font_size);
    for sentence in range {
        let span = input.article.sentences[sentence];
        let annotation: Option<&Annotation> = input
            .reviewer
            .and_then(|r| input.article.annotation(r, sentence));
        let tag = annotation.and_then(|a| a.tag);
        let plain = || TextFormat::simple(body.clone(), text_color);
        if sentence != runs.pieces.first().map_or(sentence, |p: &Piece| p.sentence) {
            runs.push(None, " ", plain(), None, Mark::None);
        }
        if input.class.is_some() {
            // Room for the class's stacked bar, drawn over it after layout. No-break spaces, so
            // that the bar, the badge and the first word always share a line.
            let room = "\u{A0}\u{A0}\u{A0}";
            let format = TextFormat::simple(FontId::monospace(input.font_size * 0.72), text_color);
            runs.push(Some(sentence), room, format, None, Mark::ClassBar);
            runs.push(Some(sentence), "\u{A0}", plain(), None, Mark::None);
        }
        // A tagged sentence opens with its tag's filled badge; an untagged one with an open
        // suggestion, with the suggested tag's outlined (ghost) badge.
        let ghost = input
            .hints
            .filter(|_| tag.is_none() && input.suggestions)
            .and_then(|h| h.open_suggestion(sentence, annotation))
            .map(|s| s.tag);
        if let Some((badge_tag, is_ghost)) = tag.map(|t| (t, false)).or(ghost.map(|t| (t, true))) {
            let badge = format!("\u{A0}{}\u{A0}", badge_tag.letter());
            let format = TextFormat {
                font_id: FontId::monospace(input.font_size * 0.72),
                valign: egui::Align::Center,
                ..Default::default()
            };
            let format = if is_ghost {
                TextFormat {
                    color: theme::tag_text_color(badge_tag, input.dark),
                    ..format
                }
            } else {
                TextFormat {
                    color: theme::badge_text(badge_tag),
                    background: theme::tag_color(badge_tag),
                    ..format
                }
            };
            let mark = if is_ghost {
                Mark::Ghost(badge_tag)
            } else {
                Mark::None
            };
            runs.push(Some(sentence), &badge, format, None, mark);
            // A no-break space: a badge never ends a line away from its sentence.
            runs.push(Some(sentence), "\u{A0}", plain(), None, Mark::None);
        }
        let phrases = annotation.map_or(&[][..], |a| &a.loaded_phrases[..]);
        let matches = find_matches(input.article.slice(span), span.start, input.find);
        let cues: Vec<(Span, slant_core::cues::CueKind)> = match input.hints {
            Some(h) if input.show_cues => h
                .cues_in(span)
                .filter(|c| c.kind != slant_core::cues::CueKind::Quote)
                .map(|c| (c.span, c.kind))
                .collect(),
            _ => Vec::new(),
        };
        let mut cuts: Vec<usize> = vec![span.start, span.end];
        for s in phrases
            .iter()
            .chain(&matches)
            .chain(drag.as_ref())
            .chain(cues.iter().map(|(s, _)| s))
        {
            cuts.extend([
                s.start.clamp(span.start, span.end),
                s.end.clamp(span.start, span.end),
            ]);
        }
        cuts.sort_unstable();
        cuts.dedup();
        for w in cuts.windows(2) {
            let part = Span::new(w[0], w[1]);
            let inside = |s: &Span| s.start <= part.start && part.end <= s.end;
            let background = if drag.as_ref().is_some_and(inside) {
                Color32::from_rgba_unmultiplied(0x56, 0xB4, 0xE9, 150)
            } else if matches.iter().any(inside) {
                Color32::from_rgb(0xF0, 0xE4, 0x42)
            } else {
                tag.map_or(Color32::TRANSPARENT, |t| {
                    theme::tag_background(t, input.dark)
                })
            };
            let text: String = input
                .article
                .slice(part)
                .chars()
                .map(|c| if c == '\n' || c == '\r' { ' ' } else { c })
                .collect();
            runs.push(
                Some(sentence),
                &text,
                TextFormat {
                    font_id: body.clone(),
                    color: if matches.iter().any(inside) {
                        Color32::BLACK
                    } else {
                        text_color
                    },
                    background,
                    underline: if phrases.iter().any(inside) {
                        theme::phrase_stroke()
                    } else if let Some((_, kind)) = cues.iter().find(|(s, _)| inside(s)) {
                        Stroke::new(1.5, theme::cue_color(*kind, input.dark))
                    } else {
                        Stroke::NONE
                    },
                    ..Default::default()
                },
                Some(part.start),
                Mark::None,
            );
        }
        // A sentence with a note says so where it is read, as a report's footnote mark does
        // (an asterisk: the default fonts have no pencil or speech bubble).
        if annotation.is_some_and(|a| a.note.as_deref().is_some_and(|n| !n.trim().is_empty())) {
            let format = TextFormat {
                font_id: FontId::proportional(input.font_size * 0.85),
                color: theme::note_mark(input.dark),
                background: tag.map_or(Color32::TRANSPARENT, |t| {
                    theme::tag_background(t, input.dark)
                }),
                valign: egui::Align::TOP,
                ..Default::default()
            };
            runs.push(Some(sentence), "\u{A0}*", format, None, Mark::None);
        }
    }
    (runs.job, runs.pieces)
}

/// The article byte offset at job char `c` (a badge maps to its sentence's start).
fn byte_at(pieces: &[Piece], article: &Article, c: usize) -> Option<(usize, usize)> {
    let piece = pieces
        .iter()
        .find(|p| p.chars.contains(&c))
        .or_else(|| pieces.last().filter(|p| p.chars.end == c))?;
    let sentence = article.sentences[piece.sentence];
    let Some(start) = piece.text_start else {
        return Some((piece.sentence, sentence.start));
    };
    let k = c - piece.chars.start;
    let rest = &article.text[start..sentence.end];
    let byte = rest
        .char_indices()
        .nth(k)
        .map_or(sentence.end, |(i, _)| start + i);
    Some((piece.sentence, byte))
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
    if let Some(sentence) = view.scroll_to.take()
        && !view.drawn.shows_whole(sentence)
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
            compare::paint(ui, input, &rects);
            // After the sentences, so the badge is on top of its sentence for the pointer.
            marks::ghost_badges(ui, input, id, &laid, actions);
            marks::class_bars(ui, input, id, &laid);
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
            let sentence = pieces
                .iter()
                .find(|p| p.chars.contains(&c))
                .map(|p| p.sentence);
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
        if input.selected == Some(sentence) {
            ui.painter().rect_stroke(
                rect.expand(1.0),
                2.0,
                theme::selection_stroke(input.dark),
                egui::StrokeKind::Outside,
            );
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
    use slant_core::model::{ReviewerId, Tag};

    /// What a column shows with nothing but the reviewer's tags: no find, hints or modes.
    fn plain_input<'a>(article: &'a Article, reviewer: &'a ReviewerId) -> ViewInput<'a> {
        ViewInput {
            workspace: 0,
            column: 0,
            article,
            reviewer: Some(reviewer),
            selected: None,
            dark: false,
            font_size: 16.0,
            find: "",
            revision: (0, 0),
            hints: None,
            suggestions: false,
            show_cues: false,
            locked: false,
            class: None,
            compare: None,
        }
    }

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

    /// A sentence with a note ends with the note mark, one without has none.
    #[test]
    fn a_sentence_with_a_note_ends_with_a_mark() {
        let mut article = Article::new("a".into(), "A", "Officials met. Prices rose.");
        let r = ReviewerId::from("ann");
        article.set_tag(&r, 0, Some(Tag::Fact));
        article.edit_annotation(&r, 1, |a| a.note = Some("Check the figure".into()));
        let input = plain_input(&article, &r);
        let (job, pieces) = paragraph_job(&input, 0..2, 400.0, None);
        let text_of = |sentence: usize| -> String {
            pieces
                .iter()
                .filter(|p| p.sentence == sentence)
                .flat_map(|p| job.text.chars().skip(p.chars.start).take(p.chars.len()))
                .collect()
        };
        assert!(!text_of(0).contains('*'), "{}", text_of(0));
        assert!(
            text_of(1).ends_with("Prices rose.\u{A0}*"),
            "{}",
            text_of(1)
        );
    }

    /// Laid out at many widths, every badge stays on the line of its sentence's first word:
    /// a badge left at the end of the line before, away from its sentence, misplaced the tag.
    #[test]
    fn a_badge_always_shares_a_line_with_its_sentences_first_word() {
        let text = "Officials met. Prices rose sharply again. He said no. Extraordinarily long \
                    words follow here. It may rain. Incomprehensibilities abound. Yes. The \
                    council voted to cut the library's hours.";
        let mut article = Article::new("a".into(), "A", text);
        let r = ReviewerId::from("ann");
        for i in 0..article.sentences.len() {
            article.set_tag(&r, i, Some(Tag::ALL[i % 4]));
        }
        let input = plain_input(&article, &r);
        let ctx = egui::Context::default();
        // One pass loads the fonts; its texture upload is not needed here.
        let mut output = ctx.run_ui(egui::RawInput::default(), |_| {});
        output.textures_delta.clear();
        let n = article.sentences.len();
        for width in (120..=600).step_by(7) {
            let (job, pieces) = paragraph_job(&input, 0..n, width as f32, None);
            let galley = ctx.fonts_mut(|f| f.layout_job(job));
            let row_of = |char: usize| galley.pos_from_cursor(CCursor::new(char)).center().y;
            for sentence in 0..n {
                let of_sentence: Vec<&Piece> =
                    pieces.iter().filter(|p| p.sentence == sentence).collect();
                let badge = of_sentence.iter().find(|p| p.text_start.is_none()).unwrap();
                let first_word = of_sentence.iter().find(|p| p.text_start.is_some()).unwrap();
                // Just after the badge's letter and after the text's first character: a cursor
                // where a line wraps counts as the end of the line before.
                let (b, w) = (
                    row_of(badge.chars.start + 2),
                    row_of(first_word.chars.start + 1),
                );
                assert!(
                    (b - w).abs() < 1.0,
                    "width {width}: sentence {} badge on row y={b}, its first word on y={w}",
                    sentence + 1
                );
            }
        }
    }
}
