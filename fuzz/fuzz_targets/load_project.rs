//! Any bytes as a project file (see `invariants::load_project`).
#![no_main]

#[path = "../invariants.rs"]
mod invariants;

libfuzzer_sys::fuzz_target!(|data: &[u8]| invariants::load_project(data));
