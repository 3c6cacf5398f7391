//! Any text through the sentence splitter and the copy-paste repair: sentences are in order, not
//! overlapping, non-empty, on character boundaries, and hold no leading or trailing white space;
//! repairing repaired text changes nothing more, and
//! sentences of the repaired text map back into the original on character boundaries.
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
    let once = slant::import::repair::repair(&text);
    for s in slant::segment::split(&once.text) {
        let (start, end) = once.map.to_original(s.start, s.end);
        assert!(start <= end && end <= text.len(), "{s:?} -> {start}..{end}");
        assert!(text.is_char_boundary(start) && text.is_char_boundary(end));
    }
    let twice = slant::import::repair::repair(&once.text);
    assert_eq!(twice.text, once.text, "{:?}", twice.repairs);
});
