//! One paragraph's text as egui lays it out: each sentence's badge and words, cut where loaded
//! phrases, cues, find matches and the drag selection begin and end, with the runs that map a
//! character back to its sentence and byte.

use std::ops::Range;

use egui::text::{LayoutJob, TextFormat, TextWrapping};
use egui::{Color32, FontId, Stroke};
use slant_core::model::{Annotation, Article, Span};

use super::parts::{Mark, Piece, ViewInput};
use crate::theme;
use crate::words::find_matches;

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
pub(super) fn paragraph_job(
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
    let text_color = theme::article_text(input.dark);
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

/// The piece holding job char `c`. Pieces are in the job's order and never overlap, so a
/// binary search finds it: a search from the front for every glyph was quadratic, and a
/// paragraph of 11,000 sentences froze the window for minutes.
pub(super) fn piece_at(pieces: &[Piece], c: usize) -> Option<&Piece> {
    let at = pieces.partition_point(|p| p.chars.end <= c);
    pieces.get(at).filter(|p| p.chars.contains(&c))
}

/// The article byte offset at job char `c` (a badge maps to its sentence's start).
pub(super) fn byte_at(pieces: &[Piece], article: &Article, c: usize) -> Option<(usize, usize)> {
    let piece = piece_at(pieces, c).or_else(|| pieces.last().filter(|p| p.chars.end == c))?;
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

#[cfg(test)]
mod tests {
    use super::*;
    use egui::text::CCursor;
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
