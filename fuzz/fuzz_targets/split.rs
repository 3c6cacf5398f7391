//! Any text through the sentence splitter and the copy-paste repair: sentences are in order, not
//! overlapping, non-empty, on character boundaries, and hold no leading or trailing white space;
//! repair changes only white space and invisible
//! characters, and sentences of the repaired text map back into the original on character boundaries.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let spans = slant::segment::split(text);
    let mut end = 0;
    for s in &spans {
        assert!(s.start >= end && s.start < s.end && s.end <= text.len(), "{s:?}");
        assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
        let sentence = &text[s.range()];
        assert_eq!(sentence.trim(), sentence, "{s:?}");
        end = s.end;
    }
    let text = text.replace('\r', "");
    // Repair changes white space and invisible characters only, and a sentence of the repaired
    // text maps back to the stretch of the original it came from.
    let visible = |t: &str| -> String {
        t.chars()
            .filter(|c| !c.is_whitespace() && !matches!(c, '\u{AD}' | '\u{200B}' | '\u{2060}' | '\u{FEFF}'))
            .collect()
    };
    let once = slant::import::repair::repair(&text);
    assert_eq!(visible(&once.text), visible(&text));
    for s in slant::segment::split(&once.text) {
        let (start, end) = once.map.to_original(s.start, s.end);
        assert!(start <= end && end <= text.len(), "{s:?} -> {start}..{end}");
        assert!(text.is_char_boundary(start) && text.is_char_boundary(end));
        assert_eq!(visible(&text[start..end]), visible(&once.text[s.range()]));
    }
});
