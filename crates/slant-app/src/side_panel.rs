//! The right-hand panel: the selected sentence (tag buttons, note, phrases) and live statistics
//! for each column, with a bar chart comparing the articles in view.

use egui::{Rect, RichText, Sense, Stroke, Ui, Vec2};
use slant_core::wording::count;

use super::actions::Action;
use super::theme;
use super::ui_command::UiCommand;
use super::workspace::NoteDraft;
use slant_core::cues::{Cue, CueKind, Suggestion};
use slant_core::model::{Article, ReviewerId, Tag};
use slant_core::readability::TextCounts;
use slant_core::stats::{Evidence, ReviewerSummary};

/// One column's figures, as the panel shows them.
pub struct ColumnStats<'a> {
    pub article: &'a Article,
    pub text: TextCounts,
    /// The reviewer's figures and their quoted voices (named, unnamed).
    pub reviewer: Option<(ReviewerSummary, (usize, usize))>,
    pub evidence: Evidence,
}

/// Slant's hint for the selected sentence: the suggested tag with its reasons and the buttons
/// to take or dismiss it, then the cue words found in the sentence.
pub fn suggestion(
    ui: &mut Ui,
    article: &Article,
    open: Option<&Suggestion>,
    verdict: Option<slant_core::model::Verdict>,
    cues: &[&Cue],
    actions: &mut Vec<Action>,
) {
    if let Some(s) = open {
        ui.add_space(4.0);
        ui.label(
            RichText::new(format!("Suggested: {}", s.tag.label()))
                .strong()
                .color(theme::tag_text_color(s.tag, ui.visuals().dark_mode)),
        );
        for reason in &s.reasons {
            ui.label(format!("• {reason}"));
        }
        ui.horizontal(|ui| {
            if ui
                .button(format!("Accept {}", s.tag.label()))
                .on_hover_text(UiCommand::AcceptSuggestion.hint(ui.ctx()))
                .clicked()
            {
                actions.push(Action::AcceptSuggestion);
            }
            if ui
                .button("Dismiss")
                .on_hover_text(UiCommand::DismissSuggestion.hint(ui.ctx()))
                .clicked()
            {
                actions.push(Action::RejectSuggestion);
            }
        });
    } else if let Some(v) = verdict {
        ui.label(RichText::new(super::hints::verdict_text(v)).weak());
    }
    if !cues.is_empty() {
        ui.add_space(4.0);
        ui.label("Cues in this sentence");
        for c in cues {
            let text = short(&article.text[c.span.range()].replace('\n', " "), 60);
            ui.label(
                RichText::new(format!("{}: {text}", cue_name(c.kind)))
                    .color(theme::cue_color(c.kind, ui.visuals().dark_mode)),
            )
            .on_hover_text(&c.reason);
        }
    }
}

/// A cue kind as the panel names it.
pub fn cue_name(kind: CueKind) -> &'static str {
    match kind {
        CueKind::Quote => "Quotation",
        CueKind::Attribution => "Attribution",
        CueKind::AnonymousSource => "Anonymous source",
        CueKind::Hedge => "Hedge",
        CueKind::Loaded => "Loaded word",
    }
}

