//! Any bytes as a saved web page: import gives an article or an error, never a panic, and the
//! article's text holds no markup-only characters (the body is text, one block a line).
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;
use slant::import::{Format, import_bytes};

fuzz_target!(|data: &[u8]| {
    if let Ok(imported) = import_bytes(data, Format::Html, Path::new("fuzz.html")) {
        assert!(!imported.text.trim().is_empty());
        assert!(!imported.text.contains('\r'));
        let spans = slant::segment::split(&imported.text);
        for s in spans {
            assert!(imported.text.is_char_boundary(s.start) && imported.text.is_char_boundary(s.end));
        }
    }
});
