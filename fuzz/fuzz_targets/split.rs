//! Any text through the sentence splitter and the copy-paste repair (see `invariants`).
#![no_main]

#[path = "../invariants.rs"]
mod invariants;

libfuzzer_sys::fuzz_target!(|text: &str| {
    invariants::sentences(text);
    invariants::repair(text);
});