/// The selected sentence, with the tag buttons and its note.
pub fn inspector(
    ui: &mut Ui,
    article: &Article,
    sentence: usize,
    reviewer: &ReviewerId,
    note: &mut Option<NoteDraft>,
    focus_note: &mut bool,
    actions: &mut Vec<Action>,
) {
    ui.heading("Sentence");
    ui.label(format!("{} of {}", sentence + 1, article.sentences.len()));
    let annotation = article.annotation(reviewer, sentence);
    let current = annotation.and_then(|a| a.tag);
    ui.horizontal_wrapped(|ui| {
        for tag in Tag::ALL {
            let text = RichText::new(format!("{} {}", tag.letter(), tag.label()));
            let selected = current == Some(tag);
            let button = egui::Button::selectable(selected, text)
                .stroke(Stroke::new(2.0, theme::tag_color(tag)));
            if ui
                .add(button)
                .on_hover_text(UiCommand::tag(Some(tag)).hint(ui.ctx()))
                .clicked()
            {
                actions.push(Action::Tag(Some(tag)));
            }
        }
        if ui
            .add_enabled(current.is_some(), egui::Button::new("Clear"))
            .on_hover_text(UiCommand::ClearTag.hint(ui.ctx()))
            .clicked()
        {
            actions.push(Action::Tag(None));
        }
    });
    ui.add_space(4.0);
    ui.label("Your note:");
    if let Some(draft) = note {
        let id = draft.box_id();
        let focusing = std::mem::take(focus_note);
        if focusing {
            // N (or Add note…) types after what the note already says.
            let mut state = egui::text_edit::TextEditState::load(ui.ctx(), id).unwrap_or_default();
            let end = egui::text::CCursor::new(draft.text.chars().count());
            state
                .cursor
                .set_char_range(Some(egui::text::CCursorRange::one(end)));
            state.store(ui.ctx(), id);
        }
        // Enter leaves the box (Shift+Enter starts a new line): a person who presses Enter to
        // finish a note and goes on with J and the tag keys must not type them into the note.
        let edit = egui::TextEdit::multiline(&mut draft.text)
            .id(id)
            .return_key(egui::KeyboardShortcut::new(
                egui::Modifiers::SHIFT,
                egui::Key::Enter,
            ))
            .hint_text("Why this tag? (Enter or Escape leaves the box and keeps it; Shift+Enter: new line)")
            .desired_rows(3)
            .desired_width(f32::INFINITY)
            // Within what a project holds, however wide the characters.
            .char_limit(slant_core::validate::MAX_FIELD_BYTES / 4);
        // Tab leaves the box as Enter does, back to the articles: egui would hand the keyboard
        // to the next control, the panel's "Accept all suggested quotes" button, where the next
        // Enter tagged eight sentences at once, some out of sight. Taken before the box is
        // drawn, since egui passes the focus on as the box registers.
        let tab = ui.memory(|m| m.has_focus(id))
            && ui.input(|i| {
                i.events.iter().any(|e| {
                    matches!(
                        e,
                        egui::Event::Key {
                            key: egui::Key::Tab,
                            pressed: true,
                            modifiers,
                            ..
                        } if modifiers.is_none()
                    )
                })
            });
        if tab {
            ui.memory_mut(|m| {
                m.move_focus(egui::FocusDirection::None);
                m.surrender_focus(id);
            });
        }
        let response = ui.add(edit);
        if tab && !response.lost_focus() {
            actions.push(Action::CommitNote);
        }
        response.widget_info(|| {
            egui::WidgetInfo::labeled(egui::Role::MultilineTextInput, true, "Note")
        });
        // Asked for once (N, or Add note…), never again while the box is open: the keyboard
        // must be free to leave it.
        if focusing {
            response.request_focus();
            response.scroll_to_me(None);
        }
        if response.changed() {
            draft.typed(std::time::Instant::now());
        }
        // The key's own modifiers, not the frame's: Shift pressed and let go around Enter
        // within one frame is still Shift+Enter.
        let plain = |key: egui::Key| {
            ui.input(|i| {
                i.events.iter().any(|e| {
                    matches!(
                        e,
                        egui::Event::Key {
                            key: k,
                            pressed: true,
                            modifiers,
                            ..
                        } if *k == key && modifiers.is_none()
                    )
                })
            })
        };
        if response.has_focus() && plain(egui::Key::Enter) {
            response.surrender_focus();
        }
        if response.lost_focus() {
            actions.push(Action::CommitNote);
        }
    }
    if let Some(a) = annotation
        && !a.loaded_phrases.is_empty()
    {
        ui.label("Loaded phrases");
        for p in &a.loaded_phrases {
            ui.label(RichText::new(format!("“{}”", article.slice(*p))).underline());
        }
    }
}

