//! What must hold for any input, shared by the cargo-fuzz targets (`fuzz/fuzz_targets/`), the
//! proptest versions that run in CI (`tests/properties.rs`) and the regression tests of past
//! findings (`tests/fuzz_regressions.rs`). Each function panics when its property fails.

use std::path::Path;

use slant_core::import::{Format, ImportedText, import_bytes, repair};

/// Loading gives a project or an error, never a panic; a project it gives saves and loads back
/// the same.
pub fn load_project(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(project) = slant_core::store::from_ron(text, Path::new("fuzz.ron")) {
        let saved = slant_core::store::to_ron(&project).expect("a loaded project saves");
        let again = slant_core::store::from_ron(&saved, Path::new("fuzz.ron"))
            .expect("a saved project loads");
        assert_eq!(again, project);
    }
}

/// Sentences are in order, not overlapping, non-empty, on character boundaries, and hold no
/// white space at either end.
pub fn sentences(text: &str) {
    let mut end = 0;
    for s in slant_core::segment::split(text) {
        assert!(
            s.start >= end && s.start < s.end && s.end <= text.len(),
            "{s:?}"
        );
        assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
        let sentence = &text[s.range()];
        assert_eq!(sentence.trim(), sentence, "{s:?}");
        end = s.end;
    }
}

fn visible(t: &str) -> String {
    t.chars()
        .filter(|c| {
            !c.is_whitespace() && !matches!(c, '\u{AD}' | '\u{200B}' | '\u{2060}' | '\u{FEFF}')
        })
        .collect()
}

/// Repair changes white space and invisible characters only, and each sentence of the
/// repaired text maps back to the stretch of the original it came from.
pub fn repair(text: &str) {
    let text = text.replace('\r', "");
    let once = repair::repair(&text);
    assert_eq!(visible(&once.text), visible(&text));
    for s in slant_core::segment::split(&once.text) {
        let (start, end) = once.map.to_original(s.start, s.end);
        assert!(start <= end && end <= text.len(), "{s:?} -> {start}..{end}");
        assert!(text.is_char_boundary(start) && text.is_char_boundary(end));
        assert_eq!(visible(&text[start..end]), visible(&once.text[s.range()]));
    }
}

/// Any bytes as a text, Markdown or HTML file: an article or an error; an article's text has
/// no carriage returns and sound sentences.
pub fn import(data: &[u8], format: Format) {
    if let Ok(imported) = import_bytes(data, format, Path::new("fuzz")) {
        assert!(!imported.text.trim().is_empty());
        assert!(!imported.text.contains('\r'));
        sentences(&imported.text);
        if let Some(pasted) = ImportedText::pasted(&imported.text) {
            sentences(&pasted.text);
        }
    }
}
