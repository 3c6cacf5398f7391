//! Any bytes as a text or Markdown article (see `invariants::import`).
#![no_main]

use slant_core::import::Format;

#[path = "../invariants.rs"]
mod invariants;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let (format, bytes) = match data.split_first() {
        Some((b, rest)) if b % 2 == 0 => (Format::PlainText, rest),
        Some((_, rest)) => (Format::Markdown, rest),
        None => return,
    };
    invariants::import(bytes, format);
});
