//! Any bytes as a text or Markdown article: import gives text or an error, and every sentence of
//! the text it gives is a valid, non-empty, in-order range on character boundaries.
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;
use slant::import::{Format, import_bytes};

fuzz_target!(|data: &[u8]| {
    let (format, bytes) = match data.split_first() {
        Some((b, rest)) if b % 2 == 0 => (Format::PlainText, rest),
        Some((_, rest)) => (Format::Markdown, rest),
        None => return,
    };
    if let Ok(imported) = import_bytes(bytes, format, Path::new("fuzz.txt")) {
        check(&imported.text);
        if let Some(pasted) = slant::import::ImportedText::pasted(&imported.text) {
            check(&pasted.text);
        }
    }
});

fn check(text: &str) {
    let spans = slant::segment::split(text);
    let mut end = 0;
    for s in spans {
        assert!(s.start >= end && s.start < s.end && s.end <= text.len());
        assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
        end = s.end;
    }
}
