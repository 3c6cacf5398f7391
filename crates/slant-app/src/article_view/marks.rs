//! What is drawn over an article's laid-out text: the outlined badges of suggested tags and the
//! class's stacked bars.

use std::collections::HashSet;

use egui::text::CCursor;
use egui::{Id, Rect, Role, Sense, Stroke, Ui, Vec2, WidgetInfo};

use super::parts::{Laid, Mark, Piece, ViewInput};
use crate::actions::Action;
use crate::theme;
use crate::ui_command::UiCommand;
use slant_core::model::Tag;

/// The rectangle of a run of the galley, in screen coordinates. A run that starts a wrapped row
/// is measured from that row: its start cursor would otherwise sit at the end of the row above,
/// and the rectangle would reach across the column.
fn rect_of(laid: &Laid, piece: &Piece) -> Rect {
    let start = laid.galley.pos_from_cursor(CCursor {
        prefer_next_row: true,
        ..CCursor::new(piece.chars.start)
    });
    let end = laid.galley.pos_from_cursor(CCursor::new(piece.chars.end));
    start
        .union(end)
        .translate(laid.top_left.to_vec2())
        .shrink2(Vec2::new(0.5, 2.0))
}

/// Outlines each suggested tag's badge; hovering shows the reasons, clicking accepts.
pub(super) fn ghost_badges(
    ui: &mut Ui,
    input: &ViewInput,
    id: Id,
    laid: &Laid,
    seen: &HashSet<usize>,
    actions: &mut Vec<Action>,
) {
    for piece in laid.pieces {
        let Mark::Ghost(tag) = piece.mark else {
            continue;
        };
        if !seen.contains(&piece.sentence) {
            continue;
        }
        let rect = rect_of(laid, piece);
        ui.painter().rect_stroke(
            rect,
            3.0,
            Stroke::new(1.5, theme::tag_color(tag)),
            egui::StrokeKind::Inside,
        );
        let reasons = input
            .hints
            .and_then(|h| h.suggestions.get(piece.sentence))
            .and_then(Option::as_ref)
            .map(|s| s.reasons.join("\n"))
            .unwrap_or_default();
        let response = ui
            .interact(rect, id.with(("ghost", piece.sentence)), Sense::CLICK)
            .on_hover_text(format!(
                "Suggested: {}\n{reasons}\nClick or press {} to accept, {} to dismiss.",
                tag.label(),
                UiCommand::AcceptSuggestion.keys_text(ui.ctx()),
                UiCommand::DismissSuggestion.keys_text(ui.ctx()),
            ));
        response.widget_info(|| {
            WidgetInfo::labeled(Role::Button, true, format!("Suggested {}", tag.label()))
        });
        if response.clicked() {
            actions.push(Action::Select {
                column: input.column,
                sentence: piece.sentence,
            });
            actions.push(Action::AcceptSuggestion);
        }
    }
}

/// The class's tags for each sentence as a stacked bar (one segment per tag, grey for reviewers
/// who left it untagged); hovering gives the counts.
pub(super) fn class_bars(
    ui: &mut Ui,
    input: &ViewInput,
    id: Id,
    laid: &Laid,
    seen: &HashSet<usize>,
) {
    let Some(class) = input.class else { return };
    let shown = |p: &&Piece| p.mark == Mark::ClassBar && seen.contains(&p.sentence);
    for piece in laid.pieces.iter().filter(shown) {
        let Some(s) = class.sentences.get(piece.sentence) else {
            continue;
        };
        let d = s.distribution;
        let total = (d.total() + d.untagged).max(1) as f32;
        let rect = rect_of(laid, piece).shrink2(Vec2::new(1.0, 1.0));
        let mut x = rect.left();
        let segments = Tag::ALL
            .iter()
            .map(|&t| (d.get(t), theme::tag_color(t)))
            .chain([(d.untagged, egui::Color32::from_gray(150))]);
        for (n, color) in segments {
            let w = rect.width() * n as f32 / total;
            if w > 0.0 {
                ui.painter().rect_filled(
                    Rect::from_min_max(egui::pos2(x, rect.top()), egui::pos2(x + w, rect.bottom())),
                    0.0,
                    color,
                );
            }
            x += w;
        }
        ui.painter().rect_stroke(
            rect,
            1.0,
            Stroke::new(1.0, egui::Color32::from_gray(120)),
            egui::StrokeKind::Outside,
        );
        let text = format!(
            "Class: F {} · Q {} · S {} · L {} · untagged {}{}",
            d.fact,
            d.quote,
            d.speculation,
            d.loaded,
            d.untagged,
            s.agreement
                .map(|a| format!(" · agreement {}", slant_core::wording::percent(a)))
                .unwrap_or_default()
        );
        let response = ui
            .interact(rect, id.with(("class", piece.sentence)), Sense::hover())
            .on_hover_text(&text);
        response.widget_info(|| WidgetInfo::labeled(Role::Image, true, &text));
    }
}

/// The selected sentence, marked over its rows as one shape: a shade over the sentence's own
/// text and a bar where it starts and where it ends, like a text selection. No line is drawn
/// along a row's edge: rows touch, so the edge of a sentence that starts mid-line ran under the
/// line above, and a student read it as that sentence's loaded-phrase underline.
pub fn selection_outline(ui: &Ui, input: &ViewInput, rects: &[(usize, Rect)]) {
    let Some(selected) = input.selected else {
        return;
    };
    let rows: Vec<Rect> = rects
        .iter()
        .filter(|(s, _)| *s == selected)
        .map(|(_, r)| *r)
        .collect();
    let (Some(first), Some(last)) = (rows.first(), rows.last()) else {
        return;
    };
    let painter = ui.painter();
    for r in &rows {
        painter.rect_filled(*r, 0.0, theme::selection_shade(input.dark));
    }
    let stroke = theme::selection_stroke(input.dark);
    let bar = Stroke::new(stroke.width + 1.0, stroke.color);
    painter.line_segment([first.left_top(), first.left_bottom()], bar);
    painter.line_segment([last.right_top(), last.right_bottom()], bar);
}
