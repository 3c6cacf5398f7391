//! HTML pieces that several sections of the HTML report draw.

use maud::{Markup, html};

use crate::model::Tag;

/// A tag's letter badge, coloured by the report's style sheet and named for screen readers.
pub(super) fn badge(tag: Tag) -> Markup {
    html! { span class={ "badge badge-" (tag.key()) } title=(tag.label()) { (tag.letter()) } }
}
