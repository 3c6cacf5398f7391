//! Any bytes as a project file; a project that loads is written as every report
//! (see `invariants::reports`).
#![no_main]

#[path = "../invariants.rs"]
mod invariants;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data)
        && let Ok(project) = slant_core::store::from_ron(text, std::path::Path::new("fuzz.ron"))
    {
        invariants::reports(&project);
    }
});
