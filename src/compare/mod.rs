//! Comparing two articles about the same event: which sentences report the same content
//! ([`align`]), and what each outlet covers that the other leaves out ([`coverage`]).

pub mod align;
pub mod coverage;
