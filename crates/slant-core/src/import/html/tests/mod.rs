//! Tests of reading whole pages, one file per thing read: the story, the headline, the
//! metadata.

/// Three paragraphs of a story, to set among a page's furniture.
pub(super) const STORY: &str = "<p>The council voted on Tuesday to close the library on Elm Street after ninety years of service to the town.</p>\
    <p>Residents who spoke at the meeting said the building was the only warm place many of them could go in winter.</p>\
    <p>The mayor said the decision was about money and that a smaller branch would open in the town hall next spring.</p>";

mod body;
mod headline;
mod metadata;
