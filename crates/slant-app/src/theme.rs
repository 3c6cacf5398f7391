//! Colours for the four tags: the Okabe–Ito palette, which people with the common kinds of
//! colour blindness can tell apart. Colour is never the only signal: each sentence also carries
//! its tag's letter badge.

use egui::Color32;
use slant_core::model::Tag;
use slant_core::palette;

/// The strong colour of a tag (badges, chart bars).
pub fn tag_color(tag: Tag) -> Color32 {
    match tag {
        Tag::Fact => Color32::from_rgb(0x00, 0x72, 0xB2), // blue
        Tag::Quote => Color32::from_rgb(0xE6, 0x9F, 0x00), // orange
        Tag::Speculation => Color32::from_rgb(0x00, 0x9E, 0x73), // bluish green
        Tag::Loaded => Color32::from_rgb(0xCC, 0x79, 0xA7), // reddish purple
    }
}

/// The pale background behind a tagged sentence, readable under body text in either theme.
pub fn tag_background(tag: Tag, dark: bool) -> Color32 {
    let c = tag_color(tag);
    let alpha = if dark { 70 } else { 55 };
    Color32::from_rgba_unmultiplied(c.r(), c.g(), c.b(), alpha)
}

/// The articles' text: near black or near white, for the most contrast over a tag's colour and
/// the selection's shade.
pub fn article_text(dark: bool) -> Color32 {
    if dark {
        Color32::from_gray(230)
    } else {
        Color32::from_gray(20)
    }
}

/// Text colour on a badge of the tag's strong colour.
pub fn badge_text(tag: Tag) -> Color32 {
    if palette::dark_text_on(tag) {
        Color32::BLACK
    } else {
        Color32::WHITE
    }
}

/// The outline of the selected sentence.
pub fn selection_stroke(dark: bool) -> egui::Stroke {
    let c = if dark {
        Color32::from_rgb(0xF0, 0xE4, 0x42)
    } else {
        Color32::from_rgb(0x20, 0x20, 0x20)
    };
    egui::Stroke::new(2.0, c)
}

/// The shade over the selected sentence's text: dark on a light page, light on a dark one,
/// faint enough that the tag's colour and the text stay as they are read, but plain to see in
/// the dark theme too (a student found the selected sentence there "only slightly lighter").
pub fn selection_shade(dark: bool) -> Color32 {
    if dark {
        Color32::from_white_alpha(50)
    } else {
        Color32::from_black_alpha(34)
    }
}

/// The underline of a loaded phrase (vermillion, the palette's remaining strong colour).
pub fn phrase_stroke() -> egui::Stroke {
    let [r, g, b] = palette::PHRASE_RGB;
    egui::Stroke::new(2.0, Color32::from_rgb(r, g, b))
}

/// The mark after a sentence that has a note: quiet, but with text contrast in both themes.
pub fn note_mark(dark: bool) -> Color32 {
    if dark {
        Color32::from_gray(200)
    } else {
        Color32::from_gray(70)
    }
}

/// A tag's colour for text on the panel background: the strong colour, darkened on light
/// backgrounds so that small text keeps its contrast.
pub fn tag_text_color(tag: Tag, dark: bool) -> Color32 {
    let c = tag_color(tag);
    if dark {
        c
    } else {
        Color32::from_rgb(c.r() / 4 * 3, c.g() / 4 * 3, c.b() / 4 * 3)
    }
}

/// A cue's colour: the colour of the tag it is evidence for (quotations and attributions for
/// Quote, hedges and anonymous sources for Speculation, loaded words for Loaded).
pub fn cue_color(kind: slant_core::cues::CueKind, dark: bool) -> Color32 {
    tag_text_color(cue_tag(kind), dark)
}

pub fn cue_tag(kind: slant_core::cues::CueKind) -> Tag {
    use slant_core::cues::CueKind;
    match kind {
        CueKind::Quote | CueKind::Attribution => Tag::Quote,
        CueKind::Hedge | CueKind::AnonymousSource => Tag::Speculation,
        CueKind::Loaded => Tag::Loaded,
    }
}

/// Outlines the control that has the keyboard, on its own layer so a dialog above still covers
/// it. egui marks focus by a lighter fill, which a selected button (a chosen menu option, the
/// sentence's own tag) already has: without the ring, Tab and F10 can land on a control that
/// looks no different. A text box shows its own focus (its frame and cursor).
pub fn focus_ring(ctx: &egui::Context) {
    if ctx.text_edit_focused() {
        return;
    }
    let Some(response) = ctx
        .memory(|m| m.focused())
        .and_then(|id| ctx.read_response(id))
    else {
        return;
    };
    // The visible part only: a control half scrolled away is outlined where it shows.
    let rect = response.interact_rect;
    if !rect.is_positive() {
        return;
    }
    let color = ctx.global_style().visuals.selection.stroke.color;
    ctx.layer_painter(response.layer_id).rect_stroke(
        rect.expand(1.0),
        3.0,
        egui::Stroke::new(2.0, color),
        egui::StrokeKind::Outside,
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    /// WCAG's relative luminance of an sRGB colour.
    fn luminance(c: [f32; 3]) -> f32 {
        let channel = |v: f32| {
            let v = v / 255.0;
            if v <= 0.04045 {
                v / 12.92
            } else {
                ((v + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * channel(c[0]) + 0.7152 * channel(c[1]) + 0.0722 * channel(c[2])
    }

    fn contrast(a: [f32; 3], b: [f32; 3]) -> f32 {
        let (la, lb) = (luminance(a), luminance(b));
        (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
    }

    /// `top` painted over `base` (an unmultiplied colour and its alpha).
    fn over(base: [f32; 3], top: Color32) -> [f32; 3] {
        let top = top.to_srgba_unmultiplied();
        let a = f32::from(top[3]) / 255.0;
        [0, 1, 2].map(|i| base[i] + (f32::from(top[i]) - base[i]) * a)
    }

    fn rgb(c: Color32) -> [f32; 3] {
        [c.r(), c.g(), c.b()].map(f32::from)
    }

    /// The selected sentence stands out from the rest of its tag's colour, and its text keeps
    /// WCAG AA contrast (4.5:1) on the shade, for every tag in both themes.
    #[test]
    fn the_selection_is_plain_to_see_and_its_text_readable() {
        for dark in [false, true] {
            let visuals = if dark {
                egui::Visuals::dark()
            } else {
                egui::Visuals::light()
            };
            let text = rgb(article_text(dark));
            for tag in [Tag::Fact, Tag::Quote, Tag::Speculation, Tag::Loaded] {
                let fill = over(rgb(visuals.panel_fill), tag_background(tag, dark));
                let selected = over(fill, selection_shade(dark));
                let readable = contrast(text, selected);
                assert!(readable >= 4.5, "{tag:?} dark {dark}: text {readable:.2}:1");
                let apart = contrast(selected, fill);
                assert!(apart >= 1.25, "{tag:?} dark {dark}: shade {apart:.2}:1");
                if dark {
                    assert!(
                        apart >= 1.7,
                        "{tag:?}: shade {apart:.2}:1 in the dark theme"
                    );
                }
            }
        }
    }
}
