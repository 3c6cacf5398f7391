//! Slant: review news articles for media bias.
//!
//! The core (this library) holds no UI: the data model, sentence splitting, import, statistics
//! and project storage. The `slant` binary is a thin command-line front over it.

pub mod agreement;
pub mod bounded;
pub mod command;
pub mod compare;
pub mod cues;
pub mod document;
pub mod encoding;
pub mod import;
pub mod lexicon;
pub mod merge;
pub mod model;
pub mod palette;
pub mod readability;
pub mod reanchor;
pub mod report;
pub mod segment;
pub mod span;
pub mod stats;
pub mod store;
pub mod tag_import;
pub mod validate;
pub mod voices;
pub mod wording;
