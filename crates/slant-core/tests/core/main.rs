//! The core's tests, as one test binary (one link instead of one per file).

#[path = "../../../../fuzz/invariants.rs"]
#[allow(dead_code)]
mod invariants;

mod cues_eval;
mod fuzz_regressions;
mod loaded_eval;
mod properties;
mod report;
mod sample_project;
mod segment_gold;
mod segment_news;
mod store_files;
