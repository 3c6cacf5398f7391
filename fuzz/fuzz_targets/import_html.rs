//! Any bytes as a saved web page (see `invariants::import`).
#![no_main]

use slant_core::import::Format;

#[path = "../invariants.rs"]
mod invariants;

libfuzzer_sys::fuzz_target!(|data: &[u8]| invariants::import(data, Format::Html));