/// Figures for each column and the comparison chart.
pub fn statistics(ui: &mut Ui, columns: &[ColumnStats]) {
    ui.heading("Statistics");
    for (i, c) in columns.iter().enumerate() {
        ui.add_space(6.0);
        // One line, cut to the panel's width (a wrapped line left its "…" alone below).
        ui.add(
            egui::Label::new(
                RichText::new(format!("Column {}: {}", i + 1, c.article.title)).strong(),
            )
            .truncate(),
        );
        let n = c.article.sentences.len();
        match &c.reviewer {
            Some((r, (named, unnamed))) => {
                let progress = if n == 0 {
                    0.0
                } else {
                    r.tagged as f32 / n as f32
                };
                // Small corners: egui fills at least twice the corner radius, and a round end
                // the bar's height wide covered the "0" of "0 of 30 tagged".
                ui.add(
                    egui::ProgressBar::new(progress)
                        .corner_radius(3)
                        .text(format!("{} of {n} tagged", r.tagged)),
                );
                for tag in Tag::ALL {
                    let text = format!(
                        "{} {}: {} ({})",
                        tag.letter(),
                        tag.label(),
                        r.counts.get(tag),
                        slant_core::wording::percent(r.shares.get(tag))
                    );
                    ui.label(
                        RichText::new(text)
                            .color(theme::tag_text_color(tag, ui.visuals().dark_mode)),
                    );
                }
                ui.label(format!(
                    "Loaded phrases: {} ({:.1} per 100 words)",
                    r.loaded_phrases,
                    slant_core::stats::per_100_words(r.loaded_phrases, c.text.words)
                ));
                ui.label(format!("Quoted voices: {named} named, {unnamed} unnamed"));
                if r.suggestions_accepted + r.suggestions_rejected > 0 {
                    ui.label(format!(
                        "Suggestions: {} accepted, {} dismissed",
                        r.suggestions_accepted, r.suggestions_rejected
                    ));
                }
            }
            None => {
                ui.label("Choose a reviewer to see tag counts.");
            }
        }
        let ease = c
            .text
            .reading_ease()
            .map_or("–".to_owned(), |e| format!("{e:.0}"));
        let grade = c
            .text
            .grade_level()
            .map_or("–".to_owned(), |g| format!("{g:.1}"));
        ui.label(format!(
            "{} words · reading ease {ease} · grade {grade}",
            c.text.words
        ));
        let e = &c.evidence;
        ui.label(format!(
            "Found by Slant's word lists (not a reviewer), per 100 words: {:.1} anonymous sources, {:.1} hedges, {:.1} loaded words",
            e.anonymous_sources_per_100_words, e.hedges_per_100_words, e.loaded_words_per_100_words
        ))
        .on_hover_text(format!(
            "{}, {}, {} in the writer's own words; inside quotations (the speakers'), {} and {} more. \
             On real news the loaded-word lists find about one in three of the words a careful reviewer marks as loaded, and about two in three of the words they mark are marked by the reviewer too: a starting point for discussion, not a verdict.",
            count(e.anonymous_sources, "anonymous source", "anonymous sources"),
            count(e.hedges, "hedge", "hedges"),
            count(e.loaded_words, "loaded word", "loaded words"),
            count(e.hedges_quoted, "hedge", "hedges"),
            count(e.loaded_words_quoted, "loaded word", "loaded words")
        ));
    }
    if columns.iter().any(|c| c.reviewer.is_some()) {
        ui.add_space(8.0);
        // One column has no columns to tell apart: no "by column", no numbers under the bars.
        let heading = if columns.len() > 1 {
            "Tag shares by column"
        } else {
            "Tag shares"
        };
        ui.label(RichText::new(heading).strong());
        chart(ui, columns);
    }
}

/// Grouped bars: for each tag, one bar per column (its share of that article's sentences).
fn chart(ui: &mut Ui, columns: &[ColumnStats]) {
    let width = ui.available_width().max(160.0);
    let height = 140.0;
    let (rect, _) = ui.allocate_exact_size(Vec2::new(width, height + 40.0), Sense::hover());
    let painter = ui.painter_at(rect);
    let plot = Rect::from_min_size(
        rect.min + Vec2::new(28.0, 4.0),
        Vec2::new(width - 32.0, height),
    );
    let axis = ui.visuals().text_color();
    painter.line_segment(
        [plot.left_bottom(), plot.right_bottom()],
        Stroke::new(1.0, axis),
    );
    for pct in [0.0, 0.5, 1.0] {
        let y = plot.bottom() - pct * plot.height();
        painter.text(
            egui::pos2(plot.left() - 4.0, y),
            egui::Align2::RIGHT_CENTER,
            slant_core::wording::percent(f64::from(pct)),
            egui::FontId::proportional(10.0),
            axis,
        );
    }
    let group = plot.width() / 4.0;
    let bar = (group - 8.0) / columns.len().max(1) as f32;
    for (t, tag) in Tag::ALL.into_iter().enumerate() {
        let x0 = plot.left() + t as f32 * group + 4.0;
        for (i, c) in columns.iter().enumerate() {
            let share = c
                .reviewer
                .as_ref()
                .map_or(0.0, |(r, _)| r.shares.get(tag) as f32);
            let r = Rect::from_min_max(
                egui::pos2(x0 + i as f32 * bar, plot.bottom() - share * plot.height()),
                egui::pos2(x0 + (i + 1) as f32 * bar - 2.0, plot.bottom()),
            );
            painter.rect_filled(
                r,
                1.0,
                theme::tag_color(tag).gamma_multiply(1.0 - 0.3 * i as f32),
            );
            if columns.len() > 1 {
                painter.text(
                    egui::pos2(r.center().x, plot.bottom() + 2.0),
                    egui::Align2::CENTER_TOP,
                    (i + 1).to_string(),
                    egui::FontId::proportional(10.0),
                    axis,
                );
            }
        }
        painter.text(
            egui::pos2(x0 + (group - 8.0) / 2.0, plot.bottom() + 16.0),
            egui::Align2::CENTER_TOP,
            tag.letter().to_string(),
            egui::FontId::proportional(12.0),
            theme::tag_color(tag),
        );
    }
}

pub fn short(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_owned()
    } else {
        s.chars().take(n - 1).collect::<String>() + "…"
    }
}
