//! End-to-end tests: the `slant` binary run as teachers' scripts run it, on real files.

mod bad_input;
mod cli;
mod compare_gold;
mod crash_safety;
mod import_pages;
mod real_window;
mod web_address;
mod writers;
