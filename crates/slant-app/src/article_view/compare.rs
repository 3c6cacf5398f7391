//! Compare mode drawn over the columns: sentences only one article reports get a bar in the
//! margin and a dotted underline (never a wash over the text, which would change the tag
//! colours), the counterparts of the sentence hovered or selected in the other column are
//! outlined and linked to it by a line, and with "only what one outlet reports" the shared
//! sentences fade.

use egui::{Color32, Pos2, Rect, Stroke, StrokeKind, Ui};

use super::parts::{CompareSide, Drawn, ViewInput};

/// The mark of a sentence only this article reports: a neutral grey, far in lightness from every
/// tag colour, so readers who cannot tell hues apart see it as well as anyone.
fn unique_mark(dark: bool) -> Color32 {
    if dark {
        Color32::from_gray(225)
    } else {
        Color32::from_gray(40)
    }
}

fn link_stroke(dark: bool) -> Stroke {
    let c = if dark {
        Color32::from_rgb(0x56, 0xB4, 0xE9)
    } else {
        Color32::from_rgb(0x00, 0x72, 0xB2)
    };
    Stroke::new(2.0, c)
}

/// Paints one paragraph's compare marks.
pub fn paint(ui: &Ui, input: &ViewInput, rects: &[(usize, Rect)]) {
    let Some(side) = input.compare else {
        return;
    };
    let painter = ui.painter();
    for &(sentence, rect) in rects {
        let shared = side
            .counterparts
            .get(sentence)
            .is_some_and(|c| !c.is_empty());
        if !shared {
            let mark = unique_mark(input.dark);
            // A bar in the gap left of the column, beside each line of the sentence.
            let margin = ui.max_rect().left() - 5.0;
            let bar = Rect::from_x_y_ranges(margin..=margin + 3.0, rect.y_range());
            ui.painter()
                .with_clip_rect(ui.clip_rect().expand2(egui::vec2(8.0, 0.0)))
                .rect_filled(bar, 1.0, mark);
            // Below the text's own underlines (a loaded phrase's), not on them: drawn on the
            // same line, the dots hid the phrase.
            let below = egui::vec2(0.0, 2.0);
            painter.extend(egui::Shape::dotted_line(
                &[rect.left_bottom() + below, rect.right_bottom() + below],
                mark,
                4.0,
                1.0,
            ));
        } else if side.unique_only {
            let fade = ui.visuals().panel_fill.gamma_multiply(0.8);
            painter.rect_filled(rect, 0.0, fade);
        }
        if side.highlight.contains(&sentence) {
            painter.rect_stroke(
                rect.expand(1.5),
                2.0,
                link_stroke(input.dark),
                StrokeKind::Outside,
            );
        }
    }
}

/// Lines from the sentence in focus (column, sentence) to its counterparts in the other column,
/// where both are on screen.
pub fn links(
    columns: &[&Drawn],
    column: usize,
    sentence: usize,
    sides: &[Option<CompareSide>],
) -> Vec<(Pos2, Pos2)> {
    let other = 1 - column.min(1);
    let (Some(from), Some(to), Some(Some(side))) =
        (columns.get(column), columns.get(other), sides.get(column))
    else {
        return Vec::new();
    };
    let Some(&(_, start)) = from.sentences.iter().find(|(s, _)| *s == sentence) else {
        return Vec::new();
    };
    let targets = side.counterparts.get(sentence).cloned().unwrap_or_default();
    to.sentences
        .iter()
        .filter(|(s, _)| targets.contains(s))
        .map(|&(_, end)| {
            if column == 0 {
                (start.right_center(), end.left_center())
            } else {
                (start.left_center(), end.right_center())
            }
        })
        .collect()
}

pub fn draw_links(ui: &Ui, links: &[(Pos2, Pos2)], dark: bool) {
    let stroke = link_stroke(dark);
    for &(a, b) in links {
        ui.painter().line_segment([a, b], stroke);
        ui.painter().circle_filled(a, 3.0, stroke.color);
        ui.painter().circle_filled(b, 3.0, stroke.color);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// WCAG's relative luminance of an sRGB colour.
    fn luminance(c: Color32) -> f32 {
        let channel = |v: u8| {
            let v = f32::from(v) / 255.0;
            if v <= 0.04045 {
                v / 12.92
            } else {
                ((v + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * channel(c.r()) + 0.7152 * channel(c.g()) + 0.0722 * channel(c.b())
    }

    fn contrast(a: Color32, b: Color32) -> f32 {
        let (la, lb) = (luminance(a), luminance(b));
        (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
    }

    #[test]
    fn the_one_outlet_mark_has_no_hue_and_stands_out_from_the_page_in_both_themes() {
        for dark in [false, true] {
            let mark = unique_mark(dark);
            // Grey: nothing for a reader who cannot tell hues apart to confuse with a tag.
            assert!(mark.r() == mark.g() && mark.g() == mark.b(), "{mark:?}");
            let visuals = if dark {
                egui::Visuals::dark()
            } else {
                egui::Visuals::light()
            };
            // WCAG's 3:1 for marks that carry meaning, against the page it is drawn on.
            let c = contrast(mark, visuals.panel_fill);
            assert!(c >= 3.0, "dark {dark}: contrast {c}");
        }
    }
}
