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

/// How the sentence in focus reaches a counterpart: a line to it where it is on screen, or an
/// arrow to the top or bottom edge of the other column where it is scrolled out of view, so
/// that "matches sentences 1 and 2 of column 1" never points at nothing.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Link {
    To(Pos2, Pos2),
    OutOfView(Pos2, Pos2),
}

/// The links from the sentence in focus (column, sentence) to its counterparts in the other
/// column: one line each on screen, one arrow for those above the view and one for those below.
pub fn links(
    columns: &[&Drawn],
    column: usize,
    sentence: usize,
    sides: &[Option<CompareSide>],
) -> Vec<Link> {
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
    let from_point = if column == 0 {
        start.right_center()
    } else {
        start.left_center()
    };
    let to_point = |end: Rect| {
        if column == 0 {
            end.left_center()
        } else {
            end.right_center()
        }
    };
    let Some(view) = to.view else {
        return to
            .sentences
            .iter()
            .filter(|(s, _)| targets.contains(s))
            .map(|&(_, end)| Link::To(from_point, to_point(end)))
            .collect();
    };
    let drawn = |t: usize| to.sentences.iter().find(|(s, _)| *s == t).map(|(_, r)| *r);
    let (first, last) = (
        to.sentences.iter().map(|(s, _)| *s).min(),
        to.sentences.iter().map(|(s, _)| *s).max(),
    );
    let mut out = Vec::new();
    let (mut above, mut below) = (false, false);
    for &t in &targets {
        match drawn(t) {
            Some(end) if end.intersects(view) => out.push(Link::To(from_point, to_point(end))),
            Some(end) if end.bottom() <= view.top() => above = true,
            Some(_) => below = true,
            None if first.is_some_and(|f| t < f) => above = true,
            None if last.is_some_and(|l| t > l) => below = true,
            None => {}
        }
    }
    let edge_x = if column == 0 {
        view.left()
    } else {
        view.right()
    };
    if above {
        out.push(Link::OutOfView(
            from_point,
            egui::pos2(edge_x, view.top() + 4.0),
        ));
    }
    if below {
        out.push(Link::OutOfView(
            from_point,
            egui::pos2(edge_x, view.bottom() - 4.0),
        ));
    }
    out
}

pub fn draw_links(ui: &Ui, links: &[Link], dark: bool) {
    let stroke = link_stroke(dark);
    for &link in links {
        match link {
            Link::To(a, b) => {
                ui.painter().line_segment([a, b], stroke);
                ui.painter().circle_filled(a, 3.0, stroke.color);
                ui.painter().circle_filled(b, 3.0, stroke.color);
            }
            Link::OutOfView(a, b) => {
                ui.painter().circle_filled(a, 3.0, stroke.color);
                ui.painter().arrow(a, b - a, stroke);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A counterpart on screen gets a line; one scrolled above or below the other column's
    /// view gets an arrow to that edge (a teacher saw "matches sentences 1 and 2 of column 1"
    /// and nothing drawn, the column scrolled down).
    #[test]
    fn a_counterpart_out_of_view_gets_an_arrow_to_the_edge() {
        let rect = |x: f32, y: f32| Rect::from_min_size(egui::pos2(x, y), egui::vec2(300.0, 20.0));
        let left = Drawn {
            sentences: vec![(4, rect(0.0, 100.0))],
            view: Some(Rect::from_min_max(
                egui::pos2(0.0, 0.0),
                egui::pos2(320.0, 600.0),
            )),
            ..Drawn::default()
        };
        let view = Rect::from_min_max(egui::pos2(340.0, 0.0), egui::pos2(660.0, 600.0));
        // Column 2 shows sentences 10 to 12 (12 runs past the bottom of the view).
        let right = Drawn {
            sentences: vec![
                (10, rect(340.0, 50.0)),
                (11, rect(340.0, 300.0)),
                (12, rect(340.0, 610.0)),
            ],
            view: Some(view),
            ..Drawn::default()
        };
        let side = |targets: Vec<usize>| {
            let mut counterparts = vec![Vec::new(); 5];
            counterparts[4] = targets;
            Some(CompareSide {
                counterparts,
                highlight: Vec::new(),
                unique_only: false,
            })
        };
        let from = rect(0.0, 100.0).right_center();
        let found = links(&[&left, &right], 0, 4, &[side(vec![11]), None]);
        assert_eq!(found, [Link::To(from, rect(340.0, 300.0).left_center())]);
        let found = links(
            &[&left, &right],
            0,
            4,
            &[side(vec![2, 3, 11, 12, 40]), None],
        );
        assert_eq!(
            found,
            [
                Link::To(from, rect(340.0, 300.0).left_center()),
                Link::OutOfView(from, egui::pos2(340.0, 4.0)),
                Link::OutOfView(from, egui::pos2(340.0, 596.0)),
            ]
        );
    }

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
