//! Comparing two articles about the same event: which sentences report the same content
//! ([`align`], over the terms of each sentence (`terms.rs`), with [`explain`] saying why), what each
//! outlet covers that the other leaves out ([`coverage`]), and who gets to speak in each
//! ([`sources`]).

pub mod align;
pub mod coverage;
pub mod explain;
pub mod sources;
mod terms;
pub(crate) use terms::is_stopword;
