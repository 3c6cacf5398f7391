//! The app driven as a person uses it, in egui_kittest's harness: one test binary.

mod common;

mod app_classroom;
mod app_compare;
mod app_suggestions;
mod class_export;
mod edit_text;
mod file_dialogs;
mod find;
mod first_project;
mod glyphs;
mod messages;
mod navigation;
mod new_article;
mod notes;
mod saving;
mod sentences;
mod shortcuts;
mod tagging;
mod two_windows;
mod type_ahead;
mod view;
mod web_address;
