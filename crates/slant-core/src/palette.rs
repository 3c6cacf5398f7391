//! The tag colours, shared by the app and the reports: the Okabe–Ito palette, which people with
//! the common kinds of colour blindness can tell apart.

use crate::model::Tag;

/// The strong colour of a tag as RGB.
pub fn tag_rgb(tag: Tag) -> [u8; 3] {
    match tag {
        Tag::Fact => [0x00, 0x72, 0xB2],        // blue
        Tag::Quote => [0xE6, 0x9F, 0x00],       // orange
        Tag::Speculation => [0x00, 0x9E, 0x73], // bluish green
        Tag::Loaded => [0xCC, 0x79, 0xA7],      // reddish purple
    }
}

/// The colour that underlines loaded phrases (vermillion, the palette's remaining strong colour).
pub const PHRASE_RGB: [u8; 3] = [0xD5, 0x5E, 0x00];

/// Whether text on the tag's strong colour should be black (else white), for contrast.
pub fn dark_text_on(tag: Tag) -> bool {
    tag == Tag::Quote
}

/// `#rrggbb`.
pub fn hex([r, g, b]: [u8; 3]) -> String {
    format!("#{r:02x}{g:02x}{b:02x}")
}
