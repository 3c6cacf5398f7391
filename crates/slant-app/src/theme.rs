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
/// faint enough that the tag's colour and the text stay as they are read.
pub fn selection_shade(dark: bool) -> Color32 {
    if dark {
        Color32::from_white_alpha(40)
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
